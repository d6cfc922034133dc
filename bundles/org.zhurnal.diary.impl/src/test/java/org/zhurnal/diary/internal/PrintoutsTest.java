package org.zhurnal.diary.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;

/** A printout cannot be handed over before its week's printouts are ready. */
class PrintoutsTest {
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);
    private static final LocalDate FRIDAY = LocalDate.of(2027, 3, 5);

    @Test
    void aWeekNotReadyYetIsAConflictInEnglishAndRussian() {
        for (LocalDate today : new LocalDate[] {LocalDate.of(2026, 11, 16), MONDAY, FRIDAY.minusDays(1)}) {
            ProblemException p = assertThrows(ProblemException.class, () -> Printouts.requireReady(MONDAY, FRIDAY, today));
            assertEquals(409, p.status());
            assertEquals("printout-not-ready", p.type());
            assertEquals("The printouts of the week of 2027-03-01 are ready only from 2027-03-05; their hand-over cannot be recorded before",
                    p.detail(java.util.Locale.ENGLISH));
            assertEquals("Распечатки за неделю с 01.03.2027 будут готовы только 05.03.2027: отметить их выдачу раньше нельзя",
                    p.detail(Text.RUSSIAN));
        }
    }

    @Test
    void fromTheReadyDayOnAHandOverIsRecorded() {
        assertDoesNotThrow(() -> Printouts.requireReady(MONDAY, FRIDAY, FRIDAY));
        assertDoesNotThrow(() -> Printouts.requireReady(MONDAY, FRIDAY, FRIDAY.plusDays(1)));
        assertDoesNotThrow(() -> Printouts.requireReady(MONDAY, FRIDAY, LocalDate.of(2027, 6, 1)));
    }
}
