package org.zhurnal.timetable.internal.demo;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.api.BellsQuery;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.demo.DemoContext;
import org.zhurnal.core.api.demo.DemoDataContributor;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.RosterService;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.internal.TimetableServiceImpl;

/**
 * The demo school's weekly timetable for every class of the current year, built by {@link DemoTimetableGenerator}
 * from the roster's classes and teachers and loaded through the CSV import (one transaction, audited). Runs after
 * the roster (100), the calendar (200) and the bells (210). Loading twice adds nothing: the import skips entries
 * that already exist.
 */
@Component(service = DemoDataContributor.class)
public class TimetableDemo implements DemoDataContributor {
    private static final Logger LOG = LoggerFactory.getLogger(TimetableDemo.class);
    static final long SEED = 20_260_902L;

    private final TimetableServiceImpl timetable;
    private final RosterQuery roster;
    private final RosterService rosterService;
    private final CalendarQuery calendar;
    private final BellsQuery bells;
    private final ZhurnalClock clock;

    @Activate
    public TimetableDemo(@Reference TimetableServiceImpl timetable, @Reference RosterQuery roster, @Reference RosterService rosterService,
            @Reference CalendarQuery calendar, @Reference BellsQuery bells, @Reference ZhurnalClock clock) {
        this.timetable = timetable;
        this.roster = roster;
        this.rosterService = rosterService;
        this.calendar = calendar;
        this.bells = bells;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "timetable";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load(DemoContext ctx) throws Exception {
        long start = System.nanoTime();
        String school = ctx.schoolId();
        int y = RosterQuery.academicYearOf(clock.today());
        AcademicYear year = calendar.year(school, y).orElse(null);
        if (year == null) {
            LOG.warn("Demo timetable skipped: the demo school has no calendar for {}/{}", y, y + 1);
            return;
        }
        LocalDate monday = year.start().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int lessons = bells.scheduleFor(school, monday).map(BellSchedule::periods).map(List::size).orElse(7);
        List<DemoTimetableGenerator.ClassInfo> classes = new ArrayList<>();
        for (SchoolClass c : roster.classes(school, y)) {
            String teacherCode = c.classTeacherId() == null ? null : roster.person(c.classTeacherId()).map(Person::externalId).orElse(null);
            classes.add(new DemoTimetableGenerator.ClassInfo(c.name(), c.grade(), teacherCode));
        }
        List<DemoTimetableGenerator.Teacher> teachers = new ArrayList<>();
        for (Person p : rosterService.staff(school)) {
            if (p.externalId() != null && p.subjects() != null && !p.subjects().isBlank()) {
                teachers.add(new DemoTimetableGenerator.Teacher(p.externalId(),
                        Arrays.stream(p.subjects().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
            }
        }
        teachers.sort(java.util.Comparator.comparing(DemoTimetableGenerator.Teacher::code));
        DemoTimetableGenerator.Result generated = DemoTimetableGenerator.generate(SEED + ctx.variant(), classes, teachers, year.workingDays(), lessons);
        long built = System.nanoTime();
        TimetableServiceImpl.ImportReport report = timetable.importCsv(school, "demo-timetable.csv",
                DemoTimetableGenerator.csv(generated.rows()).getBytes(StandardCharsets.UTF_8), y, false);
        LOG.info("Demo timetable for {} classes: {} entries created, {} already there, {} curriculum hours left out; built in {} ms,"
                + " imported in {} ms", classes.size(), report.created(), report.unchanged(), generated.dropped(),
                (built - start) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
    }
}
