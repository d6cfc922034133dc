package org.zhurnal.timetable.api;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One lesson on one date, computed from the timetable template, the calendar, the bell schedule and the
 * day's changes (substitution, cancellation).
 *
 * @param occurrenceId stable id of the occurrence: {@code entryId + ":" + date}
 * @param entryId the template entry
 * @param date the date
 * @param lessonNumber the lesson number
 * @param start when it begins (from that day's bell schedule)
 * @param end when it ends
 * @param subject the subject
 * @param classId the class, or {@code null} for a group lesson
 * @param groupId the group, or {@code null} for a whole-class lesson
 * @param teacherId the teacher who gives it that day: the substitute when substituted
 * @param room the room that day (a substitution may move it), or {@code null}
 * @param status {@link #SCHEDULED}, {@link #SUBSTITUTED} or {@link #CANCELLED}
 * @param regularTeacherId the template's teacher
 * @param changeReason why it was substituted or cancelled, or {@code null}
 * @param revision how many times the occurrence was changed (0 = never; an iCalendar SEQUENCE)
 */
public record Lesson(String occurrenceId, String entryId, LocalDate date, int lessonNumber, LocalTime start, LocalTime end,
        String subject, String classId, String groupId, String teacherId, String room, String status, String regularTeacherId,
        String changeReason, int revision) {
    /** As in the template. */
    public static final String SCHEDULED = "SCHEDULED";
    /** Given by another teacher, or in another room. */
    public static final String SUBSTITUTED = "SUBSTITUTED";
    /** Does not take place. */
    public static final String CANCELLED = "CANCELLED";

    /** @return whether the lesson does not take place */
    public boolean cancelled() {
        return CANCELLED.equals(status);
    }

    /** @return the occurrence id of {@code entryId} on {@code date} */
    public static String occurrenceId(String entryId, LocalDate date) {
        return entryId + ":" + date;
    }
}
