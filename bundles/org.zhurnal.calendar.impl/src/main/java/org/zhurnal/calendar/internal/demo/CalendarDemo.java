package org.zhurnal.calendar.internal.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.IntStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.YearCalendar;
import org.zhurnal.calendar.internal.CalendarServiceImpl;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.demo.DemoContext;
import org.zhurnal.core.api.demo.DemoDataContributor;
import org.zhurnal.roster.api.RosterQuery;

/**
 * The demo school's current academic year: a five-day week, quarters for grades 1–9, half-years for
 * 10–11, the usual vacations (with the extra February week of the 1st grade) and the public holidays.
 * Each part is added only when the year has none of its kind yet, so loading twice changes nothing.
 */
@Component(service = DemoDataContributor.class)
public class CalendarDemo implements DemoDataContributor {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarDemo.class);

    private final CalendarServiceImpl calendar;
    private final CalendarQuery query;
    private final ZhurnalClock clock;

    @Activate
    public CalendarDemo(@Reference CalendarServiceImpl calendar, @Reference CalendarQuery query, @Reference ZhurnalClock clock) {
        this.calendar = calendar;
        this.query = query;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "calendar";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load(DemoContext ctx) throws Exception {
        int y = RosterQuery.academicYearOf(clock.today());
        String school = ctx.schoolId();
        AcademicYear year = query.year(school, y).orElseGet(() -> calendar.createYear(school,
                new CalendarServiceImpl.NewYear(y, LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 5, 31), 5)));
        ctx.shared().put("calendar.year", year.id());
        YearCalendar cal = calendar.calendar(school, y);
        if (cal.periods().isEmpty()) {
            calendar.addPeriods(year.id(), new CalendarServiceImpl.NewPeriods("QUARTERS", IntStream.rangeClosed(1, 9).boxed().toList(), null));
            calendar.addPeriods(year.id(), new CalendarServiceImpl.NewPeriods("HALF_YEARS", List.of(10, 11), null));
        }
        if (cal.daysOff().isEmpty()) {
            vacation(year, "Осенние каникулы", LocalDate.of(y, 10, 26), LocalDate.of(y, 11, 3), List.of());
            vacation(year, "Зимние каникулы", LocalDate.of(y, 12, 29), LocalDate.of(y + 1, 1, 11), List.of());
            LocalDate feb = LocalDate.of(y + 1, 2, 15).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            vacation(year, "Дополнительные каникулы для 1 класса", feb, feb.plusDays(6), List.of(1));
            vacation(year, "Весенние каникулы", LocalDate.of(y + 1, 3, 23), LocalDate.of(y + 1, 3, 31), List.of());
            holiday(year, "День народного единства", LocalDate.of(y, 11, 4));
            holiday(year, "День защитника Отечества", LocalDate.of(y + 1, 2, 23));
            holiday(year, "Международный женский день", LocalDate.of(y + 1, 3, 8));
            holiday(year, "Праздник Весны и Труда", LocalDate.of(y + 1, 5, 1));
            holiday(year, "День Победы", LocalDate.of(y + 1, 5, 9));
        }
        LOG.info("Demo calendar for {}/{} ready", y, y + 1);
    }

    private void vacation(AcademicYear year, String name, LocalDate start, LocalDate end, List<Integer> grades) {
        LocalDate s = start.isBefore(year.start()) ? year.start() : start;
        LocalDate e = end.isAfter(year.end()) ? year.end() : end;
        if (!e.isBefore(s)) {
            calendar.addDayOff(year.id(), new CalendarServiceImpl.NewDayOff("VACATION", name, s, e, grades));
        }
    }

    private void holiday(AcademicYear year, String name, LocalDate date) {
        if (year.contains(date)) {
            calendar.addDayOff(year.id(), new CalendarServiceImpl.NewDayOff("HOLIDAY", name, date, date, List.of()));
        }
    }
}
