package org.zhurnal.report.progress.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.GradeMeaning;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ParameterType;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.report.progress.internal.Progress.Figures;
import org.zhurnal.report.progress.internal.Progress.Grade;
import org.zhurnal.roster.api.ClassMember;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

/**
 * «Успеваемость и качество знаний»: per class over a reporting period the number of students, the success rate
 * (share of students without a failing period grade), the quality rate (share of students whose period grades are
 * all 4 or 5 on the five-point scale) and the average grade, overall and per subject; for a school also the school's
 * total. Parameters: {@code periodId}, and exactly one of {@code classId} and {@code schoolId} (else refused naming
 * {@code classId}); a period of another school or of other grades is refused naming {@code periodId}.
 * <p>Failing, «4 or 5» and the five-point equivalent come from each grade's own grading scheme through
 * {@link GradebookQuery#interpret}, never from comparing strings (see {@link Progress} for the exact rules).
 * <p><b>Only confirmed period grades count.</b> A grade not confirmed yet is not replaced by the gradebook's
 * forecast: the report is the official record of the period, and a forecast needs a computation per student and
 * subject (a school's thousands of calls) while confirmed grades are read in one query. Instead every row shows how
 * many grades are still missing (students × subjects taught to the class in the period without a confirmed grade), so
 * the reader sees how complete the figures are; rates are computed over the students with at least one grade.
 * <p>Formats: PDF (A4 portrait: a table of classes, then a table of subjects per class), CSV and XLSX (one table:
 * per class a row «all subjects» followed by a row per subject).
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + ClassProgressReport.ID)
public class ClassProgressReport implements ReportPlugin {
    static final String ID = "class-progress";

    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final TimetableQuery timetable;
    private final GradebookQuery gradebook;

    @Activate
    public ClassProgressReport(@Reference RosterQuery roster, @Reference CalendarQuery calendar, @Reference TimetableQuery timetable,
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
        return "en".equals(language) ? "Success and quality rates of classes" : "Успеваемость и качество знаний";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter("periodId", ParameterType.PERIOD, true, "Учебный период", "Reporting period"),
                new ReportParameter("classId", ParameterType.CLASS, false, "Класс", "Class"),
                new ReportParameter("schoolId", ParameterType.SCHOOL, false, "Школа (все классы)", "School (every class)"));
    }

    @Override
    public Set<ReportFormat> formats() {
        return Set.of(ReportFormat.PDF, ReportFormat.CSV, ReportFormat.XLSX);
    }

    /** One class's figures: overall and per subject (subjects alphabetically). */
    record ClassFigures(SchoolClass schoolClass, Figures all, Map<String, Figures> subjects) {
    }

    /** The school, the class (or none: the whole school), its classes, the period and its academic year a request names. */
    private record Target(String school, String classId, List<SchoolClass> classes, ReportingPeriod period, int year) {
    }

    private Target target(ReportRequest request) throws ReportParameterException {
        String classId = request.parameters().get("classId");
        String schoolId = request.parameters().get("schoolId");
        if ((classId == null) == (schoolId == null)) {
            throw new ReportParameterException("classId", "exactly one of classId and schoolId is given",
                    "Укажите либо класс, либо школу");
        }
        ReportingPeriod period = calendar.period(request.parameters().get("periodId")).orElseThrow(
                () -> new ReportParameterException("periodId", "no such reporting period", "Отчётный период не найден"));
        int year = RosterQuery.academicYearOf(period.start());
        String school;
        List<SchoolClass> classes;
        if (classId != null) {
            SchoolClass c = roster.schoolClass(classId).orElseThrow(() -> new ReportParameterException("classId", "no such class", "Класс не найден"));
            school = c.schoolId();
            if (!period.grades().isEmpty() && !period.grades().contains(c.grade())) {
                throw new ReportParameterException("periodId", "the period is not one of grade " + c.grade(),
                    "Этот период не относится к " + c.grade() + "-м классам");
            }
            classes = List.of(c);
        } else {
            school = schoolId;
            classes = roster.classes(school, year).stream().filter(c -> period.grades().isEmpty() || period.grades().contains(c.grade())).toList();
        }
        if (calendar.yearOf(school, period.start()).map(y -> !y.id().equals(period.yearId())).orElse(true)) {
            throw new ReportParameterException("periodId", "the period belongs to another school",
                    "Этот период — из календаря другой школы");
        }
        if (classId != null && classes.get(0).academicYear() != year) {
            throw new ReportParameterException("periodId", "the period is not of the class's academic year",
                    "Этот период — не из учебного года класса");
        }
        return new Target(school, classId, classes, period, year);
    }

    /** The class, the period and the school against each other, before a run or a job starts. */
    @Override
    public void validate(ReportRequest request) throws ReportParameterException {
        target(request);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws Exception {
        Target target = target(request);
        String school = target.school();
        String classId = target.classId();
        List<SchoolClass> classes = target.classes();
        ReportingPeriod period = target.period();
        int year = target.year();
        List<ClassFigures> figures = figures(school, classId, classes, period, year);
        Figures total = classId == null ? total(figures) : null;
        boolean en = "en".equals(request.language());
        String years = year + "/" + (year + 1);
        String scope = classId != null ? classes.get(0).name() : (en ? "school" : "школа");
        String base = (en ? "class-progress-" : "успеваемость-") + scope + "-" + period.name();
        if (request.format() == ReportFormat.CSV) {
            return new ReportOutput(base + ".csv", Sheets.csv(table(figures, total, en), (en ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN)));
        }
        if (request.format() == ReportFormat.XLSX) {
            return new ReportOutput(base + ".xlsx", Sheets.xlsx(table(figures, total, en)));
        }
        return new ReportOutput(base + ".pdf", pdf(figures, total, period, years, en));
    }

    List<ClassFigures> figures(String school, String classId, List<SchoolClass> classes, ReportingPeriod period, int year) {
        Map<String, String> classOfGroup = new HashMap<>();
        for (Group g : roster.groups(school, year)) {
            if (g.classId() != null) {
                classOfGroup.put(g.id(), g.classId());
            }
        }
        Map<String, Set<String>> subjects = new HashMap<>();
        List<Lesson> lessons = classId != null ? timetable.forClass(classId, period.start(), period.end())
                : timetable.forSchool(school, period.start(), period.end());
        for (Lesson l : lessons) {
            String c = classId != null ? classId : l.classId() != null ? l.classId() : classOfGroup.get(l.groupId());
            if (c != null && !l.cancelled()) {
                subjects.computeIfAbsent(c, k -> new TreeSet<>()).add(l.subject());
            }
        }
        Map<String, Set<String>> students = new HashMap<>();
        for (ClassMember m : roster.classMembers(school, period.start(), period.end())) {
            students.computeIfAbsent(m.membership().classId(), k -> new LinkedHashSet<>()).add(m.student().id());
        }
        Map<String, Optional<GradeMeaning>> meanings = new HashMap<>();
        List<Grade> grades = new ArrayList<>();
        for (FinalGrade f : gradebook.finalsOfSchool(school, year)) {
            if (FinalGrade.PERIOD.equals(f.kind()) && period.id().equals(f.periodId())) {
                GradeMeaning m = meanings.computeIfAbsent(f.schemeId() + "\u0000" + f.value(), k -> gradebook.interpret(f.schemeId(), f.value()))
                        .orElse(null);
                grades.add(new Grade(f.studentId(), f.subject(), f.value(), m));
            }
        }
        List<ClassFigures> out = new ArrayList<>();
        for (SchoolClass c : classes) {
            Set<String> mine = students.getOrDefault(c.id(), Set.of());
            List<Grade> theirs = grades.stream().filter(g -> mine.contains(g.studentId())).toList();
            if (classId == null && c.grade() == 1 && theirs.isEmpty()) {
                continue; // a first grade learns without marks (безотметочное обучение): not «no grades» in a school's figures
            }
            Set<String> subs = new TreeSet<>(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("ru")));
            subs.addAll(subjects.getOrDefault(c.id(), Set.of()));
            Set<String> taught = Set.copyOf(subs);
            theirs.forEach(g -> subs.add(g.subject()));
            Map<String, Figures> bySubject = new java.util.LinkedHashMap<>();
            for (String s : subs) {
                bySubject.put(s, Progress.figures(mine, taught.contains(s) ? List.of(s) : List.of(), theirs.stream()
                        .filter(g -> g.subject().equals(s)).toList()));
            }
            out.add(new ClassFigures(c, Progress.figures(mine, taught, theirs), bySubject));
        }
        return out;
    }

    /** @return the school's total: sums of the classes' counts, rates recomputed from them */
    static Figures total(List<ClassFigures> classes) {
        int[] n = new int[10];
        for (ClassFigures c : classes) {
            Figures f = c.all();
            int[] v = { f.students(), f.assessed(), f.successful(), f.quality(), f.fives(), f.fours(), f.threes(), f.twos(), f.other(), f.missing() };
            for (int i = 0; i < v.length; i++) {
                n[i] += v[i];
            }
        }
        // «2» counts ones too, so the school's average is the classes' averages weighted by their five-point grades.
        BigDecimal weighted = BigDecimal.ZERO;
        int count = 0;
        for (ClassFigures c : classes) {
            Figures f = c.all();
            int k = f.fives() + f.fours() + f.threes() + f.twos();
            if (f.average() != null && k > 0) {
                weighted = weighted.add(f.average().multiply(BigDecimal.valueOf(k)));
                count += k;
            }
        }
        BigDecimal average = count == 0 ? null : weighted.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.HALF_UP);
        return new Figures(n[0], n[1], n[2], n[3], Progress.percent(n[2], n[1]), Progress.percent(n[3], n[1]), average, n[4], n[5], n[6], n[7],
                n[8], n[9]);
    }

    static List<String> headers(boolean en) {
        return en ? List.of("Class", "Subject", "Students", "Assessed", "Successful", "Success rate, %", "Quality (4 and 5)", "Quality rate, %",
                "Average grade", "«5»", "«4»", "«3»", "«2»", "Other", "Missing grades")
                : List.of("Класс", "Предмет", "Учеников", "Аттестовано", "Успевают", "Успеваемость, %", "На «4» и «5»", "Качество знаний, %",
                        "Средний балл", "«5»", "«4»", "«3»", "«2»", "Другие", "Не выставлено оценок");
    }

    static List<Object> row(String className, String subject, Figures f) {
        List<Object> r = new ArrayList<>();
        r.add(className);
        r.add(subject);
        r.add(f.students());
        r.add(f.assessed());
        r.add(f.successful());
        r.add(plain(f.successRate()));
        r.add(f.quality());
        r.add(plain(f.qualityRate()));
        r.add(plain(f.average()));
        r.add(f.fives());
        r.add(f.fours());
        r.add(f.threes());
        r.add(f.twos());
        r.add(f.other());
        r.add(f.missing());
        return r;
    }

    /** @return the number without trailing zeros (75, 4.5), as XLSX keeps it, so CSV and XLSX read the same */
    private static BigDecimal plain(BigDecimal n) {
        return n == null ? null : n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    }

    static Table table(List<ClassFigures> classes, Figures total, boolean en) {
        String all = en ? "All subjects" : "Все предметы";
        List<List<Object>> rows = new ArrayList<>();
        for (ClassFigures c : classes) {
            rows.add(row(c.schoolClass().name(), all, c.all()));
            c.subjects().forEach((s, f) -> rows.add(row(c.schoolClass().name(), s, f)));
        }
        if (total != null) {
            rows.add(row(en ? "School" : "Школа", all, total));
        }
        return new Table(en ? "Class progress" : "Успеваемость", headers(en), rows);
    }


    private byte[] pdf(List<ClassFigures> classes, Figures total, ReportingPeriod period, String years, boolean en) throws java.io.IOException {
        String title = (en ? "Success and quality rates, " : "Успеваемость и качество знаний, ") + period.name() + " (" + years + ")";
        PrintDocument doc = new PrintDocument(title, PrintDocument.Orientation.PORTRAIT).footer(title).heading(title)
                .paragraph(en ? "Confirmed period grades only; «missing» counts students × subjects taught without a confirmed grade; "
                        + "«assessed» are the students with at least one grade, and rates are over them; «4 and 5» are the students whose "
                        + "grades are all 4 or 5 (a pass keeps quality). In a school's figures, first grades without grades (taught "
                        + "without marks) are left out."
                        : "Учтены только выставленные (подтверждённые) оценки за период; «нет оценок» — число пар ученик × предмет "
                                + "без выставленной оценки; «аттест.» — ученики хотя бы с одной оценкой; проценты — от их числа; "
                                + "«на 4 и 5» — ученики, все оценки которых 4 и 5 (зачёт не снижает качество). В итогах по школе "
                                + "первые классы без оценок (безотметочное обучение) не учитываются.");
        // The PDF's columns are narrow: its headers are the usual abbreviations of school reports.
        List<String> h = en ? List.of("Class", "Subject", "Students", "Assessed", "Successful", "Success, %", "4 and 5", "Quality, %", "Average",
                "«5»", "«4»", "«3»", "«2»", "Other", "Missing")
                : List.of("Класс", "Предмет", "Учеников", "Аттест.", "Успевают", "Успев., %", "На 4 и 5", "Кач., %", "Ср. балл", "«5»", "«4»",
                        "«3»", "«2»", "Другие", "Нет оценок");
        float[] widths = { 14, 20, 19, 20, 20, 20, 18, 18, 24 };
        int[] summaryCols = { 0, 2, 3, 4, 5, 6, 7, 8, 14 };
        List<PrintDocument.Column> cols = new ArrayList<>();
        for (int i = 0; i < summaryCols.length; i++) {
            cols.add(new PrintDocument.Column(h.get(summaryCols[i]), widths[i]));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ClassFigures c : classes) {
            rows.add(pick(row(c.schoolClass().name(), "", c.all()), summaryCols, en));
        }
        if (total != null) {
            rows.add(pick(row(en ? "School" : "Школа", "", total), summaryCols, en));
        }
        doc.table(cols, rows);
        int[] subjectCols = { 1, 3, 9, 10, 11, 12, 5, 7, 8, 14 };
        float[] subjectWidths = { 42, 18, 9, 9, 9, 9, 20, 18, 18, 24 };
        for (ClassFigures c : classes) {
            doc.space(4).subheading((en ? "Class " : "Класс ") + c.schoolClass().name() + ": " + (en ? "by subject" : "по предметам"));
            List<PrintDocument.Column> sc = new ArrayList<>();
            for (int i = 0; i < subjectCols.length; i++) {
                sc.add(new PrintDocument.Column(subjectCols[i] == 3 ? (en ? "Graded" : "Оценено") : h.get(subjectCols[i]), subjectWidths[i]));
            }
            List<List<String>> srows = new ArrayList<>();
            c.subjects().forEach((s, f) -> srows.add(pick(row("", s, f), subjectCols, en)));
            doc.table(sc, srows);
        }
        return doc.render();
    }

    /** The PDF's cells: fractions with the report language's decimal separator («3,77» in Russian). */
    private static List<String> pick(List<Object> row, int[] cols, boolean en) {
        List<String> out = new ArrayList<>();
        for (int c : cols) {
            out.add(Table.text(row.get(c), (en ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN)));
        }
        return out;
    }
}
