package org.zhurnal.gradebook.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.JournalLesson;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.internal.entity.AttendanceEntity;
import org.zhurnal.gradebook.internal.entity.FinalEntity;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.gradebook.internal.entity.MarkEntity;

/**
 * Entity → DTO mapping, and the same for rows of columns: the journal's views (a lesson, the grid, a student's marks)
 * read many marks and absences at once, and a projection costs a fraction of managed entities in OpenJPA.
 */
final class Mapping {
    private Mapping() {
    }

    private static Instant instant(Long epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(epochMs);
    }

    static JournalLesson toDTO(LessonEntity e) {
        List<String> links = e.getHomeworkLinks() == null || e.getHomeworkLinks().isEmpty() ? List.of()
                : Arrays.asList(e.getHomeworkLinks().split("\n"));
        return new JournalLesson(e.getOccurrenceId(), LocalDate.parse(e.getLessonDate()), e.getSchoolId(), e.getClassId(), e.getGroupId(),
                e.getSubject(), e.getTaughtBy(), e.isHeld(), e.getTopic(), e.getHomework(), links, e.getComment(), instant(e.getTopicAt()),
                instant(e.getAttendanceAt()), instant(e.getHomeworkAt()));
    }

    static Mark toDTO(MarkEntity e, double weight, boolean deleted) {
        return new Mark(e.getId(), e.getOccurrenceId(), LocalDate.parse(e.getLessonDate()), e.getSchoolId(), e.getStudentId(), e.getSubject(),
                e.getClassId(), e.getGroupId(), e.getSchemeId(), e.getValue(), e.getNumeric(), e.getWorkType(), weight,
                LocalDate.parse(e.getWorkDate()), e.getComment(), e.isCounted(), e.isFamilyVisible(), Instant.ofEpochMilli(e.getRecordedAt()),
                e.getRecordedBy(), deleted);
    }

    /** The columns of a mark for {@link #markRow}, in the JPQL of alias {@code m}. */
    static final String MARK_ROW = "m.id, m.occurrenceId, m.lessonDate, m.schoolId, m.studentId, m.subject, m.classId, m.groupId, "
            + "m.schemeId, m.value, m.numeric, m.workType, m.workDate, m.comment, m.counted, m.familyVisible, m.recordedAt, m.recordedBy";

    /**
     * The columns of {@link #MARK_ROW} in SQL, for a native query of {@code zh_g_mark m}: its rows have the same shape (JDBC
     * gives DOUBLE, BOOLEAN and BIGINT as Double, Boolean and Long), without the per-row packing of a JPQL projection.
     */
    static final String MARK_SQL = "m.id, m.occurrence_id, m.lesson_date, m.school_id, m.student_id, m.subject, m.class_id, m.group_id, "
            + "m.scheme_id, m.raw_value, m.numeric_value, m.work_type, m.work_date, m.mark_comment, m.counted, m.family_visible, "
            + "m.recorded_at, m.recorded_by";

    /** Orders rows of {@link #MARK_ROW} as they were recorded (recorded at, then id). */
    static final java.util.Comparator<Object[]> MARK_ROW_ORDER = java.util.Comparator.<Object[]>comparingLong(r -> ((Number) r[16]).longValue())
            .thenComparing(r -> (String) r[0]);

    /** As {@link #toDTO(MarkEntity, double, boolean)} for a row of {@link #MARK_ROW}; the weight by work type. */
    static Mark markRow(Object[] r, ToDoubleFunction<String> weight) {
        String workType = (String) r[11];
        return new Mark((String) r[0], (String) r[1], LocalDate.parse((String) r[2]), (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], (Double) r[10], workType, weight.applyAsDouble(workType),
                LocalDate.parse((String) r[12]), (String) r[13], (Boolean) r[14], (Boolean) r[15],
                Instant.ofEpochMilli(((Number) r[16]).longValue()), (String) r[17], false);
    }

    /** @return the school of a row of {@link #MARK_ROW} */
    static String schoolOf(Object[] markRow) {
        return (String) markRow[3];
    }

    /** @return whether a row of {@link #MARK_ROW} is visible to the family */
    static boolean familyVisible(Object[] markRow) {
        return (Boolean) markRow[15];
    }

    /** The columns of an attendance record for {@link #attendanceRow}, in the JPQL of alias {@code a}. */
    static final String ATTENDANCE_ROW = "a.occurrenceId, a.lessonDate, a.subject, a.studentId, a.code, a.category, a.lateMinutes";

    /** The columns of {@link #ATTENDANCE_ROW} in SQL, for a native query of {@code zh_g_attendance a} (INT as Integer). */
    static final String ATTENDANCE_SQL = "a.occurrence_id, a.lesson_date, a.subject, a.student_id, a.absence_code, a.category, a.late_minutes";

    /** As {@link #toDTO(AttendanceEntity)} for a row of {@link #ATTENDANCE_ROW}. */
    static Attendance attendanceRow(Object[] r) {
        return new Attendance((String) r[0], LocalDate.parse((String) r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (Integer) r[6]);
    }

    static Attendance toDTO(AttendanceEntity e) {
        return new Attendance(e.getOccurrenceId(), LocalDate.parse(e.getLessonDate()), e.getSubject(), e.getStudentId(), e.getCode(),
                e.getCategory(), e.getLateMinutes());
    }

    static FinalGrade toDTO(FinalEntity e) {
        return new FinalGrade(e.getId(), e.getSchoolId(), e.getStudentId(), e.getSubject(), e.getAcademicYear(), e.getKind(),
                FinalGrade.PERIOD.equals(e.getKind()) ? e.getPeriodKey() : null, e.getSchemeId(), e.getValue(), e.getSuggested(),
                e.getAverage(), e.getConfirmedBy(), Instant.ofEpochMilli(e.getConfirmedAt()));
    }
}
