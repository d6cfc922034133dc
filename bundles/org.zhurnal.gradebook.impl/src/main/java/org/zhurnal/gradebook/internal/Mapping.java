package org.zhurnal.gradebook.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.JournalLesson;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.internal.entity.AttendanceEntity;
import org.zhurnal.gradebook.internal.entity.FinalEntity;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.gradebook.internal.entity.MarkEntity;

/** Entity → DTO mapping. */
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
