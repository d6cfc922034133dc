package org.zhurnal.grading.hundredpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zhurnal.gradebook.spi.GradingPolicy;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;

class HundredPointSchemeTest {
    private static final GradingPolicy HALF = new GradingPolicy(new BigDecimal("0.5"), 3);
    private static final GradingPolicy SIX_TENTHS = new GradingPolicy(new BigDecimal("0.6"), 3);

    private final HundredPointScheme scheme = new HundredPointScheme();

    private WeightedMark mark(String raw, double weight) {
        return new WeightedMark(scheme.parse(raw, MarkUse.CURRENT).orElseThrow(), weight);
    }

    @Test
    void identity() {
        assertEquals("hundredpoint", scheme.id());
        assertEquals("Стобалльная", scheme.name(Locale.forLanguageTag("ru")));
        assertEquals("Hundred-point", scheme.name(Locale.UK));
        assertEquals("Стобалльная", scheme.name(Locale.ITALIAN));
        List<String> values = scheme.values(MarkUse.FINAL);
        assertEquals(101, values.size());
        assertEquals("100", values.get(0));
        assertEquals("0", values.get(100));
        assertEquals(values, scheme.values(MarkUse.CURRENT));
    }

    @Test
    void parsesZeroToHundred() {
        for (MarkUse use : MarkUse.values()) {
            for (String value : scheme.values(use)) {
                MarkValue mark = scheme.parse(" " + value, use).orElseThrow();
                assertEquals(value, mark.value());
                assertEquals(Double.parseDouble(value), mark.numeric());
            }
        }
    }

    @Test
    void refusesOutOfRangeAndGarbage() {
        for (String raw : List.of("101", "-1", "+50", "050", "00", "72.5", "72%", "1000", "", "н/а", "сто", "5 0")) {
            assertTrue(scheme.parse(raw, MarkUse.CURRENT).isEmpty(), raw);
            assertTrue(scheme.parse(raw, MarkUse.FINAL).isEmpty(), raw);
        }
    }

    @Test
    void fivePointBandsAndPassing() {
        assertBand("100", "5", true);
        assertBand("85", "5", true);
        assertBand("84", "4", true);
        assertBand("65", "4", true);
        assertBand("64", "3", true);
        assertBand("45", "3", true);
        assertBand("44", "2", false);
        assertBand("0", "2", false);
    }

    private void assertBand(String raw, String fivePoint, boolean passing) {
        MarkValue mark = scheme.parse(raw, MarkUse.FINAL).orElseThrow();
        assertEquals(fivePoint, mark.fivePoint(), raw);
        assertEquals(passing, mark.passing(), raw);
    }

    @Test
    void roundsWeightedAverageByPolicyThreshold() {
        // 72·1 + 73·1 + 72·1 + 73·1 = 72.5 on average
        List<WeightedMark> marks = List.of(mark("72", 1), mark("73", 1), mark("72", 1), mark("73", 1));
        Suggestion half = scheme.suggest(marks, HALF);
        assertEquals(new BigDecimal("72.50"), half.average());
        assertEquals("73", half.value());
        assertNull(half.reason());
        assertEquals("72", scheme.suggest(marks, SIX_TENTHS).value());
        // a control work of 40 (weight 2) and two tests of 100: (80 + 200) / 4 = 70
        Suggestion weighted = scheme.suggest(List.of(mark("40", 2), mark("100", 1), mark("100", 1)), HALF);
        assertEquals(new BigDecimal("70.00"), weighted.average());
        assertEquals("70", weighted.value());
        assertEquals(3, weighted.counted());
    }

    @Test
    void minimumMarks() {
        Suggestion few = scheme.suggest(List.of(mark("90", 1), mark("0", 1)), HALF);
        assertNull(few.value());
        assertEquals(new BigDecimal("45.00"), few.average());
        assertEquals("fewer than 3 marks", few.reason());
        assertEquals("0", scheme.suggest(List.of(mark("0", 1)), new GradingPolicy(new BigDecimal("0.5"), 1)).value());
        assertEquals("no marks", scheme.suggest(List.of(), new GradingPolicy(new BigDecimal("0.5"), 0)).reason());
    }
}
