package org.zhurnal.calendar.internal;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.TenantService;

/**
 * Who may see a school's calendar: everyone with any relation to the school (READ on the school, or a
 * grant the caller may read whose scope lies inside the school: a class, a group, a student). Writes need
 * ADMINISTER on the school. Outside, the school does not exist (404).
 */
@Component(service = SchoolAccess.class)
public class SchoolAccess {
    private final Authorization authorization;
    private final TenantService tenants;

    @Activate
    public SchoolAccess(@Reference Authorization authorization, @Reference TenantService tenants) {
        this.authorization = authorization;
        this.tenants = tenants;
    }

    /** @return whether the caller has any relation to the school (see {@link Authorization#relatedTo}) */
    public boolean mayRead(ZhurnalPrincipal p, String schoolId) {
        return schoolId != null && authorization.relatedTo(p, ScopeRef.school(schoolId));
    }

    /**
     * 404 for a school that does not exist or that the caller has no relation to; 403 when the caller may
     * see it but not perform {@code action}.
     */
    public void require(ZhurnalPrincipal p, String schoolId, Action action) {
        if (schoolId == null || tenants.school(schoolId).isEmpty() || !mayRead(p, schoolId)) {
            throw ProblemException.notFound("School", schoolId);
        }
        if (action != Action.READ) {
            authorization.check(p, action, ScopeRef.school(schoolId));
        }
    }

    /** Reopening a closed period is for a deputy director of the school (or a system administrator). */
    public void requireDeputy(ZhurnalPrincipal p, String schoolId) {
        boolean deputy = p.grants().stream().anyMatch(g -> g.role() == Role.SYSTEM_ADMIN
                || (g.role() == Role.DEPUTY_DIRECTOR && authorization.permits(p, Action.ADMINISTER, ScopeRef.school(schoolId))
                        && (g.scope().equals(ScopeRef.school(schoolId)))));
        if (!deputy) {
            throw ProblemException.forbidden(Text.of("Only a deputy director may reopen a closed reporting period",
                    "Открыть закрытый период может только заместитель директора"));
        }
    }
}
