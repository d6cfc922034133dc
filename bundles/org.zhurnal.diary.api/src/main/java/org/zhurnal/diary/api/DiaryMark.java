package org.zhurnal.diary.api;

import java.time.LocalDate;

/**
 * A mark as the family sees it.
 *
 * @param id the mark's id
 * @param value the value, e.g. «5-», «зачёт»
 * @param schemeId its grading scheme
 * @param workType the work type, e.g. {@code CONTROL}
 * @param weight the work type's weight
 * @param workDate when the work was done
 * @param comment the teacher's comment, or {@code null}
 * @param counts whether it counts in the average
 */
public record DiaryMark(String id, String value, String schemeId, String workType, double weight, LocalDate workDate, String comment,
        boolean counts) {
}
