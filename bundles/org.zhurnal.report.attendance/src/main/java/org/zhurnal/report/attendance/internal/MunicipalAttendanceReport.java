package org.zhurnal.report.attendance.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
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
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.roster.api.ClassMember;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;

/**
 * «Посещаемость по школам» — the municipal view of attendance over a date range: per school of a municipality the
 * students enrolled at some date of the range, lessons missed and of them for illness, excused and unexcused,
 * lateness, and lessons missed per student; the municipality's total. The counts are the journal's attendance
 * records (one bulk read per school), categorised as in the class report. The MUNICIPALITY parameter needs
 * ADMINISTER on the municipality (its municipal admin).
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + MunicipalAttendanceReport.ID)
public class MunicipalAttendanceReport implements ReportPlugin {
    static final String ID = "attendance-municipal";
    static final List<String> HEADERS_RU = List.of("Школа", "Учеников", "Пропущено уроков", "По болезни", "По уважительной причине",
            "Без уважительной причины", "Опозданий", "Пропущено на ученика");
    static final List<String> HEADERS_EN = List.of("School", "Students", "Lessons missed", "Illness", "Excused", "Unexcused", "Late",
            "Missed per student");

    private final TenantService tenants;
    private final RosterQuery roster;
    private final GradebookQuery gradebook;

    @Activate
    public MunicipalAttendanceReport(@Reference TenantService tenants, @Reference RosterQuery roster, @Reference GradebookQuery gradebook) {
        this.tenants = tenants;
        this.roster = roster;
        this.gradebook = gradebook;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(String language) {
        return "en".equals(language) ? "Attendance by school" : "Посещаемость по школам";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter("municipalityId", ParameterType.MUNICIPALITY, true, "Муниципалитет", "Municipality"),
                new ReportParameter("from", ParameterType.DATE, true, "С", "From"),
                new ReportParameter("to", ParameterType.DATE, true, "По", "To"));
    }

    @Override
    public Set<ReportFormat> formats() {
        return Set.of(ReportFormat.PDF, ReportFormat.CSV, ReportFormat.XLSX);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws IOException {
        return render(request, ReportProgress.none());
    }

    /** Counts of one school: students, missed, illness, excused, unexcused, late. */
    static long[] counts(int students, List<Attendance> records) {
        long[] n = new long[6];
        n[0] = students;
        for (Attendance a : records) {
            switch (a.category()) {
                case AbsenceCode.ILLNESS -> n[2]++;
                case AbsenceCode.EXCUSED -> n[3]++;
                case AbsenceCode.LATE -> n[5]++;
                default -> n[4]++;
            }
        }
        n[1] = n[2] + n[3] + n[4];
        return n;
    }

    static List<Object> row(String name, long[] n) {
        BigDecimal perStudent = n[0] == 0 ? null : BigDecimal.valueOf(n[1]).divide(BigDecimal.valueOf(n[0]), 1, RoundingMode.HALF_UP);
        return java.util.Arrays.asList(name, n[0], n[1], n[2], n[3], n[4], n[5], perStudent);
    }

    /** The date range of a request: to ≥ from, at most a year. */
    private static LocalDate[] range(ReportRequest request) {
        LocalDate from = LocalDate.parse(request.parameters().get("from"));
        LocalDate to = LocalDate.parse(request.parameters().get("to"));
        if (to.isBefore(from)) {
            throw new ReportParameterException("to", "to is before from", "Конец периода раньше его начала");
        }
        if (to.isAfter(from.plusYears(1))) {
            throw new ReportParameterException("to", "the range is at most one year", "Период отчёта — не больше года");
        }
        return new LocalDate[] { from, to };
    }

    /** The date range, before a run or a job starts. */
    @Override
    public void validate(ReportRequest request) {
        range(request);
    }

    @Override
    public ReportOutput render(ReportRequest request, ReportProgress progress) throws IOException {
        Municipality m = tenants.municipality(request.parameters().get("municipalityId"))
                .orElseThrow(() -> new ReportParameterException("municipalityId", "no such municipality", "Муниципалитет не найден"));
        LocalDate[] range = range(request);
        LocalDate from = range[0];
        LocalDate to = range[1];
        boolean en = "en".equals(request.language());
        List<School> schools = tenants.schools(m.id()).stream().sorted(Comparator.comparing(School::shortName)).toList();
        List<List<Object>> rows = new ArrayList<>();
        long[] total = new long[6];
        int done = 0;
        for (School s : schools) {
            progress.update(done++, schools.size(), s.shortName());
            Set<String> students = new HashSet<>();
            for (ClassMember cm : roster.classMembers(s.id(), from, to)) {
                students.add(cm.student().id());
            }
            long[] n = counts(students.size(), gradebook.attendanceOfSchool(s.id(), from, to));
            rows.add(row(s.shortName(), n));
            for (int i = 0; i < n.length; i++) {
                total[i] += n[i];
            }
        }
        progress.update(schools.size(), schools.size(), null);
        rows.add(row(en ? "Municipality total" : "Итого по муниципалитету", total));
        Table table = new Table(en ? "Attendance by school" : "Посещаемость по школам", en ? HEADERS_EN : HEADERS_RU, rows);
        String base = (en ? "attendance-schools-" : "посещаемость-школы-") + from + "-" + to;
        if (request.format() == ReportFormat.CSV) {
            return new ReportOutput(base + ".csv", Sheets.csv(table, (en ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN)));
        }
        if (request.format() == ReportFormat.XLSX) {
            return new ReportOutput(base + ".xlsx", Sheets.xlsx(table));
        }
        String title = (en ? "Attendance by school: " : "Посещаемость по школам: ") + m.name() + ", " + Text.date(from) + " – " + Text.date(to);
        List<PrintDocument.Column> columns = new ArrayList<>();
        float[] widths = { 50, 18, 20, 18, 22, 22, 18, 20 };
        for (int i = 0; i < table.headers().size(); i++) {
            columns.add(new PrintDocument.Column(table.headers().get(i), widths[i]));
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> r : rows) {
            cells.add(r.stream().map(Table::text).toList());
        }
        byte[] pdf = new PrintDocument(title, PrintDocument.Orientation.PORTRAIT).footer(title).heading(title)
                .paragraph(en ? "From the journal's attendance records; students enrolled at some date of the range."
                        : "По записям посещаемости в журнале; учтены ученики, числившиеся в школе в течение периода.")
                .table(columns, cells).render();
        return new ReportOutput(base + ".pdf", pdf);
    }
}
