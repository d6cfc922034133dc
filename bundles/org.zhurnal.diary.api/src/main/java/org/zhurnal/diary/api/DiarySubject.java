package org.zhurnal.diary.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * One subject of a period: the gradebook's own forecast ({@link org.zhurnal.gradebook.api.GradebookQuery#forecast}
 * over the marks the family sees), not a second computation.
 *
 * @param subject the subject
 * @param schemeId the grading scheme in force
 * @param marks the period's marks by date
 * @param average the weighted average Σ mark·weight / Σ weight, or {@code null}
 * @param forecast the grade the scheme suggests, or {@code null}
 * @param reason why there is no forecast (too few marks, …), or {@code null}
 * @param confirmed the period grade the teacher confirmed, or {@code null}
 * @param notShown how many counted marks of the period the teacher has not shown to the family yet: average and forecast
 *        leave them out, and may change when they are shown — since 1.1
 */
public record DiarySubject(String subject, String schemeId, List<DiaryMark> marks, BigDecimal average, String forecast, String reason,
        String confirmed, int notShown) {
    public DiarySubject {
        marks = List.copyOf(marks);
    }

    /** As of 1.0: without the count of marks not shown. */
    public DiarySubject(String subject, String schemeId, List<DiaryMark> marks, BigDecimal average, String forecast, String reason,
            String confirmed) {
        this(subject, schemeId, marks, average, forecast, reason, confirmed, 0);
    }
}
