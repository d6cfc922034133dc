package org.zhurnal.timetable.internal.rest;

import java.time.LocalDate;
import java.util.List;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
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
import org.zhurnal.roster.api.AcademicYears;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.LessonChange;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.internal.TimetableServiceImpl;
import org.zhurnal.timetable.internal.importer.TimetableCsv;

/** The timetable over REST, under {@code /api/v1/timetable}. Scope checks are done by the service. */
@Component(service = RestResource.class)
@Path("timetable")
@Produces(MediaType.APPLICATION_JSON)
public class TimetableResource implements RestResource {
    private final TimetableServiceImpl timetable;
    private final ZhurnalClock clock;

    @Activate
    public TimetableResource(@Reference TimetableServiceImpl timetable, @Reference ZhurnalClock clock) {
        this.timetable = timetable;
        this.clock = clock;
    }


    /** Adds a weekly entry: {@code {classId|groupId, subject, teacherId, room?, weekday, lessonNumber, validFrom, validTo?, weeks?}}. */
    @POST
    @Path("schools/{schoolId}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("schoolId") String schoolId, TimetableServiceImpl.NewEntry body) {
        return Response.status(201).entity(timetable.create(schoolId, body)).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * Imports a timetable CSV file (UTF-8, ';', Russian headers; see docs/architecture.md). All-or-nothing: an
     * invalid file gives 400 with every error as file:row:column and writes nothing; importing the same file again
     * creates nothing; {@code dryRun=true} only reports.
     */
    @POST
    @Path("schools/{schoolId}/import")
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN })
    public TimetableServiceImpl.ImportReport importCsv(@PathParam("schoolId") String schoolId, @QueryParam("fileName") String fileName,
            @QueryParam("year") String year, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, InputStream body) throws IOException {
        byte[] content = body.readNBytes((int) TimetableCsv.MAX_BYTES + 1);
        return timetable.importCsv(schoolId, fileName == null ? "timetable.csv" : fileName, content,
                AcademicYears.parse("year", year, clock.today()), dryRun);
    }

    /** The school's entries, optionally of one class or teacher, optionally valid on a date. */
    @GET
    @Path("schools/{schoolId}/entries")
    public List<TimetableEntry> entries(@PathParam("schoolId") String schoolId, @QueryParam("classId") String classId,
            @QueryParam("teacherId") String teacherId, @QueryParam("date") String date) {
        return timetable.list(schoolId, blankToNull(classId), blankToNull(teacherId), date("date", date));
    }

    /** Ends an entry from a date: {@code {date}}; it last applies the day before. */
    @PUT
    @Path("entries/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public TimetableEntry end(@PathParam("id") String id, TimetableServiceImpl.EndEntry body) {
        return timetable.end(id, body);
    }

    /**
     * Substitutes, moves, cancels or restores one lesson: {@code {kind: SUBSTITUTION|CANCELLATION|NONE,
     * substituteTeacherId?, room?, reason}}; the occurrence id is {@code entryId:yyyy-MM-dd}.
     */
    @PUT
    @Path("lessons/{occurrenceId}/change")
    @Consumes(MediaType.APPLICATION_JSON)
    public Lesson change(@PathParam("occurrenceId") String occurrenceId, TimetableServiceImpl.ChangeLesson body) {
        return timetable.changeLesson(occurrenceId, body);
    }

    /** The school's substitutions and cancellations with lesson dates from {@code from} to {@code to}. */
    @GET
    @Path("schools/{schoolId}/changes")
    public List<LessonChange> changes(@PathParam("schoolId") String schoolId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return timetable.changes(schoolId, date("from", from), date("to", to));
    }

    /** Every lesson of the school from {@code from} to {@code to} (at most 370 days), by date and number. */
    @GET
    @Path("schools/{schoolId}/lessons")
    public List<Lesson> schoolLessons(@PathParam("schoolId") String schoolId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return timetable.schoolLessons(schoolId, date("from", from), date("to", to));
    }

    @GET
    @Path("classes/{id}/lessons")
    public List<Lesson> classLessons(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return timetable.classLessons(id, date("from", from), date("to", to));
    }

    @GET
    @Path("teachers/{personId}/lessons")
    public List<Lesson> teacherLessons(@PathParam("personId") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return timetable.teacherLessons(id, date("from", from), date("to", to));
    }

    @GET
    @Path("students/{personId}/lessons")
    public List<Lesson> studentLessons(@PathParam("personId") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return timetable.studentLessons(id, date("from", from), date("to", to));
    }

}
