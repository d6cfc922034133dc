package org.zhurnal.gradebook.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One mark of one student for one piece of work. Stored as the raw value plus the id of its grading scheme,
 * so it stays readable when the scheme's plug-in is removed.
 *
 * @param id the mark's id
 * @param occurrenceId the lesson it was given in ({@code entryId:yyyy-MM-dd})
 * @param lessonDate the lesson's date
 * @param schoolId the school
 * @param studentId the student
 * @param subject the subject
 * @param classId the class of the lesson, or {@code null} for a group lesson
 * @param groupId the group of the lesson, or {@code null}
 * @param schemeId the grading scheme the value belongs to, e.g. {@code fivepoint}
 * @param value the value as stored, e.g. «5-», «н/а», «зачёт»
 * @param numeric the value's number for averages, or {@code null}
 * @param workType the work type, e.g. {@code CONTROL} (see {@link WorkTypes})
 * @param weight the weight of the work type under the school's current policy
 * @param workDate when the work was done
 * @param comment the teacher's comment, or {@code null}
 * @param counts whether the mark counts in the average
 * @param visibleToFamily whether students and parents see it
 * @param recordedAt when it was first recorded (server time)
 * @param recordedBy the login that recorded it
 * @param deleted whether it was deleted (only in {@link GradebookEvents#MARK_CHANGED} payloads)
 */
public record Mark(String id, String occurrenceId, LocalDate lessonDate, String schoolId, String studentId, String subject, String classId,
        String groupId, String schemeId, String value, Double numeric, String workType, double weight, LocalDate workDate, String comment,
        boolean counts, boolean visibleToFamily, Instant recordedAt, String recordedBy, boolean deleted) {
}
