package org.zhurnal.gradebook.api;

/**
 * What a grade means in its grading scheme, as {@link GradebookQuery#interpret(String, String)} reads it from the
 * scheme's plug-in (the API's view of the SPI's {@code MarkValue}).
 *
 * @param value the canonical value, e.g. «5», «зачёт», «н/а»
 * @param numeric the number that enters averages, or {@code null} when the value is not averaged
 * @param passing whether it counts as a pass for the success rate (успеваемость: no 2s and no «н/а»)
 * @param fivePoint its equivalent on the five-point scale (5 … 1), or {@code null} when it has none (pass/fail, «н/а»)
 * @since 1.1
 */
public record GradeMeaning(String value, Double numeric, boolean passing, Integer fivePoint) {
}
