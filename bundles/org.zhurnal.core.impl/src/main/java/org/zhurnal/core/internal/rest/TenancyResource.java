package org.zhurnal.core.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.rest.RolesRequired;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;

/** Municipalities and schools, each caller seeing only those within their scope. */
@Component(service = RestResource.class)
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class TenancyResource implements RestResource {

    /** Body of {@code POST /municipalities}. */
    public record NewMunicipality(String name) {}

    /** Body of {@code POST /schools}. */
    public record NewSchool(String municipalityId, String shortName, String fullName, String timeZone) {}

    private final TenantService tenants;
    private final Authorization authorization;

    @Activate
    public TenancyResource(@Reference TenantService tenants, @Reference Authorization authorization) {
        this.tenants = tenants;
        this.authorization = authorization;
    }

    @GET
    @Path("municipalities")
    public List<Municipality> municipalities() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return tenants.municipalities().stream()
                .filter(m -> authorization.permits(p, Action.READ, ScopeRef.municipality(m.id()))).toList();
    }

    @POST
    @Path("municipalities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesRequired(Role.SYSTEM_ADMIN)
    public Response createMunicipality(NewMunicipality body) {
        if (body == null) {
            throw ProblemException.invalid("body", "A JSON body {\"name\": ...} is required");
        }
        authorization.check(CallContext.requirePrincipal(), Action.ADMINISTER, ScopeRef.SYSTEM);
        return Response.status(201).entity(tenants.createMunicipality(body.name())).build();
    }

    @GET
    @Path("schools")
    public List<School> schools(@QueryParam("municipalityId") String municipalityId) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return tenants.schools(municipalityId).stream()
                .filter(s -> authorization.permits(p, Action.READ, ScopeRef.school(s.id()))).toList();
    }

    @GET
    @Path("schools/{id}")
    public School school(@PathParam("id") String id) {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        // Outside the caller's scope a school is reported as missing, so ids cannot be probed.
        return tenants.school(id).filter(s -> authorization.permits(p, Action.READ, ScopeRef.school(s.id())))
                .orElseThrow(() -> ProblemException.notFound("School", id));
    }

    @POST
    @Path("schools")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesRequired({Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN})
    public Response createSchool(NewSchool body) {
        if (body == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        if (body.municipalityId() == null || body.municipalityId().isBlank()) {
            throw ProblemException.invalid("municipalityId", "municipalityId is required");
        }
        authorization.check(CallContext.requirePrincipal(), Action.ADMINISTER, ScopeRef.municipality(body.municipalityId()));
        return Response.status(201)
                .entity(tenants.createSchool(body.municipalityId(), body.shortName(), body.fullName(), body.timeZone()))
                .build();
    }
}
