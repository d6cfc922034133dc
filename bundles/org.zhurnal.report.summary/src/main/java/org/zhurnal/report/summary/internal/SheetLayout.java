package org.zhurnal.report.summary.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.report.summary.internal.SummarySheet.ClassSheet;
import org.zhurnal.report.summary.internal.SummarySheet.Line;
import org.zhurnal.report.summary.internal.SummarySheet.SubjectGrades;
import org.zhurnal.sheets.api.Table;

/**
 * How the summary sheet is laid out: the flat table of CSV and XLSX, and the table parts of the PDF.
 * <p>The flat table has one row per student: class, student, then per subject one column per reporting period, the
 * year, exam and final grade, then the four attendance columns. When several classes share a table (a school's CSV),
 * its columns are the union of their subjects and period names; a cell that does not apply stays empty.
 * <p>The PDF keeps one printed column per subject and splits the subjects over several table parts of at most
 * {@link #SUBJECTS_PER_PART} subjects each (every part repeats the number and name of the student), because a whole
 * school's subject list (12–16 subjects) does not fit one A4 landscape row readably. A subject's cell holds its grades
 * compactly as «5 4 5 5 | 5 | – | 5»: the period grades in order, then the year, exam and final grade, «–» where a
 * grade is missing, explained by a legend under the class heading. Attendance follows in the last part.
 */
final class SheetLayout {
    static final int SUBJECTS_PER_PART = 5;
    static final String NONE = "–";

    private SheetLayout() {
    }

    /** Texts of one language. */
    record Words(String classCol, String studentCol, String year, String exam, String fin, String missed, String illness, String excused,
            String unexcused) {
        static Words of(boolean en) {
            return en ? new Words("Class", "Student", "year", "exam", "final", "Lessons missed", "Illness", "Excused", "Unexcused")
                    : new Words("Класс", "Ученик", "год", "экзамен", "итоговая", "Пропущено уроков", "По болезни", "По уважительной причине",
                            "Без уважительной причины");
        }
    }

    /** @return the flat table of the sheets (one class for XLSX sheets, all for CSV) */
    static Table table(String name, List<ClassSheet> sheets, boolean en) {
        Words w = Words.of(en);
        TreeSet<String> subjects = new TreeSet<>(SummarySheet.RU);
        // Period names in the order of their first appearance by start date (quarters before half-years of the same start).
        Map<String, java.time.LocalDate> periodStart = new LinkedHashMap<>();
        for (ClassSheet s : sheets) {
            subjects.addAll(s.subjects());
            s.periods().forEach(p -> periodStart.merge(p.name(), p.start(), (a, b) -> a.isBefore(b) ? a : b));
        }
        List<String> periodNames = periodStart.entrySet().stream().sorted(Map.Entry.<String, java.time.LocalDate>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList();
        List<String> headers = new ArrayList<>(List.of(w.classCol(), w.studentCol()));
        for (String subject : subjects) {
            periodNames.forEach(p -> headers.add(subject + ": " + p));
            headers.add(subject + ": " + w.year());
            headers.add(subject + ": " + w.exam());
            headers.add(subject + ": " + w.fin());
        }
        headers.addAll(List.of(w.missed(), w.illness(), w.excused(), w.unexcused()));
        List<List<Object>> rows = new ArrayList<>();
        for (ClassSheet s : sheets) {
            for (Line l : s.lines()) {
                List<Object> row = new ArrayList<>(headers.size());
                row.add(s.schoolClass().name());
                row.add(l.name());
                for (String subject : subjects) {
                    SubjectGrades g = l.grades().get(subject);
                    for (String p : periodNames) {
                        int i = indexOf(s.periods(), p);
                        row.add(g == null || i < 0 ? null : g.periods().get(i));
                    }
                    row.add(g == null ? null : g.year());
                    row.add(g == null ? null : g.exam());
                    row.add(g == null ? null : g.fin());
                }
                row.add(l.absences().missed());
                row.add(l.absences().illness());
                row.add(l.absences().excused());
                row.add(l.absences().unexcused());
                rows.add(row);
            }
        }
        return new Table(name, headers, rows);
    }

    private static int indexOf(List<ReportingPeriod> periods, String name) {
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return a subject's PDF cell: «5 4 5 5 | 5 | – | 5», or empty when the student has no grade in it */
    static String cell(SubjectGrades g) {
        if (g == null || g.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String p : g.periods()) {
            b.append(p == null ? NONE : p).append(' ');
        }
        return b.append("| ").append(or(g.year())).append(" | ").append(or(g.exam())).append(" | ").append(or(g.fin())).toString();
    }

    private static String or(String v) {
        return v == null ? NONE : v;
    }

    /** One printed table: its columns and rows. */
    record Part(List<PrintDocument.Column> columns, List<List<String>> rows) {
    }

    /** @return the PDF table parts of a class: subjects split by {@link #SUBJECTS_PER_PART}, attendance in the last part */
    static List<Part> parts(ClassSheet s, boolean en) {
        Words w = Words.of(en);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < s.subjects().size(); i += SUBJECTS_PER_PART) {
            chunks.add(s.subjects().subList(i, Math.min(s.subjects().size(), i + SUBJECTS_PER_PART)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        List<Part> parts = new ArrayList<>();
        for (int k = 0; k < chunks.size(); k++) {
            boolean last = k == chunks.size() - 1;
            List<PrintDocument.Column> columns = new ArrayList<>();
            columns.add(new PrintDocument.Column("№", 8));
            columns.add(new PrintDocument.Column(w.studentCol(), 46));
            chunks.get(k).forEach(subject -> columns.add(new PrintDocument.Column(subject, 30)));
            if (last) {
                columns.add(new PrintDocument.Column(en ? "Missed" : "Пропущено", 22));
                columns.add(new PrintDocument.Column(en ? "Illness" : "Болезнь", 18));
                columns.add(new PrintDocument.Column(en ? "Excused" : "Уваж.", 18));
                columns.add(new PrintDocument.Column(en ? "Unexcused" : "Неуваж.", 20));
            }
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (Line l : s.lines()) {
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(++n));
                row.add(l.name());
                chunks.get(k).forEach(subject -> row.add(cell(l.grades().get(subject))));
                if (last) {
                    row.add(Integer.toString(l.absences().missed()));
                    row.add(Integer.toString(l.absences().illness()));
                    row.add(Integer.toString(l.absences().excused()));
                    row.add(Integer.toString(l.absences().unexcused()));
                }
                rows.add(row);
            }
            parts.add(new Part(columns, rows));
        }
        return parts;
    }

    /** @return the legend explaining a subject's cell for the class's periods */
    static String legend(ClassSheet s, boolean en) {
        List<String> names = s.periods().stream().map(ReportingPeriod::name).toList();
        String periods = names.isEmpty() ? (en ? "no periods" : "нет периодов") : String.join(", ", names);
        return en ? "In a subject's cell: the period grades (" + periods + ") | year | exam | final grade; «" + NONE + "» — no confirmed grade. "
                + "Lessons missed in the year: in all, for illness, excused, unexcused."
                : "В ячейке предмета: оценки за периоды (" + periods + ") | годовая | экзаменационная | итоговая; «" + NONE
                        + "» — оценка не выставлена. Пропущено уроков за год: всего, по болезни, по уважительной (Уваж.) и без "
                        + "уважительной причины (Неуваж.).";
    }
}
