package org.zhurnal.report.timeliness.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.sheets.api.Table;

/**
 * «Своевременность заполнения журнала по школам» — the municipality's schools ranked by the share of held lessons
 * whose topic and attendance were recorded on the day (schools without lessons last; equal shares share a place).
 * The MUNICIPALITY parameter needs ADMINISTER on the municipality (its municipal admin).
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + MunicipalTimelinessReport.ID)
public class MunicipalTimelinessReport extends ControlReport {
    static final String ID = "journal-timeliness-municipal";
    static final List<String> HEADERS_RU = List.of("Место", "Школа", "Уроков проведено", "Записано в день урока", "Доля в день урока, %");
    static final List<String> HEADERS_EN = List.of("Place", "School", "Lessons held", "Recorded on the day", "Share on the day, %");

    @Activate
    public MunicipalTimelinessReport(@Reference ControlData data) {
        super(ID, "Своевременность заполнения журнала по школам", "Timeliness of the journal by school", Output.MUNICIPALITY_RANGE, data);
    }

    static Table table(List<Shares.Ranked<Shares.SchoolShare>> ranked, boolean en) {
        List<List<Object>> rows = new ArrayList<>();
        for (Shares.Ranked<Shares.SchoolShare> r : ranked) {
            Shares.SchoolShare s = r.item();
            rows.add(Arrays.asList(r.place(), s.name(), s.lessons(), s.onDay(), s.share()));
        }
        return new Table(en ? "Schools" : "Школы", en ? HEADERS_EN : HEADERS_RU, rows);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws IOException {
        String municipalityId = request.parameters().get("municipalityId");
        var range = Output.range(request);
        boolean en = "en".equals(request.language());
        Table table = table(Shares.rank(data.municipalShares(municipalityId, range[0], range[1])), en);
        String title = (en ? "Timeliness of the journal by school: " : "Своевременность заполнения журнала по школам: ")
                + data.municipalityName(municipalityId) + ", " + Output.DAY.format(range[0]) + " – " + Output.DAY.format(range[1]);
        return Output.render(request, (en ? "journal-timeliness-schools-" : "своевременность-журнала-школы-") + range[0] + "-" + range[1],
                title, List.of(en ? "Share on the day: held lessons with topic and attendance recorded on the day of the lesson."
                        : "Доля в день урока: проведённые уроки, у которых тема и посещаемость записаны в день урока."),
                List.of(new Output.Part(null, table, new float[] { 15, 80, 30, 30, 30 }, en ? "No schools." : "Школ нет.")),
                PrintDocument.Orientation.PORTRAIT);
    }
}
