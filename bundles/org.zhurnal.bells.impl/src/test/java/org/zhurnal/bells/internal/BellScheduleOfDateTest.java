package org.zhurnal.bells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.zhurnal.bells.api.BellSchedule;

/** Which schedule applies on each date: overrides, weekday assignments and the schedules' validity. */
class BellScheduleOfDateTest {
    static final LocalDate MON = LocalDate.of(2026, 11, 2);

    static BellSchedule schedule(String id, LocalDate from, LocalDate to) {
        return new BellSchedule(id, "s1", id, "REGULAR", from, to, BellRules.generate(LocalTime.of(8, 30), 45, 3, 10));
    }

    static final BellSchedule REGULAR = schedule("regular", LocalDate.of(2026, 9, 1), null);
    static final BellSchedule SATURDAY = schedule("saturday", LocalDate.of(2026, 9, 1), null);
    static final BellSchedule SHORT = schedule("short", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
    static final BellSchedule WINTER = schedule("winter", LocalDate.of(2026, 11, 5), LocalDate.of(2027, 2, 28));
    static final Map<String, BellSchedule> BY_ID = Map.of("regular", REGULAR, "saturday", SATURDAY, "short", SHORT, "winter", WINTER);

    @Test
    void weekdaysFollowTheirAssignmentAndSundayHasNone() {
        Map<DayOfWeek, String> weekdays = Map.of(DayOfWeek.MONDAY, "regular", DayOfWeek.TUESDAY, "regular", DayOfWeek.WEDNESDAY, "regular",
                DayOfWeek.SATURDAY, "saturday", DayOfWeek.SUNDAY, "regular");
        SortedMap<LocalDate, BellSchedule> week = BellRules.schedulesOn(MON, MON.plusDays(6), BY_ID, weekdays, Map.of());
        assertEquals(REGULAR, week.get(MON));
        assertEquals(REGULAR, week.get(MON.plusDays(2)));
        assertFalse(week.containsKey(MON.plusDays(3)), "Thursday has no assignment");
        assertEquals(SATURDAY, week.get(MON.plusDays(5)));
        assertFalse(week.containsKey(MON.plusDays(6)), "no lessons on a Sunday without an override");
        assertEquals(MON, week.firstKey());
        assertEquals(4, week.size());
    }

    @Test
    void anOverrideWinsEvenOnSundayAndOutsideItsValidity() {
        Map<DayOfWeek, String> weekdays = Map.of(DayOfWeek.MONDAY, "regular");
        Map<LocalDate, String> overrides = Map.of(MON, "short", MON.plusDays(6), "saturday");
        SortedMap<LocalDate, BellSchedule> week = BellRules.schedulesOn(MON, MON.plusDays(6), BY_ID, weekdays, overrides);
        assertEquals(SHORT, week.get(MON), "the override applies although SHORT ended in September");
        assertEquals(SATURDAY, week.get(MON.plusDays(6)));
    }

    @Test
    void aWeekdaysScheduleAppliesOnlyWithinItsValidity() {
        Map<DayOfWeek, String> weekdays = Map.of(DayOfWeek.MONDAY, "winter", DayOfWeek.THURSDAY, "winter");
        SortedMap<LocalDate, BellSchedule> week = BellRules.schedulesOn(MON, MON.plusDays(6), BY_ID, weekdays, Map.of());
        assertFalse(week.containsKey(MON), "WINTER starts on Thursday 5 November");
        assertEquals(WINTER, week.get(MON.plusDays(3)));
    }

    @Test
    void unknownSchedulesCountAsAbsent() {
        SortedMap<LocalDate, BellSchedule> week = BellRules.schedulesOn(MON, MON.plusDays(1), BY_ID, Map.of(DayOfWeek.MONDAY, "gone",
                DayOfWeek.TUESDAY, "regular"), Map.of(MON.plusDays(1), "gone"));
        assertTrue(week.isEmpty(), "an override naming a missing schedule is not replaced by the weekday's");
    }

    @Test
    void oneDateAgreesWithTheRange() {
        Map<DayOfWeek, String> weekdays = Map.of(DayOfWeek.MONDAY, "regular", DayOfWeek.SATURDAY, "saturday");
        SortedMap<LocalDate, BellSchedule> range = BellRules.schedulesOn(MON, MON.plusDays(13), BY_ID, weekdays, Map.of(MON.plusDays(7), "short"));
        for (LocalDate d = MON; !d.isAfter(MON.plusDays(13)); d = d.plusDays(1)) {
            BellSchedule override = d.equals(MON.plusDays(7)) ? SHORT : null;
            assertEquals(BellRules.scheduleOn(d, override, w -> weekdays.containsKey(w) ? BY_ID.get(weekdays.get(w)) : null).orElse(null), range.get(d), d.toString());
        }
        assertNull(range.get(MON.plusDays(1)));
    }
}
