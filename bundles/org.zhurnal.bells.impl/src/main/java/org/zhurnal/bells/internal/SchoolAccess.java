package org.zhurnal.bells.internal;

import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.RosterQuery;

/**
 * Who may see a school's bell schedules: everyone with any relation to the school (READ on the school, or a
 * grant the caller may read whose scope lies inside the school: a class, a group, a student). Writes need
 * ADMINISTER on the school. Outside, the school does not exist (404).
 */
@Component(service = SchoolAccess.class)
public class SchoolAccess {
    private final Authorization authorization;
    private final TenantService tenants;
    private final RosterQuery roster;
    private final ZhurnalClock clock;

    @Activate
    public SchoolAccess(@Reference Authorization authorization, @Reference TenantService tenants, @Reference RosterQuery roster,
            @Reference ZhurnalClock clock) {
        this.authorization = authorization;
        this.tenants = tenants;
        this.roster = roster;
        this.clock = clock;
    }

    /** @return whether the caller has any relation to the school */
    public boolean mayRead(ZhurnalPrincipal p, String schoolId) {
        if (schoolId == null) {
            return false;
        }
        if (authorization.permits(p, Action.READ, ScopeRef.school(schoolId))) {
            return true;
        }
        for (Grant g : p.grants()) {
            if (inSchool(g.scope(), schoolId) && authorization.permits(p, Action.READ, g.scope())) {
                return true;
            }
        }
        return false;
    }

    private boolean inSchool(ScopeRef scope, String schoolId) {
        return switch (scope.type()) {
            case SCHOOL -> scope.id().equals(schoolId);
            case STUDENT -> roster.person(scope.id()).map(s -> schoolId.equals(s.schoolId())).orElse(false);
            case CLASS -> roster.schoolClass(scope.id()).map(c -> schoolId.equals(c.schoolId())).orElse(false);
            case GROUP -> {
                int y = RosterQuery.academicYearOf(clock.today());
                boolean found = false;
                for (int year = y - 1; year <= y + 1 && !found; year++) {
                    found = roster.groups(schoolId, year).stream().anyMatch(gr -> Objects.equals(gr.id(), scope.id()));
                }
                yield found;
            }
            default -> false;
        };
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
}
