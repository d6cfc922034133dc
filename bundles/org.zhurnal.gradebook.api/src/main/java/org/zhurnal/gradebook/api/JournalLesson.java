package org.zhurnal.gradebook.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the journal records for one lesson occurrence.
 *
 * @param occurrenceId the lesson ({@code entryId:yyyy-MM-dd})
 * @param date its date
 * @param schoolId the school
 * @param classId its class, or {@code null}
 * @param groupId its group, or {@code null}
 * @param subject the subject
 * @param taughtBy the teacher who actually taught it, as recorded at entry
 * @param held {@code false} when the teacher recorded that it did not take place
 * @param topic the topic, or {@code null}
 * @param homework the homework text, or {@code null}
 * @param homeworkLinks links attached to the homework
 * @param comment the teacher's comment, or {@code null}
 * @param topicRecordedAt when the topic was first recorded, or {@code null}
 * @param attendanceRecordedAt when attendance was first recorded (an empty list counts: everyone present), or {@code null}
 * @param homeworkRecordedAt when homework was first posted, or {@code null}
 */
public record JournalLesson(String occurrenceId, LocalDate date, String schoolId, String classId, String groupId, String subject,
        String taughtBy, boolean held, String topic, String homework, List<String> homeworkLinks, String comment, Instant topicRecordedAt,
        Instant attendanceRecordedAt, Instant homeworkRecordedAt) {
}
