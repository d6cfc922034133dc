package org.zhurnal.gradebook.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A student's standing in one subject over one reporting period: the counted marks, the weighted average and
 * the grade the scheme in force suggests — the gradebook's suggestion and the diary's forecast are this one value.
 *
 * @param studentId the student
 * @param subject the subject
 * @param periodId the reporting period
 * @param schemeId the scheme in force, whose marks are averaged
 * @param marks the period's marks of the student in the subject (family-hidden ones only when asked for)
 * @param average Σ mark·weight / Σ weight over the counted marks of the scheme, 2 decimals, or {@code null}
 * @param suggested the suggested grade, or {@code null}
 * @param reason why nothing is suggested (e.g. too few marks, scheme not installed), or {@code null}
 * @param confirmed the confirmed period grade, or {@code null}
 * @param notShown how many of the period's counted marks the family does not see (the teacher hid them): a family view
 *        leaves them out of its average and suggestion, so those may still change — since 1.2
 */
public record Forecast(String studentId, String subject, String periodId, String schemeId, List<Mark> marks, BigDecimal average,
        String suggested, String reason, FinalGrade confirmed, int notShown) {

    /** As of 1.1: without the count of marks the family does not see. */
    public Forecast(String studentId, String subject, String periodId, String schemeId, List<Mark> marks, BigDecimal average,
            String suggested, String reason, FinalGrade confirmed) {
        this(studentId, subject, periodId, schemeId, marks, average, suggested, reason, confirmed, 0);
    }
}
