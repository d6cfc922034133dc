package org.zhurnal.report.progress.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.report.progress.internal.ClassProgressReport.ClassFigures;
import org.zhurnal.report.progress.internal.Progress.Figures;
import org.zhurnal.reporting.spi.ParameterType;
import org.zhurnal.reporting.spi.ReportFormat;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportParameter;
import org.zhurnal.reporting.spi.ReportParameterException;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;

/**
 * The municipal view of «Успеваемость и качество знаний»: every school of a municipality with its success rate,
 * quality rate and average grade, and the municipality's total. Schools keep their own calendars, so the report takes
 * a date, not a period: for each class the reporting period of its grade that contains the date (a school with
 * quarters for grades 1–9 and half-years for 10–11 contributes both). The figures of a school are exactly those of
 * {@code class-progress} for the school (same computation, summed the same way), so the two reports agree.
 * Parameters: {@code municipalityId} (ADMINISTER on it: the municipal admin), {@code date}.
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + MunicipalProgressReport.ID)
public class MunicipalProgressReport implements ReportPlugin {
    static final String ID = "class-progress-municipal";

    private final ClassProgressReport progress;
    private final TenantService tenants;
    private final RosterQuery roster;
    private final CalendarQuery calendar;

    @Activate
    public MunicipalProgressReport(@Reference(target = "(&(" + ReportPlugin.ID + "=" + ClassProgressReport.ID
            + ")(component.name=org.zhurnal.report.progress.internal.ClassProgressReport))") ReportPlugin progress,
            @Reference TenantService tenants, @Reference RosterQuery roster, @Reference CalendarQuery calendar) {
        this.progress = (ClassProgressReport) progress; // the same bundle's component: the one computation
        this.tenants = tenants;
        this.roster = roster;
        this.calendar = calendar;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(String language) {
        return "en".equals(language) ? "Success and quality rates of a municipality's schools" : "Успеваемость и качество знаний по школам";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(new ReportParameter("municipalityId", ParameterType.MUNICIPALITY, true, "Муниципалитет", "Municipality"),
                new ReportParameter("date", ParameterType.DATE, true, "Дата в учебном периоде", "A date in the reporting period"));
    }

    @Override
    public Set<ReportFormat> formats() {
        return Set.of(ReportFormat.PDF, ReportFormat.CSV, ReportFormat.XLSX);
    }

    /** One school's line: its periods on the date and its total. */
    record SchoolFigures(School school, List<String> periods, Figures figures) {
    }

    @Override
    public ReportOutput render(ReportRequest request) throws Exception {
        return render(request, ReportProgress.none());
    }

    @Override
    public ReportOutput render(ReportRequest request, ReportProgress progressOut) throws Exception {
        String municipalityId = request.parameters().get("municipalityId");
        Municipality m = tenants.municipality(municipalityId).orElseThrow(() -> new ReportParameterException("municipalityId", "no such municipality", "Муниципалитет не найден"));
        LocalDate date = LocalDate.parse(request.parameters().get("date"));
        int year = RosterQuery.academicYearOf(date);
        List<School> schools = tenants.schools(m.id()).stream().sorted(Comparator.comparing(School::shortName)).toList();
        List<SchoolFigures> lines = new ArrayList<>();
        List<ClassFigures> everyClass = new ArrayList<>();
        int done = 0;
        for (School s : schools) {
            progressOut.update(done++, schools.size(), s.shortName());
            Map<String, ReportingPeriod> periods = new LinkedHashMap<>();
            Map<String, List<SchoolClass>> classesOfPeriod = new LinkedHashMap<>();
            for (SchoolClass c : roster.classes(s.id(), year)) {
                calendar.periodOf(s.id(), c.grade(), date).ifPresent(p -> {
                    periods.put(p.id(), p);
                    classesOfPeriod.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(c);
                });
            }
            List<ClassFigures> mine = new ArrayList<>();
            for (Map.Entry<String, List<SchoolClass>> e : classesOfPeriod.entrySet()) {
                mine.addAll(progress.figures(s.id(), null, e.getValue(), periods.get(e.getKey()), year));
            }
            everyClass.addAll(mine);
            Set<String> names = new TreeSet<>();
            periods.values().forEach(p -> names.add(p.name()));
            lines.add(new SchoolFigures(s, List.copyOf(names), ClassProgressReport.total(mine)));
        }
        progressOut.update(schools.size(), schools.size(), null);
        Figures total = ClassProgressReport.total(everyClass);
        boolean en = "en".equals(request.language());
        String base = (en ? "progress-by-school-" : "успеваемость-по-школам-") + date;
        Table table = table(m, lines, total, en);
        return switch (request.format()) {
            case CSV -> new ReportOutput(base + ".csv", Sheets.csv(table, (en ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN)));
            case XLSX -> new ReportOutput(base + ".xlsx", Sheets.xlsx(table));
            default -> new ReportOutput(base + ".pdf", pdf(m, date, table, en));
        };
    }

    static Table table(Municipality m, List<SchoolFigures> lines, Figures total, boolean en) {
        List<String> headers = new ArrayList<>(ClassProgressReport.headers(en));
        headers.set(0, en ? "School" : "Школа");
        headers.set(1, en ? "Reporting periods" : "Учебные периоды");
        List<List<Object>> rows = new ArrayList<>();
        for (SchoolFigures l : lines) {
            rows.add(ClassProgressReport.row(l.school().shortName(), String.join(", ", l.periods()), l.figures()));
        }
        rows.add(ClassProgressReport.row(en ? "Municipality total" : "Итого по муниципалитету", m.name(), total));
        return new Table(en ? "Progress by school" : "Успеваемость по школам", headers, rows);
    }

    private static byte[] pdf(Municipality m, LocalDate date, Table table, boolean en) throws java.io.IOException {
        String title = (en ? "Success and quality rates by school: " : "Успеваемость и качество знаний по школам: ") + m.name();
        int[] cols = { 0, 1, 2, 3, 5, 7, 8, 14 };
        float[] widths = { 40, 26, 16, 16, 18, 16, 16, 20 };
        List<PrintDocument.Column> columns = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            columns.add(new PrintDocument.Column(table.headers().get(cols[i]), widths[i]));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> r : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c : cols) {
                cells.add(c < r.size() ? Table.text(r.get(c), (en ? java.util.Locale.ENGLISH : org.zhurnal.sheets.api.Sheets.RUSSIAN)) : "");
            }
            rows.add(cells);
        }
        return new PrintDocument(title, PrintDocument.Orientation.PORTRAIT).footer(title).heading(title)
                .paragraph((en ? "Reporting periods containing " : "Учебные периоды, в которые входит ") + date
                        + (en ? "; confirmed period grades only, as in the class progress report."
                                : "; учтены только выставленные оценки за период, как в отчёте по классам."))
                .table(columns, rows).render();
    }
}
