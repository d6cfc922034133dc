package org.zhurnal.diary.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;

/**
 * A student's report card of an academic year (табель успеваемости): per subject the confirmed grade of each reporting
 * period, the year grade, the exam and the final grade, with the periods in the year's order — this year's or an earlier
 * one's, so that a family finds last year's results without paging back week by week. Read through the roster, calendar
 * and gradebook query services.
 */
@Component(service = ReportCards.class)
public class ReportCards {

    /** A reporting period of the year, a column of the card. */
    public record Column(String periodId, String name, LocalDate start, LocalDate end) {
    }

    /** One subject: the period grades by period id, then the year, exam and final grades ({@code null} where none). */
    public record Row(String subject, Map<String, String> periods, String year, String exam, String fin) {
    }

    /**
     * The card. {@code className} is the student's class in that year ({@code null} when they were in none);
     * {@code years} are this year and the years before it the student was in a class of (back to the first year without
     * one), the latest first, for choosing another.
     */
    public record ReportCard(String studentId, String studentName, int academicYear, String className, List<Column> periods, List<Row> subjects,
            List<Integer> years) {
    }

    /** How many years back a card is offered. */
    static final int YEARS_BACK = 11;

    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final GradebookQuery gradebook;
    private final ZhurnalClock clock;

    @Activate
    public ReportCards(@Reference RosterQuery roster, @Reference CalendarQuery calendar, @Reference GradebookQuery gradebook,
            @Reference ZhurnalClock clock) {
        this.roster = roster;
        this.calendar = calendar;
        this.gradebook = gradebook;
        this.clock = clock;
    }

    /** @return the card of the student in the academic year, empty for an unknown student */
    public Optional<ReportCard> of(String studentId, int academicYear) {
        Optional<Person> student = roster.person(studentId);
        if (student.isEmpty()) {
            return Optional.empty();
        }
        Person p = student.get();
        SchoolClass schoolClass = classIn(studentId, academicYear);
        List<FinalGrade> finals = gradebook.finalsOfStudent(studentId, academicYear);
        Map<String, Column> columns = new LinkedHashMap<>();
        if (schoolClass != null) {
            calendar.periods(p.schoolId(), academicYear, schoolClass.grade()).stream().sorted(Comparator.comparing(ReportingPeriod::start))
                    .forEach(r -> columns.put(r.id(), new Column(r.id(), r.name(), r.start(), r.end())));
        }
        Map<String, Row> rows = new TreeMap<>();
        List<Column> extra = new ArrayList<>();
        for (FinalGrade g : finals) {
            Row r = rows.computeIfAbsent(g.subject(), s -> new Row(s, new LinkedHashMap<>(), null, null, null));
            switch (g.kind()) {
                case FinalGrade.PERIOD -> {
                    r.periods().put(g.periodId(), g.value());
                    // A period of another grade (a transfer within the year): its column too.
                    if (!columns.containsKey(g.periodId()) && extra.stream().noneMatch(c -> c.periodId().equals(g.periodId()))) {
                        calendar.period(g.periodId()).ifPresent(x -> extra.add(new Column(x.id(), x.name(), x.start(), x.end())));
                    }
                }
                case FinalGrade.YEAR -> rows.put(g.subject(), new Row(r.subject(), r.periods(), g.value(), r.exam(), r.fin()));
                case FinalGrade.EXAM -> rows.put(g.subject(), new Row(r.subject(), r.periods(), r.year(), g.value(), r.fin()));
                default -> rows.put(g.subject(), new Row(r.subject(), r.periods(), r.year(), r.exam(), g.value()));
            }
        }
        List<Column> all = new ArrayList<>(columns.values());
        all.addAll(extra);
        all.sort(Comparator.comparing(Column::start));
        List<Integer> years = new ArrayList<>();
        int now = RosterQuery.academicYearOf(clock.today());
        // Back from this year while the student was in a class: the first year without one is before they came (a school
        // career here is one run of years), so the older years are not asked about.
        for (int y = now; y > now - YEARS_BACK; y--) {
            if (y == now) {
                years.add(y);
            } else if ((y == academicYear ? schoolClass : classIn(studentId, y)) != null) {
                years.add(y);
            } else {
                break;
            }
        }
        return Optional.of(new ReportCard(studentId, p.lastName() + " " + p.firstName(), academicYear,
                schoolClass == null ? null : schoolClass.name(), all, List.copyOf(rows.values()), years));
    }

    /** The student's class in the academic year: at its end (or today, in the current year), else at its start. */
    private SchoolClass classIn(String studentId, int academicYear) {
        LocalDate today = clock.today();
        LocalDate end = LocalDate.of(academicYear + 1, 5, 25);
        for (LocalDate day : List.of(end.isAfter(today) && !today.isBefore(LocalDate.of(academicYear, 9, 1)) ? today : end,
                LocalDate.of(academicYear, 12, 15), LocalDate.of(academicYear, 9, 15))) {
            List<SchoolClass> classes = roster.classesOfStudent(studentId, day);
            if (!classes.isEmpty()) {
                return classes.get(0);
            }
        }
        return null;
    }
}
