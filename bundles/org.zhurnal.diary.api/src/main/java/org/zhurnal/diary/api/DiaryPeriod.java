package org.zhurnal.diary.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A student's reporting period in the diary.
 *
 * @param studentId the student
 * @param studentName «Фамилия Имя»
 * @param periodId the reporting period
 * @param periodName its name, e.g. «2 четверть»
 * @param from its first day
 * @param to its last day
 * @param subjects per subject, by subject name
 * @param yearGrades the confirmed year, exam and final grades of the academic year
 */
public record DiaryPeriod(String studentId, String studentName, String periodId, String periodName, LocalDate from, LocalDate to,
        List<DiarySubject> subjects, List<DiaryGrade> yearGrades) {
    public DiaryPeriod {
        subjects = List.copyOf(subjects);
        yearGrades = List.copyOf(yearGrades);
    }
}
