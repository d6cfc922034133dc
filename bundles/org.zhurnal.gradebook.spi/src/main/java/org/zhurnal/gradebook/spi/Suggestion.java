package org.zhurnal.gradebook.spi;

import java.math.BigDecimal;

/**
 * A scheme's suggested final grade for a student's marks. The teacher confirms or overrides it.
 *
 * @param value the suggested final value, or {@code null} when the scheme suggests none (see {@code reason})
 * @param average the weighted average Σ mark·weight / Σ weight of the averaged marks, rounded half-up to two
 *        decimals, or {@code null} when no mark is averaged
 * @param counted how many marks were counted
 * @param reason why no value is suggested (e.g. «fewer than 3 marks»), or {@code null}
 */
public record Suggestion(String value, BigDecimal average, int counted, String reason) {
}
