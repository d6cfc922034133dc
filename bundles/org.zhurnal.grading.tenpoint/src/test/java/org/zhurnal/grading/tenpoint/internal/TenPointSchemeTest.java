package org.zhurnal.grading.tenpoint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zhurnal.gradebook.spi.GradingPolicy;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;

class TenPointSchemeTest {
    private static final GradingPolicy HALF = new GradingPolicy(new BigDecimal("0.5"), 3);
    private static final GradingPolicy SIX_TENTHS = new GradingPolicy(new BigDecimal("0.6"), 3);

    private final TenPointScheme scheme = new TenPointScheme();

    private List<WeightedMark> marks(Object... markAndWeight) {
        List<WeightedMark> list = new ArrayList<>();
        for (int i = 0; i < markAndWeight.length; i += 2) {
            MarkValue mark = scheme.parse((String) markAndWeight[i], MarkUse.CURRENT).orElseThrow();
            list.add(new WeightedMark(mark, ((Number) markAndWeight[i + 1]).doubleValue()));
        }
        return list;
    }

    @Test
    void identity() {
        assertEquals("tenpoint", scheme.id());
        assertEquals("Десятибалльная", scheme.name(Locale.forLanguageTag("ru-RU")));
        assertEquals("Ten-point", scheme.name(Locale.US));
        assertEquals("Десятибалльная", scheme.name(Locale.CHINESE));
        assertEquals(10, scheme.values(MarkUse.FINAL).size());
        assertEquals("10", scheme.values(MarkUse.CURRENT).get(0));
    }

    @Test
    void parsesOneToTen() {
        for (MarkUse use : MarkUse.values()) {
            for (int v = 1; v <= 10; v++) {
                MarkValue mark = scheme.parse(" " + v + " ", use).orElseThrow();
                assertEquals(Integer.toString(v), mark.value());
                assertEquals(v, mark.numeric());
            }
        }
    }

    @Test
    void refusesOutOfRangeAndGarbage() {
        for (String raw : List.of("0", "11", "-1", "+5", "05", "7.5", "7+", "8-", "н/а", "", "десять", "1 0")) {
            assertTrue(scheme.parse(raw, MarkUse.CURRENT).isEmpty(), raw);
            assertTrue(scheme.parse(raw, MarkUse.FINAL).isEmpty(), raw);
        }
    }

    @Test
    void passingAndFivePointMapping() {
        String[] expected = {null, "2", "2", "2", "3", "3", "3", "4", "4", "5", "5"};
        for (int v = 1; v <= 10; v++) {
            MarkValue mark = scheme.parse(Integer.toString(v), MarkUse.FINAL).orElseThrow();
            assertEquals(expected[v], mark.fivePoint(), "fivePoint of " + v);
            assertEquals(v >= 4, mark.passing(), "passing of " + v);
        }
        assertFalse(scheme.parse("3", MarkUse.FINAL).orElseThrow().passing());
        assertTrue(scheme.parse("4", MarkUse.FINAL).orElseThrow().passing());
    }

    @Test
    void roundsWeightedAverageByPolicyThreshold() {
        // (9 + 8 + 9 + 8) / 4 = 8.5
        List<WeightedMark> marks = marks("9", 1, "8", 1, "9", 1, "8", 1);
        Suggestion half = scheme.suggest(marks, HALF);
        assertEquals(new BigDecimal("8.50"), half.average());
        assertEquals("9", half.value());
        assertEquals(4, half.counted());
        assertNull(half.reason());
        assertEquals("8", scheme.suggest(marks, SIX_TENTHS).value());
        // a control work of 4 weighing 2 against two 10s: (8 + 20) / 4 = 7.00
        assertEquals(new BigDecimal("7.00"), scheme.suggest(marks("4", 2, "10", 1, "10", 1), HALF).average());
        assertEquals("7", scheme.suggest(marks("4", 2, "10", 1, "10", 1), HALF).value());
        assertEquals("10", scheme.suggest(marks("10", 1, "10", 1, "10", 1), SIX_TENTHS).value());
    }

    @Test
    void minimumMarks() {
        Suggestion few = scheme.suggest(marks("10", 1, "9", 1), HALF);
        assertNull(few.value());
        assertEquals(new BigDecimal("9.50"), few.average());
        assertEquals(2, few.counted());
        assertEquals("fewer than 3 marks", few.reason());
        assertEquals("10", scheme.suggest(marks("10", 1, "9", 1), new GradingPolicy(new BigDecimal("0.5"), 2)).value());
        assertEquals("no marks", scheme.suggest(List.of(), new GradingPolicy(new BigDecimal("0.5"), 0)).reason());
    }
}
