package org.zhurnal.report.summary.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ParameterType;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.report.summary.internal.SummarySheet.ClassSheet;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * «Сводная ведомость итоговой успеваемости»: the archival summary of final grades of a class, or of every class of a
 * school, for an academic year. Per student (everyone who was in the class at some day of the year, by surname) and
 * subject (taught to the class in the year by the timetable, or with a confirmed grade): each reporting period's
 * confirmed grade, the year, exam and final grade; and the year's lessons missed, of them for illness, excused and
 * unexcused (the attendance report's categories; lateness is not a missed lesson).
 * <p>Exactly one of {@code classId} and {@code schoolId} is given, else the run is refused naming {@code classId}.
 * <p>Formats: CSV (one table, with a class column), XLSX (a worksheet per class) and PDF (A4 landscape, a page per
 * class with signature lines of the class teacher and the director; see {@link SheetLayout} for how the subjects are
 * fitted: table parts of five subjects, a compact cell per subject with a legend).
 * <p>Every source is read in bulk, whatever the number of students: the school's class memberships of the year, its
 * lessons of the year (or the class's for one class), its groups, confirmed grades and attendance of the year — a
 * constant number of queries. A one-class run reads the school's grades and attendance and keeps the class's.
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + SummarySheetReport.ID)
public class SummarySheetReport implements ReportPlugin {
    static final String ID = "summary-sheet";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SummarySheetReport.class);

    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TimetableQuery timetable;
    private final GradebookQuery gradebook;

    @Activate
    public SummarySheetReport(@Reference RosterQuery roster, @Reference CalendarQuery calendar, @Reference TimetableQuery timetable,
            @Reference GradebookQuery gradebook) {
        this.roster = roster;
        this.calendar = calendar;
        this.timetable = timetable;
        this.gradebook = gradebook;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(String language) {
        return "en".equals(language) ? "Summary sheet of final grades" : "Сводная ведомость итоговой успеваемости";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter("classId", ParameterType.CLASS, false, "Класс", "Class"),
                new ReportParameter("schoolId", ParameterType.SCHOOL, false, "Школа (все классы)", "School (every class)"),
                new ReportParameter("year", ParameterType.YEAR, true, "Учебный год", "Academic year"));
    }

    @Override
    public Set<ReportFormat> formats() {
        return Set.of(ReportFormat.PDF, ReportFormat.CSV, ReportFormat.XLSX);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws Exception {
        return render(request, ReportProgress.none());
    }

    /** The school, the class (or none: the whole school), its classes and the academic year a request names. */
    private record Target(String school, String classId, List<SchoolClass> classes, int year) {
    }

    private Target target(ReportRequest request) throws ReportParameterException {
        String classId = request.parameters().get("classId");
        String schoolId = request.parameters().get("schoolId");
        if ((classId == null) == (schoolId == null)) {
            throw new ReportParameterException("classId", "exactly one of classId and schoolId is given",
                    "Укажите либо класс, либо школу");
        }
        int year = Integer.parseInt(request.parameters().get("year"));
        if (classId == null) {
            return new Target(schoolId, null, roster.classes(schoolId, year), year);
        }
        SchoolClass c = roster.schoolClass(classId).orElseThrow(() -> new ReportParameterException("classId", "no such class", "Класс не найден"));
        if (c.academicYear() != year) {
            throw new ReportParameterException("year", "class " + c.name() + " is of the academic year " + c.academicYear() + "/"
                    + (c.academicYear() + 1) + "; the year is given by its first calendar year: " + c.academicYear(), "Класс " + c.name()
                    + " — класс " + c.academicYear() + "/" + (c.academicYear() + 1) + " учебного года; учебный год указывается годом его "
                    + "начала: " + c.academicYear());
        }
        return new Target(c.schoolId(), classId, List.of(c), year);
    }

    /** The class against its year, before a run or a job starts. */
    @Override
    public void validate(ReportRequest request) throws ReportParameterException {
        target(request);
    }

    /** Tells its three stages (reading in bulk, building the sheets, writing the file) to a report job. */
    @Override
    public ReportOutput render(ReportRequest request, ReportProgress progress) throws Exception {
        Target target = target(request);
        String classId = target.classId();
        int year = target.year();
        List<SchoolClass> classes = target.classes();
        String school = target.school();
        boolean en = "en".equals(request.language());
        progress.update(0, 3, en ? "reading grades and attendance of " + classes.size() + " classes"
                : "чтение оценок и посещаемости: классов " + classes.size());
        List<ClassSheet> sheets = sheets(school, classId, classes, year);
        progress.update(2, 3, (en ? "writing " : "формирование ") + request.format().name());
        long rendering = System.nanoTime();
        ReportOutput out = output(request, sheets, classId, classes, year, en);
        progress.update(3, 3, null);
        LOG.debug("Summary sheet {} rendered in {} ms", request.format(), (System.nanoTime() - rendering) / 1_000_000);
        return out;
    }

    private ReportOutput output(ReportRequest request, List<ClassSheet> sheets, String classId, List<SchoolClass> classes, int year, boolean en)
            throws java.io.IOException {
        String years = year + "/" + (year + 1);
        String scope = classId != null ? classes.get(0).name() : (en ? "school" : "школа");
        String base = (en ? "summary-sheet-" : "сводная-ведомость-") + scope + "-" + years.replace('/', '-');
        if (request.format() == ReportFormat.CSV) {
            return new ReportOutput(base + ".csv", Sheets.csv(SheetLayout.table(title(request.language()), sheets, en), (en ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN)));
        }
        if (request.format() == ReportFormat.XLSX) {
            List<Table> tables = new ArrayList<>();
            for (ClassSheet s : sheets) {
                tables.add(SheetLayout.table(s.schoolClass().name(), List.of(s), en));
            }
            if (tables.isEmpty()) {
                tables.add(SheetLayout.table(title(request.language()), List.of(), en));
            }
            return new ReportOutput(base + ".xlsx", Sheets.xlsx(tables));
        }
        return new ReportOutput(base + ".pdf", pdf(sheets, years, en));
    }

    List<ClassSheet> sheets(String school, String classId, List<SchoolClass> classes, int year) {
        AcademicYear ay = calendar.year(school, year).orElse(null);
        LocalDate from = ay == null ? LocalDate.of(year, 9, 1) : ay.start();
        LocalDate to = ay == null ? LocalDate.of(year + 1, 8, 31) : ay.end();
        if (to.isAfter(from.plusDays(369))) {
            to = from.plusDays(369);
        }
        Map<Integer, List<ReportingPeriod>> periods = new HashMap<>();
        long t0 = System.nanoTime();
        List<Lesson> lessons = classId != null ? timetable.forClass(classId, from, to) : timetable.forSchool(school, from, to);
        Map<String, String> classOfGroup = new HashMap<>();
        for (Group g : roster.groups(school, year)) {
            if (g.classId() != null) {
                classOfGroup.put(g.id(), g.classId());
            }
        }
        if (classId != null) {
            // forClass answers the class's and its groups' lessons: all of them are the class's.
            lessons = lessons.stream().map(l -> l.classId() == null && !classOfGroup.containsKey(l.groupId()) ? withClass(l, classId) : l).toList();
        }
        long t1 = System.nanoTime();
        List<org.zhurnal.roster.api.ClassMember> members = roster.classMembers(school, from, to);
        long t2 = System.nanoTime();
        List<org.zhurnal.gradebook.api.FinalGrade> finals = gradebook.finalsOfSchool(school, year);
        long t3 = System.nanoTime();
        List<org.zhurnal.gradebook.api.Attendance> attendance = gradebook.attendanceOfSchool(school, from, to);
        long t4 = System.nanoTime();
        List<ClassSheet> sheets = SummarySheet.build(classes, g -> periods.computeIfAbsent(g, x -> calendar.periods(school, year, x)), members,
                lessons, classOfGroup, finals, attendance, to);
        LOG.debug("Summary sheet of {} classes: lessons and groups {} ms ({}), members {} ms ({}), grades {} ms ({}), attendance {} ms ({}), "
                + "built in {} ms", classes.size(), (t1 - t0) / 1_000_000, lessons.size(), (t2 - t1) / 1_000_000, members.size(),
                (t3 - t2) / 1_000_000, finals.size(), (t4 - t3) / 1_000_000, attendance.size(), (System.nanoTime() - t4) / 1_000_000);
        return sheets;
    }

    private static Lesson withClass(Lesson l, String classId) {
        return new Lesson(l.occurrenceId(), l.entryId(), l.date(), l.lessonNumber(), l.start(), l.end(), l.subject(), classId, l.groupId(),
                l.teacherId(), l.room(), l.status(), l.regularTeacherId(), l.changeReason(), l.revision());
    }

    private byte[] pdf(List<ClassSheet> sheets, String years, boolean en) throws java.io.IOException {
        String title = (en ? "Summary sheet of final grades, " : "Сводная ведомость итоговой успеваемости, ") + years
                + (en ? "" : " учебный год");
        PrintDocument doc = new PrintDocument(title, PrintDocument.Orientation.LANDSCAPE).footer(title);
        if (sheets.isEmpty()) {
            doc.heading(title).paragraph(en ? "No classes in this academic year." : "В этом учебном году нет классов.");
        }
        boolean first = true;
        for (ClassSheet s : sheets) {
            if (!first) {
                doc.newPage();
            }
            first = false;
            doc.heading(title).subheading((en ? "Class " : "Класс ") + s.schoolClass().name() + (en ? ", students: " : ", учеников: ")
                    + s.lines().size()).paragraph(SheetLayout.legend(s, en));
            for (SheetLayout.Part part : SheetLayout.parts(s, en)) {
                doc.table(part.columns(), part.rows()).space(3);
            }
            String teacher = s.schoolClass().classTeacherId() == null ? "" : roster.person(s.schoolClass().classTeacherId())
                    .map(Person::fullName).orElse("");
            doc.space(6).paragraph((en ? "Class teacher: " : "Классный руководитель: ") + "____________________ / " + teacher + " /")
                    .space(4).paragraph((en ? "Director: " : "Директор: ") + "____________________ / ______________________ /");
        }
        return doc.render();
    }
}
