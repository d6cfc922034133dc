package org.zhurnal.bells.internal.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.bells.api.BellPeriod;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.internal.BellRules;
import org.zhurnal.bells.internal.BellsServiceImpl;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.demo.DemoContext;
import org.zhurnal.core.api.demo.DemoDataContributor;
import org.zhurnal.roster.api.RosterQuery;

/**
 * The demo school's bells: «Основное» (7 lessons of 45 minutes from 8:30) Monday to Friday, «Сокращённое»
 * (30-minute lessons) on the last Friday before the winter vacation, and «Суббота» (5 lessons) on
 * Saturdays when the calendar's working week has 6 days. Existing schedules (by name) are kept.
 */
@Component(service = DemoDataContributor.class)
public class BellsDemo implements DemoDataContributor {
    private static final Logger LOG = LoggerFactory.getLogger(BellsDemo.class);
    static final int[] BREAKS = {10, 10, 20, 20, 10, 10};

    private final BellsServiceImpl bells;
    private final CalendarQuery calendar;
    private final ZhurnalClock clock;

    @Activate
    public BellsDemo(@Reference BellsServiceImpl bells, @Reference CalendarQuery calendar, @Reference ZhurnalClock clock) {
        this.bells = bells;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "bells";
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public void load(DemoContext ctx) throws Exception {
        String school = ctx.schoolId();
        int y = RosterQuery.academicYearOf(clock.today());
        LocalDate from = calendar.year(school, y).map(AcademicYear::start).orElse(LocalDate.of(y, 9, 1));
        int workingDays = calendar.year(school, y).map(AcademicYear::workingDays).orElse(5);
        List<BellSchedule> existing = bells.list(school);
        BellSchedule regular = find(existing, "Основное");
        if (regular == null) {
            regular = bells.create(school, input("Основное", "REGULAR", from, BellRules.generate(LocalTime.of(8, 30), 45, 7, BREAKS)));
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                bells.assignWeekday(school, d.name(), new BellsServiceImpl.Assignment(regular.id()));
            }
        }
        if (find(existing, "Сокращённое") == null) {
            BellSchedule shortened = bells.create(school, input("Сокращённое", "SHORTENED", from,
                    BellRules.generate(LocalTime.of(8, 30), 30, 7, BREAKS)));
            LocalDate day = LocalDate.of(y, 12, 28).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
            bells.assignDate(school, day.toString(), new BellsServiceImpl.Assignment(shortened.id()));
            ctx.shared().put("bells.shortened-day", day.toString());
        }
        if (workingDays == 6 && find(existing, "Суббота") == null) {
            BellSchedule saturday = bells.create(school, input("Суббота", "SATURDAY", from,
                    BellRules.generate(LocalTime.of(8, 30), 45, 5, BREAKS)));
            bells.assignWeekday(school, DayOfWeek.SATURDAY.name(), new BellsServiceImpl.Assignment(saturday.id()));
        }
        LOG.info("Demo bells ready");
    }

    private static BellSchedule find(List<BellSchedule> list, String name) {
        return list.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static BellRules.ScheduleInput input(String name, String kind, LocalDate from, List<BellPeriod> periods) {
        return new BellRules.ScheduleInput(name, kind, from, null,
                periods.stream().map(p -> new BellRules.PeriodInput(p.number(), p.start(), p.end())).toList());
    }
}
