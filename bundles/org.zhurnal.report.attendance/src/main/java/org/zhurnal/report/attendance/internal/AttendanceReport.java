package org.zhurnal.report.attendance.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.Text;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ParameterType;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * Attendance of a class over a reporting period: per student the lessons held so far (the timetable's, not
 * cancelled), lessons missed and of them for illness, excused and unexcused, and lateness; a total row. Counts
 * come from the journal's attendance records (a student without one was present).
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=attendance")
public class AttendanceReport implements ReportPlugin {
    static final String[] HEADERS_RU = { "Ученик", "Уроков", "Пропущено", "По болезни", "По уважительной причине",
            "Без уважительной причины", "Опозданий" };
    static final String[] HEADERS_EN = { "Student", "Lessons", "Missed", "Illness", "Excused", "Unexcused", "Late" };

    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TimetableQuery timetable;
    private final GradebookQuery gradebook;
    private final ZhurnalClock clock;

    @Activate
    public AttendanceReport(@Reference RosterQuery roster, @Reference CalendarQuery calendar, @Reference TimetableQuery timetable,
            @Reference GradebookQuery gradebook, @Reference ZhurnalClock clock) {
        this.roster = roster;
        this.calendar = calendar;
        this.timetable = timetable;
        this.gradebook = gradebook;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "attendance";
    }

    @Override
    public String title(String language) {
        return "en".equals(language) ? "Attendance of a class over a period" : "Посещаемость класса за период";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter("classId", ParameterType.CLASS, true, "Класс", "Class"),
                new ReportParameter("periodId", ParameterType.PERIOD, true, "Учебный период", "Reporting period"));
    }

    @Override
    public Set<ReportFormat> formats() {
        return Set.of(ReportFormat.PDF, ReportFormat.CSV, ReportFormat.XLSX);
    }

    /** One student's counts. */
    record Row(String name, int lessons, int missed, int illness, int excused, int unexcused, int late) {
        List<String> cells() {
            return List.of(name, Integer.toString(lessons), Integer.toString(missed), Integer.toString(illness), Integer.toString(excused),
                    Integer.toString(unexcused), Integer.toString(late));
        }
    }

    /** The class and the period a request names, checked against each other. */
    private record Target(SchoolClass schoolClass, ReportingPeriod period) {
    }

    private Target target(ReportRequest request) throws ReportParameterException {
        SchoolClass c = roster.schoolClass(request.parameters().get("classId")).orElseThrow(() -> new ReportParameterException("classId",
                "no such class", "Класс не найден"));
        ReportingPeriod period = calendar.period(request.parameters().get("periodId")).orElseThrow(
                () -> new ReportParameterException("periodId", "no such reporting period", "Отчётный период не найден"));
        if (!period.grades().isEmpty() && !period.grades().contains(c.grade())) {
            throw new ReportParameterException("periodId", "the period is not one of grade " + c.grade(),
                    "Этот период не относится к " + c.grade() + "-м классам");
        }
        if (calendar.yearOf(c.schoolId(), period.start()).map(y -> !y.id().equals(period.yearId())).orElse(true)) {
            throw new ReportParameterException("periodId", "the period belongs to another school",
                    "Этот период — из календаря другой школы");
        }
        return new Target(c, period);
    }

    /** The class against the period, before a run or a job starts. */
    @Override
    public void validate(ReportRequest request) throws ReportParameterException {
        target(request);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws IOException {
        Target target = target(request);
        SchoolClass c = target.schoolClass();
        ReportingPeriod period = target.period();
        List<Row> rows = rows(c, period);
        boolean en = "en".equals(request.language());
        String base = (en ? "attendance-" : "посещаемость-") + c.name() + "-" + period.name();
        if (request.format() == ReportFormat.CSV) {
            return new ReportOutput(base + ".csv", Sheets.csv(table(c, rows, en), (en ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN)));
        }
        if (request.format() == ReportFormat.XLSX) {
            return new ReportOutput(base + ".xlsx", Sheets.xlsx(table(c, rows, en)));
        }
        String title = (en ? "Attendance of class " : "Посещаемость: класс ") + c.name() + ", " + period.name() + " ("
                + Text.date(period.start()) + " – " + Text.date(period.end()) + ")";
        List<PrintDocument.Column> columns = new ArrayList<>();
        float[] widths = { 60, 18, 20, 20, 24, 24, 18 };
        String[] headers = en ? HEADERS_EN : HEADERS_RU;
        for (int i = 0; i < headers.length; i++) {
            columns.add(new PrintDocument.Column(headers[i], widths[i]));
        }
        List<List<String>> cells = new ArrayList<>();
        rows.forEach(r -> cells.add(r.cells()));
        byte[] pdf = new PrintDocument(title, PrintDocument.Orientation.PORTRAIT).footer(title).heading(title)
                .paragraph((en ? "Lessons counted up to " : "Учтены уроки по ") + Text.date(min(period.end(), clock.today()))).table(columns, cells).render();
        return new ReportOutput(base + ".pdf", pdf);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    List<Row> rows(SchoolClass c, ReportingPeriod period) {
        LocalDate to = min(period.end(), clock.today());
        Map<String, Person> students = new LinkedHashMap<>();
        roster.studentsOfClass(c.id(), period.start()).forEach(s -> students.put(s.id(), s));
        roster.studentsOfClass(c.id(), to).forEach(s -> students.putIfAbsent(s.id(), s));
        List<Row> rows = new ArrayList<>();
        int[] total = new int[6];
        for (Person s : students.values().stream().sorted(Comparator.comparing(Person::lastName).thenComparing(Person::firstName)).toList()) {
            int lessons = to.isBefore(period.start()) ? 0
                    : (int) timetable.forStudent(s.id(), period.start(), to).stream().filter(l -> !l.cancelled()).map(Lesson::occurrenceId)
                            .distinct().count();
            int illness = 0;
            int excused = 0;
            int unexcused = 0;
            int late = 0;
            for (Attendance a : gradebook.attendanceOfStudent(s.id(), period.start(), to)) {
                switch (a.category()) {
                    case AbsenceCode.ILLNESS -> illness++;
                    case AbsenceCode.EXCUSED -> excused++;
                    case AbsenceCode.LATE -> late++;
                    default -> unexcused++;
                }
            }
            Row r = new Row(s.lastName() + " " + s.firstName(), lessons, illness + excused + unexcused, illness, excused, unexcused, late);
            rows.add(r);
            int[] v = { r.lessons(), r.missed(), r.illness(), r.excused(), r.unexcused(), r.late() };
            for (int i = 0; i < 6; i++) {
                total[i] += v[i];
            }
        }
        rows.add(new Row("Итого", total[0], total[1], total[2], total[3], total[4], total[5]));
        return rows;
    }

    static Table table(SchoolClass c, List<Row> rows, boolean en) {
        List<List<Object>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(List.of(r.name(), r.lessons(), r.missed(), r.illness(), r.excused(), r.unexcused(), r.late()));
        }
        return new Table((en ? "Attendance " : "Посещаемость ") + c.name(), List.of(en ? HEADERS_EN : HEADERS_RU), cells);
    }
}
