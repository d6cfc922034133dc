package org.zhurnal.timetable.api;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One lesson on one date, computed from the timetable template, the calendar and the bell schedule.
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
 * @param teacherId the teacher
 * @param room the room, or {@code null}
 */
public record Lesson(String occurrenceId, String entryId, LocalDate date, int lessonNumber, LocalTime start, LocalTime end,
        String subject, String classId, String groupId, String teacherId, String room) {
}
