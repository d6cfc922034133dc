package org.zhurnal.report.timeliness.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportProgress;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.sheets.api.Table;

/**
 * «Информирование родителей по школам» — the municipal view of {@code informing-parents}: per school of a
 * municipality and week, students and families reached, and the municipality's row per week. A school's numbers are
 * the school rows of {@code informing-parents} (the same {@link ControlData#informing} summed the same way). The
 * MUNICIPALITY parameter needs ADMINISTER on the municipality (its municipal admin).
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + MunicipalInformingReport.ID)
public class MunicipalInformingReport extends ControlReport {
    static final String ID = "informing-parents-municipal";
    static final List<String> HEADERS_RU = List.of("Школа", "Неделя", "Учеников", "Семей охвачено", "Доля, %");
    static final List<String> HEADERS_EN = List.of("School", "Week", "Students", "Families reached", "Share, %");

    @Activate
    public MunicipalInformingReport(@Reference ControlData data) {
        super(ID, "Информирование родителей по школам", "Informing parents by school", Output.MUNICIPALITY_RANGE, data);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws IOException {
        return render(request, ReportProgress.none());
    }

    @Override
    public ReportOutput render(ReportRequest request, ReportProgress progress) throws IOException {
        String municipalityId = request.parameters().get("municipalityId");
        var range = Output.range(request);
        boolean en = "en".equals(request.language());
        List<List<Object>> rows = new ArrayList<>();
        Map<LocalDate, int[]> municipality = new TreeMap<>();
        List<School> schools = data.schools(municipalityId);
        int done = 0;
        for (School s : schools) {
            progress.update(done++, schools.size(), s.shortName());
            Map<LocalDate, int[]> weeks = new TreeMap<>();
            for (ControlData.ClassWeek w : data.informing(s.id(), range[0], range[1])) {
                int[] c = weeks.computeIfAbsent(w.week(), k -> new int[2]);
                c[0] += w.students();
                c[1] += w.reached();
            }
            weeks.forEach((week, c) -> {
                rows.add(Arrays.asList(s.shortName(), week, c[0], c[1], Shares.percent(c[1], c[0])));
                int[] m = municipality.computeIfAbsent(week, k -> new int[2]);
                m[0] += c[0];
                m[1] += c[1];
            });
        }
        progress.update(schools.size(), schools.size(), null);
        String total = en ? "Municipality" : "Муниципалитет";
        municipality.forEach((week, c) -> rows.add(Arrays.asList(total, week, c[0], c[1], Shares.percent(c[1], c[0]))));
        Table table = new Table(en ? "Informing parents" : "Информирование родителей", en ? HEADERS_EN : HEADERS_RU, rows);
        String title = (en ? "Informing parents by school: " : "Информирование родителей по школам: ") + data.municipalityName(municipalityId)
                + ", " + Output.DAY.format(range[0]) + " – " + Output.DAY.format(range[1]);
        return Output.render(request, (en ? "informing-parents-schools-" : "информирование-родителей-школы-") + range[0] + "-" + range[1], title,
                List.of(en ? "A family is reached in a week when a parent or the student opened the diary, a notification was delivered, or "
                        + "the weekly printout was handed over. Each student counts once; weeks are Monday to Sunday within the range."
                        : "Семья охвачена за неделю, если родитель или ученик открыл дневник, получил уведомление или получил распечатку. "
                                + "Каждый ученик учитывается один раз; недели — с понедельника по воскресенье в пределах периода."),
                List.of(new Output.Part(null, table, new float[] { 60, 28, 25, 30, 25 }, en ? "No schools." : "Школ нет.")),
                PrintDocument.Orientation.PORTRAIT);
    }
}
