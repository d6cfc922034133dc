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
 */
public record DiarySubject(String subject, String schemeId, List<DiaryMark> marks, BigDecimal average, String forecast, String reason,
        String confirmed) {
    public DiarySubject {
        marks = List.copyOf(marks);
    }
}
