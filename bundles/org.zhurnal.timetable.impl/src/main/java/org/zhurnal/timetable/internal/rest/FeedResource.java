package org.zhurnal.timetable.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.rest.PublicEndpoint;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.timetable.internal.feed.FeedServiceImpl;

/**
 * Secret iCalendar feed links under {@code /api/v1/timetable/feeds}: managed by their signed-in owner, and
 * fetched by calendar apps without a session ({@code GET feeds/{token}.ics}).
 */
@Component(service = RestResource.class)
@Path("timetable/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource implements RestResource {
    /** RFC 5545 media type; the document is UTF-8. */
    public static final String TEXT_CALENDAR = "text/calendar; charset=UTF-8";

    private final FeedServiceImpl feeds;

    @Activate
    public FeedResource(@Reference FeedServiceImpl feeds) {
        this.feeds = feeds;
    }

    /** Creates a link: {@code {kind: CLASS|TEACHER|STUDENT, id}}; 201 with the secret {@code url}, shown only now. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(FeedServiceImpl.NewFeed body, @Context UriInfo uri) {
        return Response.status(201).entity(feeds.create(body, uri.getBaseUri().toString())).type(MediaType.APPLICATION_JSON).build();
    }

    /** The caller's working links, without their URLs. */
    @GET
    public List<FeedServiceImpl.FeedLink> mine() {
        return feeds.mine();
    }

    /** Revokes a link: its URL answers 404 from now on. */
    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        feeds.revoke(id);
        return Response.noContent().build();
    }

    /** The iCalendar document of a link; 404 for anything but a working link. No session needed: the token is the key. */
    @GET
    @Path("{token}.ics")
    @PublicEndpoint
    @Produces(TEXT_CALENDAR)
    public Response feed(@PathParam("token") String token) {
        String ics = feeds.render(token)
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found", Text.of("There is no such calendar feed",
                        "Такой ссылки на календарь нет"), null));
        return Response.ok(ics, TEXT_CALENDAR).build();
    }
}
