package org.zhurnal.gradebook.spi;

import java.math.BigDecimal;

/**
 * A municipality's local rules for final grades (configured by the host through ConfigAdmin, changeable at
 * run time; weights per work type are applied by the host before the scheme sees the marks).
 *
 * @param roundingThreshold the fractional part from which a weighted average rounds up: {@code 0.5} makes
 *        4.5 → 5, {@code 0.6} makes 4.5 → 4 and 4.6 → 5; between 0 (exclusive) and 1 (exclusive)
 * @param minimumMarks the fewest counted marks for which a grade is suggested (≥ 0)
 */
public record GradingPolicy(BigDecimal roundingThreshold, int minimumMarks) {
    /** The common default: 4.5 → 5, at least three marks. */
    public static final GradingPolicy DEFAULT = new GradingPolicy(new BigDecimal("0.5"), 3);

    public GradingPolicy {
        if (roundingThreshold == null || roundingThreshold.signum() <= 0 || roundingThreshold.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("roundingThreshold is between 0 and 1, exclusive");
        }
        if (minimumMarks < 0) {
            throw new IllegalArgumentException("minimumMarks is >= 0");
        }
    }

    /**
     * Rounds {@code average} by the threshold: the integer part, plus one when the fractional part reaches
     * the threshold. The one rounding rule every scheme uses, so forecasts and suggestions agree.
     *
     * @param average a non-negative average
     * @return the rounded value
     */
    public int round(BigDecimal average) {
        BigDecimal floor = average.setScale(0, java.math.RoundingMode.FLOOR);
        return floor.intValue() + (average.subtract(floor).compareTo(roundingThreshold) >= 0 ? 1 : 0);
    }
}
