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
 * «Рейтинг активности школ» — the municipality's schools ranked by {@link ActivityRating} (its Javadoc has the
 * formula): journal timeliness, families reached through the diary, accounts issued, personal-data consents. The
 * MUNICIPALITY parameter needs ADMINISTER on the municipality.
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + SchoolActivityRatingReport.ID)
public class SchoolActivityRatingReport extends ControlReport {
    static final String ID = "school-activity-rating";
    static final List<String> HEADERS_RU = List.of("Место", "Школа", "Журнал в день урока, %", "Семьи охвачены, %", "Учётные записи, %",
            "Согласия на ПДн, %", "Рейтинг");
    static final List<String> HEADERS_EN = List.of("Place", "School", "Journal on the day, %", "Families reached, %", "Accounts, %",
            "Consents, %", "Rating");

    @Activate
    public SchoolActivityRatingReport(@Reference ControlData data) {
        super(ID, "Рейтинг активности школ", "Activity rating of schools", Output.MUNICIPALITY_RANGE, data);
    }

    static Table table(List<ActivityRating.Result> results, boolean en) {
        List<List<Object>> rows = new ArrayList<>();
        for (ActivityRating.Result r : results) {
            rows.add(Arrays.asList(r.place(), r.input().name(), r.timeliness(), r.diary(), r.accounts(), r.consents(), r.rating()));
        }
        return new Table(en ? "Rating" : "Рейтинг", en ? HEADERS_EN : HEADERS_RU, rows);
    }

    @Override
    public ReportOutput render(ReportRequest request) throws IOException {
        String municipalityId = request.parameters().get("municipalityId");
        var range = Output.range(request);
        boolean en = "en".equals(request.language());
        Table table = table(ActivityRating.rank(data.ratingInputs(municipalityId, range[0], range[1])), en);
        String title = (en ? "Activity rating of schools: " : "Рейтинг активности школ: ") + data.municipalityName(municipalityId) + ", "
                + Output.DAY.format(range[0]) + " – " + Output.DAY.format(range[1]);
        String formula = en ? "Rating = 40·T + 30·D + 15·A + 15·C, where T is the share of held lessons with topic and attendance recorded on "
                + "the day, D the share of students whose family was reached (diary opened, notification delivered or printout handed over), "
                + "A the share of students and guardians with an account, C the share of students with a personal-data consent in force; "
                + "a share without a base counts as 0."
                : "Рейтинг = 40·T + 30·D + 15·A + 15·C, где T — доля проведённых уроков, у которых тема и посещаемость записаны в день урока, "
                        + "D — доля учеников, чьи семьи охвачены (открыт дневник, доставлено уведомление или выдана распечатка), A — доля "
                        + "учеников и родителей с учётной записью, C — доля учеников с действующим согласием на обработку персональных "
                        + "данных; доля без базы считается равной 0.";
        return Output.render(request, (en ? "school-activity-rating-" : "рейтинг-активности-школ-") + range[0] + "-" + range[1], title,
                List.of(formula), List.of(new Output.Part(null, table, new float[] { 15, 70, 30, 30, 30, 30, 25 }, en ? "No schools." : "Школ нет.")),
                PrintDocument.Orientation.LANDSCAPE);
    }
}
