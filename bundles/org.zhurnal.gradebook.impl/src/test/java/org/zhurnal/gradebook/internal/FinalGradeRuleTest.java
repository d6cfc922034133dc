package org.zhurnal.gradebook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.grading.fivepoint.internal.FivePointScheme;

/** The final (certificate) grade suggested from the year, exam and earlier grades, with the real five-point plug-in. */
class FinalGradeRuleTest {

    private final GradingScheme five = new FivePointScheme();

    private static FinalGrade g(String kind, int year, String value) {
        return new FinalGrade("id", "s", "st", "Математика", year, kind, null, "fivepoint", value, null, null, null, null);
    }

    @Test
    void ninthGradeAveragesTheYearAndTheExamRoundingHalvesUp() {
        assertEquals("5", Finals.suggestFinal(five, 9, List.of(), g(FinalGrade.YEAR, 2026, "4"), g(FinalGrade.EXAM, 2026, "5"), List.of()).value());
        assertEquals("4", Finals.suggestFinal(five, 9, List.of(), g(FinalGrade.YEAR, 2026, "4"), g(FinalGrade.EXAM, 2026, "3"), List.of()).value());
        assertEquals("3", Finals.suggestFinal(five, 9, List.of(), g(FinalGrade.YEAR, 2026, "3"), g(FinalGrade.EXAM, 2026, "3"), List.of()).value());
    }

    @Test
    void withoutAnExamTheFinalGradeIsTheYearGrade() {
        assertEquals("4", Finals.suggestFinal(five, 9, List.of(), g(FinalGrade.YEAR, 2026, "4"), null, List.of()).value());
        Suggestion none = Finals.suggestFinal(five, 9, List.of(), null, g(FinalGrade.EXAM, 2026, "5"), List.of());
        assertNull(none.value());
        assertEquals("no year grade", none.reason());
    }

    @Test
    void aGradeThatIsNotAveragedLeavesTheDecisionToTheSchool() {
        Suggestion s = Finals.suggestFinal(five, 9, List.of(), g(FinalGrade.YEAR, 2026, "4"), g(FinalGrade.EXAM, 2026, "н/а"), List.of());
        assertNull(s.value());
        assertEquals("not averaged: н/а", s.reason());
    }

    @Test
    void eleventhGradeAveragesTheHalfYearAndYearGradesOfTheTenthAndEleventh() {
        List<FinalGrade> tenth = new ArrayList<>(List.of(g(FinalGrade.PERIOD, 2025, "4"), g(FinalGrade.PERIOD, 2025, "4"), g(FinalGrade.YEAR, 2025, "4")));
        List<FinalGrade> eleventh = List.of(g(FinalGrade.PERIOD, 2026, "5"), g(FinalGrade.PERIOD, 2026, "5"));
        // (4 + 4 + 4 + 5 + 5 + 5) / 6 = 4.5 → 5; the exam (ЕГЭ) does not count in the 11th grade.
        assertEquals("5", Finals.suggestFinal(five, 11, eleventh, g(FinalGrade.YEAR, 2026, "5"), g(FinalGrade.EXAM, 2026, "3"), tenth).value());
        tenth.add(g(FinalGrade.PERIOD, 2025, "3"));
        // (4 + 4 + 4 + 3 + 5 + 5 + 5) / 7 = 4.29 → 4
        assertEquals("4", Finals.suggestFinal(five, 11, eleventh, g(FinalGrade.YEAR, 2026, "5"), null, tenth).value());
    }
}
