package org.zhurnal.example.grading.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class LevelsSchemeTest {
    private static final GradingPolicy HALF = new GradingPolicy(new BigDecimal("0.5"), 3);
    private static final GradingPolicy SIX_TENTHS = new GradingPolicy(new BigDecimal("0.6"), 3);

    private final LevelsScheme scheme = new LevelsScheme();

    private WeightedMark mark(String raw, double weight) {
        return new WeightedMark(scheme.parse(raw, MarkUse.CURRENT).orElseThrow(), weight);
    }

    @Test
    void identity() {
        assertEquals("levels", scheme.id());
        assertEquals("Уровни", scheme.name(Locale.forLanguageTag("ru")));
        assertEquals("Achievement levels", scheme.name(Locale.ENGLISH));
        assertEquals("Уровни", scheme.name(Locale.JAPANESE));
        assertEquals(List.of("В", "П", "Б", "Н"), scheme.values(MarkUse.CURRENT));
        assertEquals(scheme.values(MarkUse.CURRENT), scheme.values(MarkUse.FINAL));
    }

    @Test
    void parsesLettersAndWords() {
        assertEquals("В", scheme.parse(" в ", MarkUse.FINAL).orElseThrow().value());
        assertEquals("Б", scheme.parse("Базовый", MarkUse.CURRENT).orElseThrow().value());
        assertEquals("Н", scheme.parse("НЕДОСТАТОЧНЫЙ", MarkUse.FINAL).orElseThrow().value());
        // Latin look-alikes are not levels
        for (String raw : List.of("B", "H", "", "5", "ВП", "высокая", "н/а")) {
            assertTrue(scheme.parse(raw, MarkUse.CURRENT).isEmpty(), raw);
        }
    }

    @Test
    void numericPassingAndFivePoint() {
        String[][] expected = {{"В", "4.0", "true", "5"}, {"П", "3.0", "true", "4"}, {"Б", "2.0", "true", "3"},
                {"Н", "1.0", "false", "2"}};
        for (String[] row : expected) {
            MarkValue level = scheme.parse(row[0], MarkUse.FINAL).orElseThrow();
            assertEquals(Double.parseDouble(row[1]), level.numeric(), row[0]);
            assertEquals(Boolean.parseBoolean(row[2]), level.passing(), row[0]);
            assertEquals(row[3], level.fivePoint(), row[0]);
        }
        assertFalse(scheme.parse("н", MarkUse.CURRENT).orElseThrow().passing());
    }

    @Test
    void suggestsTheRoundedLevel() {
        // В, П, В, П: (4 + 3 + 4 + 3) / 4 = 3.5
        List<WeightedMark> marks = List.of(mark("В", 1), mark("П", 1), mark("В", 1), mark("П", 1));
        Suggestion half = scheme.suggest(marks, HALF);
        assertEquals(new BigDecimal("3.50"), half.average());
        assertEquals("В", half.value());
        assertEquals("П", scheme.suggest(marks, SIX_TENTHS).value());
        // an insufficient check work weighing 2 pulls Б, Б down to (1·2 + 2 + 2) / 4 = 1.5
        Suggestion weighted = scheme.suggest(List.of(mark("Н", 2), mark("Б", 1), mark("Б", 1)), SIX_TENTHS);
        assertEquals(new BigDecimal("1.50"), weighted.average());
        assertEquals("Н", weighted.value());
    }

    @Test
    void minimumMarks() {
        Suggestion few = scheme.suggest(List.of(mark("В", 1)), HALF);
        assertNull(few.value());
        assertEquals("fewer than 3 marks", few.reason());
        assertEquals(1, few.counted());
        assertEquals("no marks", scheme.suggest(List.of(), HALF).reason());
    }
}
