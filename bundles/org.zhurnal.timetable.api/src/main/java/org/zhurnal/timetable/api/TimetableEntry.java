package org.zhurnal.timetable.api;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * One line of a school's weekly timetable template.
 *
 * @param id the entry's id (UUID)
 * @param schoolId the school
 * @param academicYear the academic year (2026 = 2026/2027)
 * @param classId the class, or {@code null} when the lesson is for a group
 * @param groupId the group, or {@code null} when the lesson is for a whole class
 * @param subject the subject, e.g. «Математика»
 * @param teacherId the teacher (a STAFF person of the school)
 * @param room the room, or {@code null}
 * @param weekday the weekday of the lesson
 * @param lessonNumber the lesson number (1–12)
 * @param validFrom the first day the entry applies
 * @param validTo the last day the entry applies; {@code null} = open-ended
 * @param weeks {@code ALL}, {@code ODD} or {@code EVEN} (ISO week numbers)
 */
public record TimetableEntry(String id, String schoolId, int academicYear, String classId, String groupId, String subject,
        String teacherId, String room, DayOfWeek weekday, int lessonNumber, LocalDate validFrom, LocalDate validTo, String weeks) {

    /** @return whether the entry applies on {@code date} by its validity (weekday and parity not checked) */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
