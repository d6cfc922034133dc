package org.zhurnal.gradebook.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A confirmed period, year, exam or final grade.
 *
 * @param id its id
 * @param schoolId the school
 * @param studentId the student
 * @param subject the subject
 * @param academicYear the academic year (2026 = 2026/2027)
 * @param kind {@link #PERIOD}, {@link #YEAR}, {@link #EXAM} or {@link #FINAL}
 * @param periodId the reporting period for {@link #PERIOD}, else {@code null}
 * @param schemeId the grading scheme of the value
 * @param value the confirmed value
 * @param suggested what the scheme suggested when it was confirmed, or {@code null}
 * @param average the weighted average at confirmation, or {@code null}
 * @param confirmedBy the login that confirmed it
 * @param confirmedAt when
 */
public record FinalGrade(String id, String schoolId, String studentId, String subject, int academicYear, String kind, String periodId,
        String schemeId, String value, String suggested, BigDecimal average, String confirmedBy, Instant confirmedAt) {
    public static final String PERIOD = "PERIOD";
    public static final String YEAR = "YEAR";
    public static final String EXAM = "EXAM";
    public static final String FINAL = "FINAL";
}
