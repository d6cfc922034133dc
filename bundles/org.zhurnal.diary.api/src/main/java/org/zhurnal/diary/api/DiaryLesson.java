package org.zhurnal.diary.api;

import java.time.LocalTime;
import java.util.List;

/**
 * One lesson as the family sees it.
 *
 * @param occurrenceId the lesson occurrence ({@code entryId:yyyy-MM-dd})
 * @param number the lesson number in the day
 * @param start start time, or {@code null} when no bell schedule applies
 * @param end end time, or {@code null}
 * @param subject the subject
 * @param teacherName who teaches it (the substitute for a substituted lesson), or {@code null}
 * @param room the room, or {@code null}
 * @param status {@code SCHEDULED}, {@code SUBSTITUTED} or {@code CANCELLED}
 * @param changeReason why it was substituted or cancelled, or {@code null}
 * @param topic the topic, or {@code null}
 * @param homework the homework set at this lesson (posted in advance too), or {@code null}
 * @param homeworkLinks links of the homework
 * @param comment the teacher's comment on the lesson, or {@code null}
 * @param marks the student's marks given at this lesson (never those hidden from the family)
 * @param absence the student's absence or lateness, or {@code null}
 */
public record DiaryLesson(String occurrenceId, int number, LocalTime start, LocalTime end, String subject, String teacherName, String room,
        String status, String changeReason, String topic, String homework, List<String> homeworkLinks, String comment, List<DiaryMark> marks,
        DiaryAbsence absence) {
    public DiaryLesson {
        homeworkLinks = homeworkLinks == null ? List.of() : List.copyOf(homeworkLinks);
        marks = List.copyOf(marks);
    }
}
