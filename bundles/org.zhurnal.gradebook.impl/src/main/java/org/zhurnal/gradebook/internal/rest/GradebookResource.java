package org.zhurnal.gradebook.internal.rest;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.rest.RestResource;
import static org.zhurnal.core.api.rest.QueryParams.blankToNull;
import static org.zhurnal.core.api.rest.QueryParams.date;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.Forecast;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.gradebook.api.LessonTimeliness;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.api.SchemeInfo;
import org.zhurnal.gradebook.api.WorkTypes;
import org.zhurnal.gradebook.internal.AbsenceCodes;
import org.zhurnal.gradebook.internal.Finals;
import org.zhurnal.gradebook.internal.JournalReads;
import org.zhurnal.gradebook.internal.JournalService;
import org.zhurnal.gradebook.internal.LessonContexts;
import org.zhurnal.gradebook.internal.SchemeRules;
import org.zhurnal.roster.api.AcademicYears;

/** The gradebook over REST, under {@code /api/v1/gradebook}. Scope checks are done by the services. */
@Component(service = RestResource.class)
@Path("gradebook")
@Produces(MediaType.APPLICATION_JSON)
public class GradebookResource implements RestResource {
    private final JournalService journal;
    private final JournalReads reads;
    private final Finals finals;
    private final SchemeRules rules;
    private final AbsenceCodes codes;
    private final LessonContexts contexts;
    private final GradebookQuery query;
    private final ZhurnalClock clock;

    @Activate
    public GradebookResource(@Reference JournalService journal, @Reference JournalReads reads, @Reference Finals finals,
            @Reference SchemeRules rules, @Reference AbsenceCodes codes, @Reference LessonContexts contexts, @Reference GradebookQuery query,
            @Reference ZhurnalClock clock) {
        this.journal = journal;
        this.reads = reads;
        this.finals = finals;
        this.rules = rules;
        this.codes = codes;
        this.contexts = contexts;
        this.query = query;
        this.clock = clock;
    }



    /** The installed grading schemes (plug-ins); a scheme appears and disappears with its bundle. */
    @GET
    @Path("grading-schemes")
    public List<SchemeInfo> schemes() {
        CallContext.requirePrincipal();
        return query.schemes();
    }

    /** The work types marks are given for. */
    @GET
    @Path("work-types")
    public List<WorkTypes.WorkType> workTypes() {
        return WorkTypes.ALL;
    }

    /** Which scheme the school uses per subject and grade range. */
    @GET
    @Path("schools/{schoolId}/scheme-rules")
    public List<SchemeRules.Rule> schemeRules(@PathParam("schoolId") String schoolId) {
        contexts.requireSchool(CallContext.requirePrincipal(), schoolId, Action.READ);
        return rules.rules(schoolId);
    }

    /** Adds a rule: {@code {subject?, gradeFrom?, gradeTo?, schemeId}}. */
    @POST
    @Path("schools/{schoolId}/scheme-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addSchemeRule(@PathParam("schoolId") String schoolId, SchemeRules.NewRule body) {
        contexts.requireSchool(CallContext.requirePrincipal(), schoolId, Action.ADMINISTER);
        return Response.status(201).entity(rules.add(schoolId, body)).type(MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("schools/{schoolId}/scheme-rules/{ruleId}")
    public Response deleteSchemeRule(@PathParam("schoolId") String schoolId, @PathParam("ruleId") String ruleId,
            @QueryParam("confirm") @DefaultValue("false") boolean confirm) {
        contexts.requireSchool(CallContext.requirePrincipal(), schoolId, Action.ADMINISTER);
        rules.delete(schoolId, ruleId, confirm);
        return Response.noContent().build();
    }

    /** The school's attendance reference book. */
    @GET
    @Path("schools/{schoolId}/absence-codes")
    public List<AbsenceCode> absenceCodes(@PathParam("schoolId") String schoolId) {
        contexts.requireSchool(CallContext.requirePrincipal(), schoolId, Action.READ);
        return codes.of(schoolId);
    }

    /** Adds or redefines an attendance code: {@code {code, label, category}}. */
    @PUT
    @Path("schools/{schoolId}/absence-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    public AbsenceCode putAbsenceCode(@PathParam("schoolId") String schoolId, AbsenceCode body) {
        contexts.requireSchool(CallContext.requirePrincipal(), schoolId, Action.ADMINISTER);
        return codes.put(schoolId, body);
    }

    /** One lesson as the journal holds it. */
    @GET
    @Path("lessons/{occurrenceId}")
    public JournalService.LessonView lesson(@PathParam("occurrenceId") String occurrenceId) {
        return journal.view(occurrenceId);
    }

    /**
     * Records a whole lesson atomically: {@code {held?, topic?, homework?, homeworkLinks?, comment?, attendance?: [{studentId, code,
     * lateMinutes?}], marks?: [{studentId, value, workType, workDate?, comment?, counts?, visibleToFamily?}]}}. Requires an
     * {@code Idempotency-Key} header; a retry with the same key returns the same lesson without recording again. An optional
     * {@code If-Match} with the lesson's {@code revision} as read makes it 412 when the lesson was entered elsewhere since.
     */
    @POST
    @Path("lessons/{occurrenceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JournalService.LessonView record(@PathParam("occurrenceId") String occurrenceId, @HeaderParam("Idempotency-Key") String key,
            @HeaderParam("If-Match") String ifMatch, JournalService.LessonEntry body) {
        return journal.record(occurrenceId, key, ifMatch, body);
    }

    /** Changes one mark: {@code {value?, workType?, workDate?, comment?, counts?, visibleToFamily?}}. */
    @PUT
    @Path("marks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Mark editMark(@PathParam("id") String id, JournalService.MarkEdit body) {
        return journal.editMark(id, body);
    }

    @DELETE
    @Path("marks/{id}")
    public Response deleteMark(@PathParam("id") String id) {
        journal.deleteMark(id);
        return Response.noContent().build();
    }

    /** A mark's changes from the audit log, oldest first (also of a deleted mark); for those who may read its lesson. */
    @GET
    @Path("marks/{id}/history")
    public List<JournalService.MarkChange> markHistory(@PathParam("id") String id) {
        return journal.history(id);
    }

    /** The journal grid of a class or group in a subject over a date range. */
    @GET
    @Path("journal")
    public JournalReads.Grid grid(@QueryParam("classId") String classId, @QueryParam("groupId") String groupId,
            @QueryParam("subject") String subject, @QueryParam("from") String from, @QueryParam("to") String to) {
        return reads.grid(blankToNull(classId), blankToNull(groupId), blankToNull(subject), date("from", from), date("to", to));
    }

    /** The signed-in teacher's lessons of a day (default today) and what each still lacks. */
    @GET
    @Path("today")
    public List<JournalReads.TodayLesson> today(@QueryParam("date") String date) {
        return reads.today(date("date", date));
    }

    /**
     * The signed-in teacher's lessons of the {@code days} days (default 14, at most 62) before {@code before} (default
     * today) that took place and still lack their topic or attendance, oldest first.
     */
    @GET
    @Path("unfilled")
    public List<JournalReads.TodayLesson> unfilled(@QueryParam("before") String before, @QueryParam("days") String days) {
        int n;
        try {
            n = days == null || days.isBlank() ? 14 : Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > JournalReads.MAX_UNFILLED_DAYS) {
            throw ProblemException.invalid("days", "days is a whole number from 1 to " + JournalReads.MAX_UNFILLED_DAYS);
        }
        return reads.unfilled(date("before", before), n);
    }

    /** The classes/groups and subjects the signed-in teacher teaches around a date (default today), with names. */
    @GET
    @Path("teaching")
    public List<JournalReads.Teaching> teaching(@QueryParam("date") String date) {
        return reads.teaching(date("date", date));
    }

    /** The period grades page: forecasts and confirmed grades of a class or group in a subject. */
    @GET
    @Path("finals/period")
    public List<Forecast> periodGrades(@QueryParam("classId") String classId, @QueryParam("groupId") String groupId,
            @QueryParam("subject") String subject, @QueryParam("periodId") String periodId) {
        return finals.periodPage(blankToNull(classId), blankToNull(groupId), blankToNull(subject), blankToNull(periodId));
    }

    /** The year grades page. */
    @GET
    @Path("finals/year")
    public List<Finals.YearRow> yearGrades(@QueryParam("classId") String classId, @QueryParam("groupId") String groupId,
            @QueryParam("subject") String subject, @QueryParam("academicYear") String academicYear) {
        return finals.yearPage(blankToNull(classId), blankToNull(groupId), blankToNull(subject),
                AcademicYears.parseRequired("academicYear", academicYear, clock.today()));
    }

    /** Confirms a grade: {@code {studentId, subject, kind: PERIOD|YEAR|EXAM|FINAL, periodId?, academicYear?, value}}. */
    @PUT
    @Path("finals")
    @Consumes(MediaType.APPLICATION_JSON)
    public FinalGrade confirm(Finals.Confirm body) {
        return finals.confirm(body);
    }

    /**
     * Confirms several grades in one transaction, all or none: a JSON array of what {@code PUT finals} takes (at most
     * 200); a 400 names each invalid grade by its place ({@code [3].value}).
     */
    @PUT
    @Path("finals/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<FinalGrade> confirmAll(List<Finals.Confirm> body) {
        return finals.confirmAll(body);
    }

    /** Whether each lesson's entries met the deadlines (the deputy director's control). ADMINISTER on the school. */
    @GET
    @Path("schools/{schoolId}/timeliness")
    public List<LessonTimeliness> timeliness(@PathParam("schoolId") String schoolId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        contexts.requireSchool(CallContext.requirePrincipal(), schoolId, Action.ADMINISTER);
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f == null || t == null || t.isBefore(f) || f.plusDays(370).isBefore(t)) {
            throw ProblemException.invalid(f == null ? "from" : "to", "from and to are dates, from not after to, at most 370 days apart");
        }
        return query.timeliness(schoolId, f, t);
    }
}
