package org.zhurnal.gradebook.spi;

/**
 * A valid value of a scheme, as the scheme understands it.
 *
 * @param value the canonical text stored and shown (e.g. «5», «4-», «н/а», «зачёт»); never {@code null}
 * @param numeric the number that enters weighted averages, or {@code null} when the value is not averaged
 *        (e.g. «н/а», «зачёт»)
 * @param passing whether the value is a pass (for the success rate: no 2s and no «н/а»)
 * @param fivePoint the equivalent on the five-point scale for reports across schemes («5» … «1»), or
 *        {@code null} when there is none (pass/fail, «н/а»)
 */
public record MarkValue(String value, Double numeric, boolean passing, String fivePoint) {
    public MarkValue {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("value is required");
        }
    }
}
