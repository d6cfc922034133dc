package org.zhurnal.grading.passfail.internal;

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

class PassFailSchemeTest {
    private static final GradingPolicy POLICY = new GradingPolicy(new BigDecimal("0.5"), 3);

    private final PassFailScheme scheme = new PassFailScheme();

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
        assertEquals("passfail", scheme.id());
        assertEquals("Зачёт/незачёт", scheme.name(Locale.forLanguageTag("ru")));
        assertEquals("Pass/fail", scheme.name(Locale.ENGLISH));
        assertEquals("Зачёт/незачёт", scheme.name(Locale.FRENCH));
        assertEquals(List.of("зачёт", "незачёт"), scheme.values(MarkUse.CURRENT));
        assertEquals(List.of("зачёт", "незачёт"), scheme.values(MarkUse.FINAL));
    }

    @Test
    void parsesSpellings() {
        for (MarkUse use : MarkUse.values()) {
            for (String raw : List.of("зачёт", "зачет", "ЗАЧЁТ", " Зачет ", "pass", "PASS")) {
                MarkValue pass = scheme.parse(raw, use).orElseThrow(() -> new AssertionError(raw));
                assertEquals("зачёт", pass.value());
                assertTrue(pass.passing());
                assertNull(pass.numeric());
                assertNull(pass.fivePoint());
            }
            for (String raw : List.of("незачёт", "незачет", "НЕЗАЧЁТ", "не зачёт", "fail")) {
                MarkValue fail = scheme.parse(raw, use).orElseThrow(() -> new AssertionError(raw));
                assertEquals("незачёт", fail.value());
                assertFalse(fail.passing());
                assertNull(fail.numeric());
                assertNull(fail.fivePoint());
            }
        }
    }

    @Test
    void refusesOtherValues() {
        for (String raw : List.of("", "  ", "5", "н/а", "зач", "зачётт", "passed", "не  зачёт", "незачёт!")) {
            assertTrue(scheme.parse(raw, MarkUse.CURRENT).isEmpty(), raw);
            assertTrue(scheme.parse(raw, MarkUse.FINAL).isEmpty(), raw);
        }
    }

    @Test
    void passesWhenWeightedShareOfPassesIsAtLeastHalf() {
        Suggestion tie = scheme.suggest(marks("зачёт", 1, "незачёт", 1, "зачёт", 1, "незачёт", 1), POLICY);
        assertEquals("зачёт", tie.value());
        assertNull(tie.average());
        assertEquals(4, tie.counted());
        assertNull(tie.reason());
        assertEquals("незачёт", scheme.suggest(marks("зачёт", 1, "незачёт", 1, "незачёт", 1), POLICY).value());
        // a failed control work (weight 3) outweighs two passed oral answers
        assertEquals("незачёт", scheme.suggest(marks("незачёт", 3, "зачёт", 1, "зачёт", 1), POLICY).value());
        assertEquals("зачёт", scheme.suggest(marks("незачёт", 2, "зачёт", 1, "зачёт", 1), POLICY).value());
    }

    @Test
    void minimumMarks() {
        Suggestion few = scheme.suggest(marks("зачёт", 1, "зачёт", 1), POLICY);
        assertNull(few.value());
        assertEquals(2, few.counted());
        assertEquals("fewer than 3 marks", few.reason());
        assertEquals("зачёт", scheme.suggest(marks("зачёт", 1), new GradingPolicy(new BigDecimal("0.5"), 1)).value());
        assertEquals("no marks", scheme.suggest(List.of(), new GradingPolicy(new BigDecimal("0.5"), 0)).reason());
    }
}
