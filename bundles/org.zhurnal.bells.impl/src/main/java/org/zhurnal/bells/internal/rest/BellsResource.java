package org.zhurnal.bells.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.internal.BellRules;
import org.zhurnal.bells.internal.BellsServiceImpl;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.rest.RestResource;

/** Bell schedules over REST, under {@code /api/v1/bells}. Scope checks are done by the service. */
@Component(service = RestResource.class)
@Path("bells")
@Produces(MediaType.APPLICATION_JSON)
public class BellsResource implements RestResource {
    private final BellsServiceImpl bells;

    @Activate
    public BellsResource(@Reference BellsServiceImpl bells) {
        this.bells = bells;
    }

    /** The school's bell schedules. */
    @GET
    @Path("schools/{schoolId}/schedules")
    public List<BellSchedule> schedules(@PathParam("schoolId") String schoolId) {
        return bells.list(schoolId);
    }

    /** Creates a schedule: {@code {name, kind, validFrom, validTo?, periods:[{number, start, end}]}}. */
    @POST
    @Path("schools/{schoolId}/schedules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("schoolId") String schoolId, BellRules.ScheduleInput body) {
        return Response.status(201).entity(bells.create(schoolId, body)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("schedules/{id}")
    public BellSchedule schedule(@PathParam("id") String id) {
        return bells.get(id);
    }

    /** Replaces a schedule (same body as creation). */
    @PUT
    @Path("schedules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BellSchedule replace(@PathParam("id") String id, BellRules.ScheduleInput body) {
        return bells.replace(id, body);
    }

    /** Which schedule each weekday and each overridden date follows. */
    @GET
    @Path("schools/{schoolId}/assignments")
    public BellsServiceImpl.Assignments assignments(@PathParam("schoolId") String schoolId) {
        return bells.assignments(schoolId);
    }

    /** Assigns a schedule to a weekday (MONDAY to SATURDAY): {@code {scheduleId}}. */
    @PUT
    @Path("schools/{schoolId}/weekdays/{weekday}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BellsServiceImpl.Assignment weekday(@PathParam("schoolId") String schoolId, @PathParam("weekday") String weekday,
            BellsServiceImpl.Assignment body) {
        return bells.assignWeekday(schoolId, weekday, body);
    }

    /** Overrides one date's schedule (a shortened day): {@code {scheduleId}}. */
    @PUT
    @Path("schools/{schoolId}/dates/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BellsServiceImpl.Assignment date(@PathParam("schoolId") String schoolId, @PathParam("date") String date,
            BellsServiceImpl.Assignment body) {
        return bells.assignDate(schoolId, date, body);
    }

    /** Deletes a schedule no weekday or date follows (409 {@code schedule-in-use} naming them otherwise). */
    @DELETE
    @Path("schedules/{id}")
    public Response delete(@PathParam("id") String id) {
        bells.delete(id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("schools/{schoolId}/dates/{date}")
    public Response removeDate(@PathParam("schoolId") String schoolId, @PathParam("date") String date) {
        bells.removeDate(schoolId, date);
        return Response.noContent().build();
    }

    /** The schedule that applies on a date (404 when none does). */
    @GET
    @Path("schools/{schoolId}/dates/{date}/schedule")
    public BellSchedule scheduleFor(@PathParam("schoolId") String schoolId, @PathParam("date") String date) {
        return bells.scheduleFor(schoolId, BellsServiceImpl.parseDate(date))
                .orElseThrow(() -> ProblemException.notFound("Bell schedule on", date));
    }
}
