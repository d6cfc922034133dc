package org.zhurnal.gradebook.api;

import java.time.LocalDate;

/**
 * Whether the entries of one held lesson met the school's deadlines (the deputy director's control): topic
 * and attendance on the day of the lesson, homework within N hours after the class's last lesson that day,
 * marks within M days of the work date. Lessons never entered are late on every count. A day is judged once it is over
 * ({@code GradebookQuery#timeliness} stops at yesterday); homework not yet due is not late.
 *
 * @param occurrenceId the lesson
 * @param date its date
 * @param schoolId the school
 * @param classId its class, or {@code null}
 * @param groupId its group, or {@code null}
 * @param subject the subject
 * @param teacherId who should have entered it (the teacher giving it that day)
 * @param topicOnTime topic recorded on the day
 * @param attendanceOnTime attendance recorded on the day
 * @param homeworkOnTime homework recorded by the deadline; {@code true} when homework was posted in advance
 * @param homeworkRecorded whether any homework was recorded at all
 * @param marks the lesson's marks
 * @param lateMarks of them, recorded more than M days after their work date
 * @param topicRecorded whether the topic is recorded at all (late when not on time) — since 1.2
 * @param attendanceRecorded whether attendance is recorded at all (late when not on time) — since 1.2
 */
public record LessonTimeliness(String occurrenceId, LocalDate date, String schoolId, String classId, String groupId, String subject,
        String teacherId, boolean topicOnTime, boolean attendanceOnTime, boolean homeworkOnTime, boolean homeworkRecorded, int marks,
        int lateMarks, boolean topicRecorded, boolean attendanceRecorded) {

    /** As of 1.1, without telling late from missing: what was not on time counts as not recorded. */
    public LessonTimeliness(String occurrenceId, LocalDate date, String schoolId, String classId, String groupId, String subject,
            String teacherId, boolean topicOnTime, boolean attendanceOnTime, boolean homeworkOnTime, boolean homeworkRecorded, int marks,
            int lateMarks) {
        this(occurrenceId, date, schoolId, classId, groupId, subject, teacherId, topicOnTime, attendanceOnTime, homeworkOnTime,
                homeworkRecorded, marks, lateMarks, topicOnTime, attendanceOnTime);
    }
}
