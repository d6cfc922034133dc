package org.zhurnal.gradebook.api;

import java.time.LocalDate;

/**
 * A student's absence or lateness at one lesson (students without a record were present).
 *
 * @param occurrenceId the lesson
 * @param lessonDate its date
 * @param subject its subject
 * @param studentId the student
 * @param code the code from the school's reference book, e.g. «н», «б», «у», «оп»
 * @param category {@link AbsenceCode#ILLNESS}, {@link AbsenceCode#EXCUSED}, {@link AbsenceCode#UNEXCUSED} or {@link AbsenceCode#LATE}
 * @param lateMinutes minutes late for lateness, else {@code null}
 */
public record Attendance(String occurrenceId, LocalDate lessonDate, String subject, String studentId, String code, String category,
        Integer lateMinutes) {
}
