package org.zhurnal.roster.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;

class AcademicYearsTest {

    private static final LocalDate MARCH = LocalDate.of(2027, 3, 15);

    @Test
    void theYearStartsOnTheFirstOfSeptember() {
        assertEquals(2025, AcademicYears.of(LocalDate.of(2026, 8, 31)));
        assertEquals(2026, AcademicYears.of(LocalDate.of(2026, 9, 1)));
        assertEquals(2026, AcademicYears.of(MARCH));
    }

    @Test
    void noValueMeansTheCurrentYearOnlyWhereOneIsOptional() {
        assertEquals(2026, AcademicYears.parse("year", null, MARCH));
        assertEquals(2026, AcademicYears.parse("year", "  ", MARCH));
        assertEquals(2024, AcademicYears.parse("year", " 2024 ", MARCH));
        assertEquals("academicYear", assertThrows(ProblemException.class,
                () -> AcademicYears.parseRequired("academicYear", "", MARCH)).field());
        assertEquals("fromYear", assertThrows(ProblemException.class, () -> AcademicYears.require("fromYear", null, MARCH)).field());
    }

    @Test
    void aWrongYearNamesTheFieldAndGivesTheCurrentYearAsTheExample() {
        for (String bad : new String[] {"abc", "2026/2027", "1999", "2101", "-5"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> AcademicYears.parse("year", bad, MARCH), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("year", e.field(), bad);
        }
        ProblemException e = assertThrows(ProblemException.class, () -> AcademicYears.parse("year", "1999", MARCH));
        assertTrue(e.text().in(Locale.forLanguageTag("ru")).contains("например 2026 для 2026/2027"), e.text().in(Locale.ROOT));
        assertEquals(2000, AcademicYears.require("year", 2000, MARCH));
        assertEquals(2100, AcademicYears.require("year", 2100, MARCH));
    }
}
