package org.zhurnal.grading.fivepoint.internal;

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

class FivePointSchemeTest {
    private static final GradingPolicy HALF = new GradingPolicy(new BigDecimal("0.5"), 3);
    private static final GradingPolicy SIX_TENTHS = new GradingPolicy(new BigDecimal("0.6"), 3);

    private final FivePointScheme scheme = new FivePointScheme();

    private MarkValue current(String raw) {
        return scheme.parse(raw, MarkUse.CURRENT).orElseThrow();
    }

    private List<WeightedMark> marks(Object... markAndWeight) {
        List<WeightedMark> list = new ArrayList<>();
        for (int i = 0; i < markAndWeight.length; i += 2) {
            list.add(new WeightedMark(current((String) markAndWeight[i]), ((Number) markAndWeight[i + 1]).doubleValue()));
        }
        return list;
    }

    @Test
    void identity() {
        assertEquals("fivepoint", scheme.id());
        assertEquals("Пятибалльная", scheme.name(Locale.forLanguageTag("ru")));
        assertEquals("Five-point", scheme.name(Locale.ENGLISH));
        assertEquals("Пятибалльная", scheme.name(Locale.GERMAN));
    }

    @Test
    void parsesModifiersOnCurrentMarks() {
        MarkValue fiveMinus = current(" 5- ");
        assertEquals("5-", fiveMinus.value());
        assertEquals(4.75, fiveMinus.numeric());
        assertTrue(fiveMinus.passing());
        assertEquals("5", fiveMinus.fivePoint());

        MarkValue fourPlus = current("4+");
        assertEquals(4.25, fourPlus.numeric());
        assertEquals("4", fourPlus.fivePoint());

        assertEquals("3-", current("3\u2212").value());
        assertTrue(current("3-").passing());
        assertFalse(current("2+").passing());
        assertEquals("2", current("2+").fivePoint());
        assertEquals(1.25, current("1+").numeric());
    }

    @Test
    void refusesImpossibleModifiersAndGarbage() {
        for (String raw : List.of("5+", "1-", "6", "0", "-1", "4++", "+4", "45", "", "   ", "пять", "4.5", "н/а/")) {
            assertTrue(scheme.parse(raw, MarkUse.CURRENT).isEmpty(), raw);
        }
    }

    @Test
    void notAssessedVariants() {
        for (String raw : List.of("н/а", "на", "Н/А", "n/a", "N/A", " н/а ")) {
            MarkValue na = scheme.parse(raw, MarkUse.CURRENT).orElseThrow(() -> new AssertionError(raw));
            assertEquals("н/а", na.value());
            assertNull(na.numeric());
            assertFalse(na.passing());
            assertNull(na.fivePoint());
            assertEquals("н/а", scheme.parse(raw, MarkUse.FINAL).orElseThrow().value());
        }
    }

    @Test
    void finalGradesHaveNoModifiers() {
        assertTrue(scheme.parse("4+", MarkUse.FINAL).isEmpty());
        assertTrue(scheme.parse("5-", MarkUse.FINAL).isEmpty());
        assertEquals(4.0, scheme.parse("4", MarkUse.FINAL).orElseThrow().numeric());
        assertEquals(List.of("5", "4", "3", "2", "1", "н/а"), scheme.values(MarkUse.FINAL));
        assertTrue(scheme.values(MarkUse.CURRENT).containsAll(List.of("5-", "4+", "1+")));
        assertFalse(scheme.values(MarkUse.CURRENT).contains("5+"));
        assertFalse(scheme.values(MarkUse.CURRENT).contains("1-"));
        for (MarkUse use : MarkUse.values()) {
            for (String value : scheme.values(use)) {
                assertEquals(value, scheme.parse(value, use).orElseThrow().value());
            }
        }
    }

    @Test
    void roundsWeightedAverageByPolicyThreshold() {
        // 5·1 + 4·1 = 4.5
        List<WeightedMark> marks = marks("5", 1, "4", 1, "5", 1, "4", 1);
        Suggestion half = scheme.suggest(marks, HALF);
        assertEquals(new BigDecimal("4.50"), half.average());
        assertEquals("5", half.value());
        assertEquals(4, half.counted());
        assertNull(half.reason());
        assertEquals("4", scheme.suggest(marks, SIX_TENTHS).value());
    }

    @Test
    void weightsCount() {
        // a control work (weight 2) of 3 and two oral 5s: (3·2 + 5 + 5) / 4 = 4.00
        Suggestion s = scheme.suggest(marks("3", 2, "5", 1, "5", 1), HALF);
        assertEquals(new BigDecimal("4.00"), s.average());
        assertEquals("4", s.value());
        // modifiers enter the average: (5 + 4.75 + 4) / 3 = 4.583
        Suggestion m = scheme.suggest(marks("5", 1, "5-", 1, "4", 1), SIX_TENTHS);
        assertEquals(new BigDecimal("4.58"), m.average());
        assertEquals("4", m.value());
    }

    @Test
    void roundsTheTwoDecimalAverageTheTeacherSees() {
        // 5·0.499 + 4·0.501 = 4.499 → shown 4.50 → «5» at threshold 0.5
        Suggestion s = scheme.suggest(marks("5", 0.499, "4", 0.501), new GradingPolicy(new BigDecimal("0.5"), 2));
        assertEquals(new BigDecimal("4.50"), s.average());
        assertEquals("5", s.value());
    }

    @Test
    void minimumMarksAndNotAssessed() {
        Suggestion few = scheme.suggest(marks("5", 1, "5", 1, "н/а", 1), HALF);
        assertNull(few.value());
        assertEquals(2, few.counted());
        assertEquals(new BigDecimal("5.00"), few.average());
        assertEquals("fewer than 3 marks", few.reason());
        assertEquals("5", scheme.suggest(marks("5", 1, "5", 1), new GradingPolicy(new BigDecimal("0.5"), 2)).value());

        Suggestion onlyNotAssessed = scheme.suggest(marks("н/а", 1, "н/а", 2), HALF);
        assertEquals("н/а", onlyNotAssessed.value());
        assertNull(onlyNotAssessed.average());
        assertEquals(0, onlyNotAssessed.counted());

        Suggestion none = scheme.suggest(List.of(), new GradingPolicy(new BigDecimal("0.5"), 0));
        assertNull(none.value());
        assertEquals("no marks", none.reason());
    }

    @Test
    void lowGradesStayOnTheScale() {
        assertEquals("2", scheme.suggest(marks("2", 1, "2-", 1, "3", 1), HALF).value());
        assertEquals("1", scheme.suggest(marks("1", 1, "1", 1, "1+", 1), HALF).value());
    }
}
