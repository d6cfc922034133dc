package org.zhurnal.report.timeliness.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.gradebook.api.LessonTimeliness;
import org.zhurnal.report.timeliness.internal.ControlData;
import org.zhurnal.report.timeliness.internal.Shares;

/**
 * The timeliness dashboard's data, under {@code /api/v1/timeliness}: the same numbers as the
 * {@code journal-timeliness} report, as JSON. Needs ADMINISTER on the school, like the report (deputy director,
 * coordinator, municipal admin); anyone else gets 403 and no data.
 */
@Component(service = RestResource.class)
@Path("timeliness")
@Produces(MediaType.APPLICATION_JSON)
public class TimelinessResource implements RestResource {
    private final ControlData data;
    private final Authorization authorization;

    @Activate
    public TimelinessResource(@Reference ControlData data, @Reference Authorization authorization) {
        this.data = data;
        this.authorization = authorization;
    }

    /** One teacher's counts (or the school's, with {@code teacherId} null). */
    public record TeacherRow(String teacherId, String name, int lessons, int onDay, BigDecimal share, int homeworkLate, int lateMarks) {
    }

    /** A lesson that missed a deadline; {@code late} holds TOPIC, ATTENDANCE, HOMEWORK, MARKS (recorded late) and TOPIC_MISSING, ATTENDANCE_MISSING, HOMEWORK_MISSING (not recorded). */
    public record ViolationRow(String occurrenceId, LocalDate date, String unit, String subject, String teacherId, String teacher,
            List<String> late, int lateMarks, String description) {
    }

    /** The school's timeliness over a range, and the deadlines it was judged by. */
    public record SchoolTimeliness(String schoolId, String school, LocalDate from, LocalDate to, List<TeacherRow> teachers, TeacherRow total,
            List<ViolationRow> violations, GradebookQuery.Deadlines deadlines) {
    }

    /** The school's timeliness from {@code from} to {@code to} (at most a year; {@code lang} ru or en for the descriptions). */
    @GET
    @Path("schools/{schoolId}")
    public SchoolTimeliness school(@PathParam("schoolId") String schoolId, @QueryParam("from") String fromText, @QueryParam("to") String toText,
            @QueryParam("lang") String lang) {
        authorization.check(CallContext.requirePrincipal(), Action.ADMINISTER, ScopeRef.school(schoolId));
        LocalDate from = date("from", fromText);
        LocalDate to = date("to", toText);
        try {
            Shares.checkRange(from, to);
        } catch (IllegalArgumentException e) {
            // The same two cases as Shares.checkRange, in Russian.
            throw ProblemException.invalid("to", Text.of(e.getMessage(), to.isBefore(from) ? "Дата окончания раньше даты начала"
                    : "Отчёт строится не больше чем за год"));
        }
        boolean en = "en".equals(lang);
        List<LessonTimeliness> lessons = data.timeliness(schoolId, from, to);
        ControlData.Names names = data.names();
        List<TeacherRow> teachers = new ArrayList<>();
        for (Shares.TeacherStats s : Shares.byTeacher(lessons, names::person)) {
            teachers.add(row(s, names.person(s.teacherId())));
        }
        List<ViolationRow> violations = new ArrayList<>();
        for (Shares.Violation v : Shares.violations(lessons)) {
            LessonTimeliness l = v.lesson();
            violations.add(new ViolationRow(l.occurrenceId(), l.date(), names.unit(l), l.subject(), l.teacherId(), names.person(l.teacherId()),
                    v.late().stream().map(Enum::name).toList(), l.lateMarks(), Shares.describe(v, en)));
        }
        return new SchoolTimeliness(schoolId, data.schoolName(schoolId), from, to, teachers, row(Shares.total(lessons), null), violations,
                data.deadlines());
    }

    private static TeacherRow row(Shares.TeacherStats s, String name) {
        return new TeacherRow(s.teacherId(), name, s.lessons(), s.onDay(), s.share(), s.homeworkLate(), s.lateMarks());
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, Text.of(field + " is required (yyyy-MM-dd)",
                    "Укажите " + ("from".equals(field) ? "дату начала" : "дату окончания") + " (ГГГГ-ММ-ДД)"));
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, Text.of(field + " is a date, yyyy-MM-dd",
                    ("from".equals(field) ? "Дата начала" : "Дата окончания") + " указывается в формате ГГГГ-ММ-ДД"));
        }
    }
}
