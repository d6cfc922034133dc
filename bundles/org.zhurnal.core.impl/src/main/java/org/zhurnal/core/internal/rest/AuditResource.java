package org.zhurnal.core.internal.rest;

import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.audit.AuditEntry;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.internal.audit.AuditLogImpl;
import org.zhurnal.core.api.audit.AuditVerification;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.rest.RolesRequired;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;

/** The audit trail for administrators: entries they may see, and chain verification. */
@Component(service = RestResource.class)
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource implements RestResource {
    private final AuditLog audit;
    private final Authorization authorization;

    @Activate
    public AuditResource(@Reference AuditLog audit, @Reference Authorization authorization) {
        this.audit = audit;
        this.authorization = authorization;
    }

    /** Newest entries first; only chains of schools the caller administers. */
    @GET
    @RolesRequired({Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN, Role.SCHOOL_COORDINATOR, Role.DEPUTY_DIRECTOR})
    public List<AuditEntry> list(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "limit must be between 1 and 1000");
        }
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return audit.find(entityType, entityId, limit).stream().filter(e -> authorization.permits(p, Action.ADMINISTER,
                ZhurnalConstants.SYSTEM_SCOPE.equals(AuditLogImpl.scopeOf(e.chain())) ? ScopeRef.SYSTEM
                        : ScopeRef.school(AuditLogImpl.scopeOf(e.chain())))).toList();
    }

    /** Recomputes every chain. 200 either way; {@code valid} tells the outcome. */
    @GET
    @Path("verify")
    @RolesRequired(Role.SYSTEM_ADMIN)
    public AuditVerification verify() {
        return audit.verify();
    }
}
