package org.zhurnal.gradebook.spi;

/**
 * A mark that counts towards a period grade, with the weight of its work type (a control work weighs more
 * than an oral answer). The host only passes marks flagged "counts in average".
 *
 * @param mark the mark, as parsed by the same scheme
 * @param weight its weight, &gt; 0
 */
public record WeightedMark(MarkValue mark, double weight) {
    public WeightedMark {
        if (mark == null) {
            throw new IllegalArgumentException("mark is required");
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("weight is > 0");
        }
    }
}
