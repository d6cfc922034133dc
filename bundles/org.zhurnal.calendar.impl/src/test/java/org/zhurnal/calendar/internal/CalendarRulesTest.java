package org.zhurnal.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.DayOff;
import org.zhurnal.calendar.api.DayTransfer;

class CalendarRulesTest {
    static final AcademicYear FIVE = new AcademicYear("y", "s", 2026, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31), 5);
    static final AcademicYear SIX = new AcademicYear("y", "s", 2026, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31), 6);
    static final DayOff UNITY_DAY = new DayOff("h", "y", "HOLIDAY", "День народного единства", LocalDate.of(2026, 11, 4),
            LocalDate.of(2026, 11, 4), List.of());
    static final DayOff FIRST_GRADE_FEBRUARY = new DayOff("v", "y", "VACATION", "Дополнительные каникулы", LocalDate.of(2027, 2, 15),
            LocalDate.of(2027, 2, 21), List.of(1));
    static final List<DayOff> DAYS_OFF = List.of(UNITY_DAY, FIRST_GRADE_FEBRUARY);

    private static Optional<DayOfWeek> day(AcademicYear y, List<DayTransfer> transfers, int grade, LocalDate date) {
        return CalendarRules.timetableDay(y, DAYS_OFF, transfers, grade, date);
    }

    @Test
    void aHolidayIsFreeForEveryGrade() {
        LocalDate wednesday = LocalDate.of(2026, 11, 4);
        assertEquals(Optional.empty(), day(FIVE, List.of(), 1, wednesday));
        assertEquals(Optional.empty(), day(FIVE, List.of(), 11, wednesday));
        assertEquals(Optional.of(DayOfWeek.THURSDAY), day(FIVE, List.of(), 5, wednesday.plusDays(1)));
    }

    @Test
    void aVacationOfOneGradeFreesOnlyThatGrade() {
        LocalDate tuesday = LocalDate.of(2027, 2, 16);
        assertEquals(Optional.empty(), day(FIVE, List.of(), 1, tuesday));
        assertEquals(Optional.of(DayOfWeek.TUESDAY), day(FIVE, List.of(), 2, tuesday));
    }

    @Test
    void aTransferredSaturdayFollowsMondaysTimetable() {
        LocalDate saturday = LocalDate.of(2026, 11, 7);
        assertEquals(Optional.empty(), day(FIVE, List.of(), 5, saturday));
        DayTransfer t = new DayTransfer("t", "y", saturday, true, DayOfWeek.MONDAY);
        assertEquals(Optional.of(DayOfWeek.MONDAY), day(FIVE, List.of(t), 5, saturday));
        // A transfer overrides a holiday too, and a free weekday is free.
        DayTransfer free = new DayTransfer("f", "y", LocalDate.of(2026, 11, 5), false, null);
        assertEquals(Optional.empty(), day(FIVE, List.of(free), 5, LocalDate.of(2026, 11, 5)));
    }

    @Test
    void weekendsDependOnTheWorkingWeek() {
        LocalDate saturday = LocalDate.of(2026, 9, 5);
        LocalDate sunday = saturday.plusDays(1);
        assertEquals(Optional.empty(), day(FIVE, List.of(), 5, saturday));
        assertEquals(Optional.of(DayOfWeek.SATURDAY), day(SIX, List.of(), 5, saturday));
        assertEquals(Optional.empty(), day(FIVE, List.of(), 5, sunday));
        assertEquals(Optional.empty(), day(SIX, List.of(), 5, sunday));
    }

    @Test
    void outsideTheYearThereAreNoLessons() {
        assertEquals(Optional.empty(), day(SIX, List.of(), 5, LocalDate.of(2026, 8, 31)));
        assertEquals(Optional.empty(), day(SIX, List.of(), 5, LocalDate.of(2027, 6, 1)));
        assertEquals(Optional.empty(), day(SIX, List.of(new DayTransfer("t", "y", LocalDate.of(2027, 6, 5), true, DayOfWeek.MONDAY)), 5,
                LocalDate.of(2027, 6, 5)));
    }

    @Test
    void schoolDaysOfAWeek() {
        List<LocalDate> days = CalendarRules.schoolDays(FIVE, DAYS_OFF, List.of(), 5, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8));
        assertEquals(List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 6)),
                days);
    }

    @Test
    void timetableDaysOfARangeAgreeWithEachDate() {
        LocalDate saturday = LocalDate.of(2026, 11, 7);
        List<DayTransfer> transfers = List.of(new DayTransfer("t", "y", saturday, true, DayOfWeek.WEDNESDAY));
        LocalDate from = LocalDate.of(2026, 8, 30);
        LocalDate to = LocalDate.of(2027, 6, 2);
        for (int grade : List.of(1, 5)) {
            SortedMap<LocalDate, DayOfWeek> days = CalendarRules.timetableDays(FIVE, DAYS_OFF, transfers, grade, from, to);
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                assertEquals(day(FIVE, transfers, grade, d), Optional.ofNullable(days.get(d)), grade + " " + d);
            }
            assertEquals(List.copyOf(days.keySet()), CalendarRules.schoolDays(FIVE, DAYS_OFF, transfers, grade, from, to));
        }
        assertEquals(Map.of(LocalDate.of(2026, 11, 5), DayOfWeek.THURSDAY, LocalDate.of(2026, 11, 6), DayOfWeek.FRIDAY, saturday,
                DayOfWeek.WEDNESDAY), CalendarRules.timetableDays(FIVE, DAYS_OFF, transfers, 5, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 8)));
    }

    @Test
    void standardPeriodsFollowTheYear() {
        List<CalendarRules.Span> q = CalendarRules.standardPeriods("QUARTERS", FIVE);
        assertEquals(4, q.size());
        assertEquals("1 четверть", q.get(0).name());
        assertEquals(LocalDate.of(2026, 9, 1), q.get(0).start());
        assertEquals(LocalDate.of(2027, 5, 26), q.get(3).end());
        List<CalendarRules.Span> h = CalendarRules.standardPeriods("HALF_YEARS", FIVE);
        assertEquals("2 полугодие", h.get(1).name());
        List<CalendarRules.Span> t = CalendarRules.standardPeriods("TRIMESTERS",
                new AcademicYear("y", "s", 2027, LocalDate.of(2027, 9, 2), LocalDate.of(2028, 5, 20), 5));
        assertEquals("3 триместр", t.get(2).name());
        assertEquals(LocalDate.of(2027, 9, 2), t.get(0).start());
        assertEquals(LocalDate.of(2028, 2, 29), t.get(1).end());
        assertEquals(LocalDate.of(2028, 5, 20), t.get(2).end());
        assertTrue(CalendarRules.standardPeriods("CUSTOM", FIVE).isEmpty());
    }
}
