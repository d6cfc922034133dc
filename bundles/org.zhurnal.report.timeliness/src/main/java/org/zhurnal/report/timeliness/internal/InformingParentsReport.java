package org.zhurnal.report.timeliness.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.sheets.api.Table;

/**
 * «Информирование родителей» — per class and week of a range, the share of families reached: students (each
 * counted once, whatever the number of guardians) whose parent or who themselves opened the diary, whose guardian or
 * who got a delivered notification, or whose weekly printout was handed over that week ({@code DiaryQuery.reach}).
 * Students are those enrolled in the class on the week's last day in the range; weeks after today are left out; a
 * school row per week sums the classes. The SCHOOL parameter needs ADMINISTER on the school.
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + InformingParentsReport.ID)
public class InformingParentsReport extends ControlReport {
    static final String ID = "informing-parents";
    static final List<String> HEADERS_RU = List.of("Класс", "Неделя", "С", "По", "Учеников", "Семей охвачено", "Доля, %");
    static final List<String> HEADERS_EN = List.of("Class", "Week", "From", "To", "Students", "Families reached", "Share, %");

    @Activate
    public InformingParentsReport(@Reference ControlData data) {
        super(ID, "Информирование родителей", "Informing parents", Output.SCHOOL_RANGE, data);
    }

    /** Rows per class and week, then one school row per week. */
    static Table table(List<ControlData.ClassWeek> weeks, boolean en) {
        List<List<Object>> rows = new ArrayList<>();
        Map<LocalDate, int[]> school = new LinkedHashMap<>();
        Map<LocalDate, ControlData.ClassWeek> any = new LinkedHashMap<>();
        for (ControlData.ClassWeek w : weeks) {
            rows.add(Arrays.asList(w.className(), w.week(), w.first(), w.last(), w.students(), w.reached(), Shares.percent(w.reached(), w.students())));
            int[] c = school.computeIfAbsent(w.week(), k -> new int[2]);
            c[0] += w.students();
            c[1] += w.reached();
            any.putIfAbsent(w.week(), w);
        }
        school.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ControlData.ClassWeek w = any.get(e.getKey());
            rows.add(Arrays.asList(en ? "School" : "Школа", e.getKey(), w.first(), w.last(), e.getValue()[0], e.getValue()[1],
                    Shares.percent(e.getValue()[1], e.getValue()[0])));
        });
        return new Table(en ? "Informing parents" : "Информирование родителей", en ? HEADERS_EN : HEADERS_RU, rows);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws IOException {
        String schoolId = request.parameters().get("schoolId");
        var range = Output.range(request);
        boolean en = "en".equals(request.language());
        Table table = table(data.informing(schoolId, range[0], range[1]), en);
        String title = (en ? "Informing parents: " : "Информирование родителей: ") + data.schoolName(schoolId) + ", "
                + Output.DAY.format(range[0]) + " – " + Output.DAY.format(range[1]);
        return Output.render(request, (en ? "informing-parents-" : "информирование-родителей-") + range[0] + "-" + range[1], title,
                List.of(en ? "A family is reached in a week when a parent or the student opened the diary, a notification was delivered, or "
                        + "the weekly printout was handed over. Each student counts once." : "Семья охвачена за неделю, если родитель или "
                                + "ученик открыл дневник, получил уведомление или получил распечатку. Каждый ученик учитывается один раз."),
                List.of(new Output.Part(null, table, new float[] { 25, 25, 25, 25, 25, 30, 25 }, en ? "No classes." : "Классов нет.")),
                PrintDocument.Orientation.PORTRAIT);
    }
}
