package org.zhurnal.report.timeliness.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.gradebook.api.LessonTimeliness;
import org.zhurnal.pdf.api.PrintDocument;
import org.zhurnal.reporting.spi.ReportOutput;
import org.zhurnal.reporting.spi.ReportPlugin;
import org.zhurnal.reporting.spi.ReportRequest;
import org.zhurnal.sheets.api.Table;

/**
 * «Своевременность заполнения журнала» — the deputy director's control of a school's journal over a date range: per
 * teacher the lessons held, how many (and what share) had topic AND attendance recorded on the day, homework not
 * recorded by the deadline, marks recorded later than the limit; a school total; and every lesson that missed a
 * deadline (date, class or group, subject, teacher, what was late) — the drill-down. From
 * {@code GradebookQuery.timeliness} (the deadlines of {@code org.zhurnal.gradebook.timeliness}). The SCHOOL parameter
 * needs ADMINISTER on the school (deputy director, coordinator, municipal admin): a class teacher is refused.
 */
@Component(service = ReportPlugin.class, property = ReportPlugin.ID + "=" + TimelinessReport.ID)
public class TimelinessReport extends ControlReport {
    static final String ID = "journal-timeliness";
    static final List<String> TEACHERS_RU = List.of("Учитель", "Уроков проведено", "Записано в день урока", "Доля в день урока, %",
            "ДЗ не в срок", "Оценок с опозданием");
    static final List<String> TEACHERS_EN = List.of("Teacher", "Lessons held", "Recorded on the day", "Share on the day, %", "Homework late",
            "Late marks");
    static final List<String> VIOLATIONS_RU = List.of("Дата", "Класс/группа", "Предмет", "Учитель", "Что не в срок");
    static final List<String> VIOLATIONS_EN = List.of("Date", "Class/group", "Subject", "Teacher", "What missed its deadline");

    @Activate
    public TimelinessReport(@Reference ControlData data) {
        super(ID, "Своевременность заполнения журнала", "Timeliness of the journal", Output.SCHOOL_RANGE, data);
    }

    /** The two tables: per teacher with the school total last, and the violations. */
    static List<Table> tables(List<LessonTimeliness> lessons, ControlData.Names names, boolean en) {
        List<List<Object>> teachers = new ArrayList<>();
        for (Shares.TeacherStats s : Shares.byTeacher(lessons, names::person)) {
            teachers.add(row(names.person(s.teacherId()), s));
        }
        teachers.add(row(en ? "School total" : "Итого по школе", Shares.total(lessons)));
        List<List<Object>> violations = new ArrayList<>();
        for (Shares.Violation v : Shares.violations(lessons)) {
            LessonTimeliness l = v.lesson();
            violations.add(List.of(l.date(), names.unit(l), l.subject(), names.person(l.teacherId()), Shares.describe(v, en)));
        }
        return List.of(new Table(en ? "Teachers" : "Учителя", en ? TEACHERS_EN : TEACHERS_RU, teachers),
                new Table(en ? "Violations" : "Нарушения", en ? VIOLATIONS_EN : VIOLATIONS_RU, violations));
    }

    private static List<Object> row(String name, Shares.TeacherStats s) {
        return Arrays.asList(name, s.lessons(), s.onDay(), s.share(), s.homeworkLate(), s.lateMarks());
    }

    @Override
    public ReportOutput render(ReportRequest request) throws IOException {
        String schoolId = request.parameters().get("schoolId");
        var range = Output.range(request);
        boolean en = "en".equals(request.language());
        List<Table> tables = tables(data.timeliness(schoolId, range[0], range[1]), data.names(), en);
        String school = data.schoolName(schoolId);
        String title = (en ? "Timeliness of the journal: " : "Своевременность заполнения журнала: ") + school + ", "
                + Output.DAY.format(range[0]) + " – " + Output.DAY.format(range[1]);
        List<String> notes = List.of(en ? "On the day: topic and attendance recorded on the day of the lesson. Homework: recorded by the deadline "
                + "after the class's last lesson of the day. Marks: recorded within the limit of days after the work. Lessons never entered are "
                + "late on every count; cancelled lessons and lessons recorded as not held are not counted."
                : "В день урока: тема и посещаемость записаны в день урока. ДЗ: записано в установленный срок после последнего урока класса "
                        + "в этот день. Оценки: выставлены в установленный срок после работы. Незаполненный урок просрочен по всем пунктам; "
                        + "отменённые и непроведённые уроки не учитываются.");
        return Output.render(request, (en ? "journal-timeliness-" : "своевременность-журнала-") + range[0] + "-" + range[1], title, notes,
                List.of(new Output.Part(null, tables.get(0), new float[] { 70, 25, 30, 30, 25, 25 }, null),
                        new Output.Part(en ? "Violations" : "Нарушения", tables.get(1), new float[] { 22, 25, 45, 60, 90 },
                                en ? "No violations." : "Нарушений нет.")),
                PrintDocument.Orientation.LANDSCAPE);
    }
}
