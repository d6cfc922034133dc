package org.zhurnal.report.journal.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.gradebook.api.JournalLesson;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ParameterType;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.roster.api.ClassMember;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * «Классный журнал: выписка за период» — the paper copy of a class's electronic journal for a reporting period, as the
 * school's regulation asks when the journal is to be used as a printed document (it is printed and certified): per
 * subject (alphabetically) the class's students by name against the held lessons' dates — each cell the student's marks of
 * that lesson and their absence code —, the confirmed period grade, then the lessons with their topics and homework; a
 * certification block at the end (who certifies, signature, date, seal). Cancelled lessons are left out; a mark deleted
 * from the journal is not printed. Parameters: {@code classId} and {@code periodId} (a period of another school or grade is
 * refused naming {@code periodId}). PDF only: A4 landscape, at most {@value #DATES_PER_TABLE} lesson dates per table.
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + ClassJournalReport.ID)
public class ClassJournalReport implements ReportPlugin {
    static final String ID = "class-journal";

    /** Lesson columns one landscape table shows readably next to the student's name. */
    static final int DATES_PER_TABLE = 18;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TimetableQuery timetable;
    private final GradebookQuery gradebook;

    @Activate
    public ClassJournalReport(@Reference RosterQuery roster, @Reference CalendarQuery calendar, @Reference TimetableQuery timetable,
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
        return "en".equals(language) ? "Class journal: printout for a period" : "Классный журнал: выписка за период";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter("classId", ParameterType.CLASS, true, "Класс", "Class"),
                new ReportParameter("periodId", ParameterType.PERIOD, true, "Учебный период", "Reporting period"));
    }

    @Override
    public Set<ReportFormat> formats() {
        return Set.of(ReportFormat.PDF);
    }

    private record Target(SchoolClass schoolClass, ReportingPeriod period) {
    }

    private Target target(ReportRequest request) throws ReportParameterException {
        SchoolClass c = roster.schoolClass(request.parameters().get("classId"))
                .orElseThrow(() -> new ReportParameterException("classId", "no such class", "Класс не найден"));
        ReportingPeriod period = calendar.period(request.parameters().get("periodId"))
                .orElseThrow(() -> new ReportParameterException("periodId", "no such reporting period", "Учебный период не найден"));
        if (!period.grades().isEmpty() && !period.grades().contains(c.grade())) {
            throw new ReportParameterException("periodId", "the period is not one of grade " + c.grade(),
                    "Этот период не относится к " + c.grade() + "-м классам");
        }
        if (calendar.yearOf(c.schoolId(), period.start()).map(y -> !y.id().equals(period.yearId())).orElse(true)
                || RosterQuery.academicYearOf(period.start()) != c.academicYear()) {
            throw new ReportParameterException("periodId", "the period is not of the class's school and year",
                    "Этот период — не из календаря школы и учебного года класса");
        }
        return new Target(c, period);
    }

    @Override
    public void validate(ReportRequest request) throws ReportParameterException {
        target(request);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws Exception {
        return render(request, ReportProgress.none());
    }

    @Override
    public ReportOutput render(ReportRequest request, ReportProgress progress) throws Exception {
        Target target = target(request);
        SchoolClass c = target.schoolClass();
        ReportingPeriod period = target.period();
        boolean en = "en".equals(request.language());
        LocalDate from = period.start();
        LocalDate to = period.end();

        // The class's students over the period (those who came or left within it too), by name.
        Map<String, Person> students = new TreeMap<>();
        Map<String, Person> byId = new HashMap<>();
        for (ClassMember m : roster.classMembers(c.schoolId(), from, to)) {
            if (c.id().equals(m.membership().classId()) && !m.membership().isGroup()) {
                byId.putIfAbsent(m.student().id(), m.student());
            }
        }
        byId.values().stream().sorted(Comparator.comparing(Person::fullName)).forEach(p -> students.put(p.fullName() + "\u0000" + p.id(), p));

        // The held lessons by subject, in date order.
        Map<String, List<Lesson>> bySubject = new TreeMap<>(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("ru")));
        for (Lesson l : timetable.forClass(c.id(), from, to)) {
            if (!l.cancelled()) {
                bySubject.computeIfAbsent(l.subject(), k -> new ArrayList<>()).add(l);
            }
        }
        List<String> occurrences = bySubject.values().stream().flatMap(List::stream).map(Lesson::occurrenceId).toList();
        Map<String, JournalLesson> journal = new HashMap<>();
        for (JournalLesson j : occurrences.isEmpty() ? List.<JournalLesson>of() : gradebook.lessons(occurrences)) {
            journal.put(j.occurrenceId(), j);
        }
        // Marks and absences by lesson and student.
        Map<String, Map<String, List<String>>> cells = new HashMap<>();
        int done = 0;
        for (Person s : students.values()) {
            progress.update(done++, students.size(), s.fullName());
            for (Mark m : gradebook.marksOfStudent(s.id(), from, to, false)) {
                if (!m.deleted()) {
                    cells.computeIfAbsent(m.occurrenceId(), k -> new HashMap<>()).computeIfAbsent(s.id(), k -> new ArrayList<>()).add(m.value());
                }
            }
        }
        for (Attendance a : gradebook.attendanceOfSchool(c.schoolId(), from, to)) {
            if (byId.containsKey(a.studentId())) {
                cells.computeIfAbsent(a.occurrenceId(), k -> new HashMap<>()).computeIfAbsent(a.studentId(), k -> new ArrayList<>())
                        .add(0, a.code() + (a.lateMinutes() != null ? " " + a.lateMinutes() + "′" : ""));
            }
        }
        Map<String, String> periodGrade = new HashMap<>();
        for (FinalGrade f : gradebook.finalsOfSchool(c.schoolId(), c.academicYear())) {
            if (FinalGrade.PERIOD.equals(f.kind()) && period.id().equals(f.periodId()) && byId.containsKey(f.studentId())) {
                periodGrade.put(f.subject() + "\u0000" + f.studentId(), f.value());
            }
        }

        String years = c.academicYear() + "/" + (c.academicYear() + 1);
        String title = (en ? "Class journal " : "Классный журнал ") + c.name() + ", " + period.name() + " (" + years + ")";
        PrintDocument doc = new PrintDocument(title, PrintDocument.Orientation.LANDSCAPE).footer(title).heading(title)
                .paragraph((en ? "Printout of the electronic journal for " : "Выписка из электронного журнала за ") + from.format(FULL) + " – "
                        + to.format(FULL) + (en ? ". In the cells: the lesson's marks; absence codes first (н — unexcused, б — illness, "
                                + "у — excused, оп — late, with the minutes)." : ". В клетках — отметки за урок; первым — отметка о посещаемости "
                                + "(н — без уважительной причины, б — по болезни, у — по уважительной причине, оп — опоздание, с минутами)."));
        if (bySubject.isEmpty()) {
            doc.paragraph(en ? "No lessons were held in the period." : "За период уроков не проводилось.");
        }
        Map<String, String> teacherNames = new HashMap<>();
        boolean first = true;
        for (Map.Entry<String, List<Lesson>> e : bySubject.entrySet()) {
            String subject = e.getKey();
            List<Lesson> lessons = e.getValue();
            lessons.sort(Comparator.comparing(Lesson::date).thenComparing(Lesson::lessonNumber));
            if (!first) {
                doc.newPage();
            }
            first = false;
            List<String> teachers = lessons.stream().map(Lesson::regularTeacherId).filter(java.util.Objects::nonNull).distinct()
                    .map(id -> teacherNames.computeIfAbsent(id, k -> roster.person(k).map(Person::fullName).orElse(k))).toList();
            doc.subheading(subject + (teachers.isEmpty() ? "" : (en ? " — teacher: " : " — учитель: ") + String.join(", ", teachers)));
            for (int i = 0; i < lessons.size(); i += DATES_PER_TABLE) {
                List<Lesson> part = lessons.subList(i, Math.min(lessons.size(), i + DATES_PER_TABLE));
                boolean last = i + DATES_PER_TABLE >= lessons.size();
                List<PrintDocument.Column> cols = new ArrayList<>();
                cols.add(new PrintDocument.Column("№", 7));
                cols.add(new PrintDocument.Column(en ? "Student" : "Ученик", 52));
                part.forEach(l -> cols.add(new PrintDocument.Column(l.date().format(DAY), 11)));
                if (last) {
                    cols.add(new PrintDocument.Column(period.name(), 18));
                }
                List<List<String>> rows = new ArrayList<>();
                int n = 0;
                for (Person s : students.values()) {
                    List<String> row = new ArrayList<>();
                    row.add(String.valueOf(++n));
                    row.add(s.fullName());
                    for (Lesson l : part) {
                        List<String> v = cells.getOrDefault(l.occurrenceId(), Map.of()).get(s.id());
                        row.add(v == null ? "" : String.join(" ", v));
                    }
                    if (last) {
                        row.add(periodGrade.getOrDefault(subject + "\u0000" + s.id(), ""));
                    }
                    rows.add(row);
                }
                doc.table(cols, rows);
                doc.space(2);
            }
            List<List<String>> topics = new ArrayList<>();
            for (Lesson l : lessons) {
                JournalLesson j = journal.get(l.occurrenceId());
                topics.add(List.of(l.date().format(FULL), j == null || j.topic() == null ? "" : j.topic(), j == null || j.homework() == null ? ""
                        : j.homework()));
            }
            doc.table(List.of(new PrintDocument.Column(en ? "Date" : "Дата", 22), new PrintDocument.Column(en ? "Topic" : "Тема урока", 120),
                    new PrintDocument.Column(en ? "Homework" : "Домашнее задание", 110)), topics);
        }
        doc.space(8).paragraph(en ? "The printout is true to the electronic journal." : "Выписка из электронного журнала верна.")
                .paragraph(en ? "Certified by: ______________________ (position, signature, name)     Date: ____________     Seal"
                        : "Заверил(а): ______________________ (должность, подпись, расшифровка)     Дата: ____________     М. П.");
        String base = (en ? "class-journal-" : "журнал-") + c.name() + "-" + period.name();
        return new ReportOutput(base + ".pdf", doc.render());
    }
}
