package org.zhurnal.calendar.internal.rest;

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
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.calendar.api.YearCalendar;
import org.zhurnal.calendar.internal.CalendarServiceImpl;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.roster.api.AcademicYears;

/** The calendar over REST, under {@code /api/v1/calendar}. Scope checks are done by the service. */
@Component(service = RestResource.class)
@Path("calendar")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource implements RestResource {
    private final CalendarServiceImpl calendar;
    private final ZhurnalClock clock;

    @Activate
    public CalendarResource(@Reference CalendarServiceImpl calendar, @Reference ZhurnalClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    private static Response created(Object entity) {
        return Response.status(201).entity(entity).type(MediaType.APPLICATION_JSON).build();
    }

    /** Creates an academic year: {@code {year, start, end, workingDays}}. */
    @POST
    @Path("schools/{schoolId}/years")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createYear(@PathParam("schoolId") String schoolId, CalendarServiceImpl.NewYear body) {
        return created(calendar.createYear(schoolId, body));
    }

    /** The school's academic years, oldest first. */
    @GET
    @Path("schools/{schoolId}/years")
    public List<AcademicYear> years(@PathParam("schoolId") String schoolId) {
        return calendar.years(schoolId);
    }

    /** One academic year with its periods, days off and transfers. */
    @GET
    @Path("schools/{schoolId}/years/{year}")
    public YearCalendar year(@PathParam("schoolId") String schoolId, @PathParam("year") String year) {
        return calendar.calendar(schoolId, AcademicYears.parseRequired("year", year, clock.today()));
    }

    /** Adds reporting periods: {@code {scheme, grades, periods?}}; without periods the standard dates are used. */
    @POST
    @Path("years/{yearId}/periods")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addPeriods(@PathParam("yearId") String yearId, CalendarServiceImpl.NewPeriods body) {
        return created(calendar.addPeriods(yearId, body));
    }

    /** Adds a holiday or vacation: {@code {kind, name, start, end, grades?}}. */
    @POST
    @Path("years/{yearId}/days-off")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addDayOff(@PathParam("yearId") String yearId, CalendarServiceImpl.NewDayOff body) {
        return created(calendar.addDayOff(yearId, body));
    }

    @DELETE
    @Path("days-off/{id}")
    public Response deleteDayOff(@PathParam("id") String id) {
        calendar.deleteDayOff(id);
        return Response.noContent().build();
    }

    /** Adds a moved day: {@code {date, working, timetableOf?}}. */
    @POST
    @Path("years/{yearId}/transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addTransfer(@PathParam("yearId") String yearId, CalendarServiceImpl.NewTransfer body) {
        return created(calendar.addTransfer(yearId, body));
    }

    @DELETE
    @Path("transfers/{id}")
    public Response deleteTransfer(@PathParam("id") String id) {
        calendar.deleteTransfer(id);
        return Response.noContent().build();
    }

    /** Corrects an open period's dates (and name): {@code {start, end, name?}}. */
    @PUT
    @Path("periods/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportingPeriod changePeriod(@PathParam("id") String id, CalendarServiceImpl.PeriodChange body) {
        return calendar.change(id, body);
    }

    /** Closes a reporting period (coordinator or deputy director). */
    /** Deletes an open reporting period with nothing recorded for it (409 {@code period-closed} / {@code period-has-grades}). */
    @DELETE
    @Path("periods/{id}")
    public Response deletePeriod(@PathParam("id") String id) {
        calendar.deletePeriod(id);
        return Response.noContent().build();
    }

    @POST
    @Path("periods/{id}/close")
    public ReportingPeriod close(@PathParam("id") String id) {
        return calendar.close(id);
    }

    /** Reopens a closed reporting period: a deputy director, {@code {reason}}. */
    @POST
    @Path("periods/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportingPeriod reopen(@PathParam("id") String id, CalendarServiceImpl.Reopen body) {
        return calendar.reopen(id, body);
    }
}
