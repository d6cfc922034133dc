package org.zhurnal.bells.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhurnal.bells.api.BellPeriod;
import org.zhurnal.core.api.Violation;

class BellRulesTest {
    private static BellRules.PeriodInput p(int n, String start, String end) {
        return new BellRules.PeriodInput(n, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static List<Violation> check(List<BellRules.PeriodInput> periods) {
        return BellRules.validate(new BellRules.ScheduleInput("Основное", "REGULAR", LocalDate.of(2026, 9, 1), null, periods));
    }

    @Test
    void theRegularDemoScheduleIsValid() {
        List<BellPeriod> regular = BellRules.generate(LocalTime.of(8, 30), 45, 7, 10, 10, 20, 20, 10, 10);
        assertEquals(LocalTime.of(9, 15), regular.get(0).end());
        assertEquals(LocalTime.of(9, 25), regular.get(1).start());
        assertEquals(LocalTime.of(11, 25), regular.get(3).start());
        assertEquals(LocalTime.of(15, 5), regular.get(6).end());
        List<BellRules.PeriodInput> in = regular.stream().map(b -> new BellRules.PeriodInput(b.number(), b.start(), b.end())).toList();
        assertTrue(check(in).isEmpty());
        assertEquals(regular, BellRules.decode(BellRules.encode(regular)));
    }

    @Test
    void overlappingLessonsAreNamed() {
        List<Violation> v = check(List.of(p(1, "08:30", "09:15"), p(2, "09:25", "10:10"), p(3, "10:00", "10:45")));
        assertEquals(1, v.size());
        assertEquals("periods[2].start", v.get(0).field());
        assertTrue(v.get(0).message().contains("Lesson 3") && v.get(0).message().contains("lesson 2"), v.get(0).message());
    }

    @Test
    void endAfterStartNumbersAscendingAndCount() {
        assertEquals("periods[1].end", check(List.of(p(1, "08:30", "09:15"), p(2, "10:00", "09:50"))).get(0).field());
        assertEquals("periods[1].number", check(List.of(p(2, "08:30", "09:15"), p(2, "09:25", "10:10"))).get(0).field());
        assertEquals("periods", check(List.of()).get(0).field());
        List<BellRules.PeriodInput> many = new ArrayList<>();
        BellRules.generate(LocalTime.of(7, 0), 30, 13, 5).forEach(b -> many.add(new BellRules.PeriodInput(b.number(), b.start(), b.end())));
        assertEquals("periods", check(many).get(0).field());
    }
}
