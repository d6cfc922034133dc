package org.zhurnal.core.internal.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ScopeResolver;
import org.zhurnal.core.api.security.ScopeType;
import org.zhurnal.core.api.security.ZhurnalPrincipal;

/**
 * The access rules, in one table:
 * <pre>
 * role                  granted at            may                          over
 * SYSTEM_ADMIN          system                read, write, administer      everything
 * MUNICIPAL_ADMIN       municipality          read, write, administer      the municipality and all below
 * SCHOOL_COORDINATOR    school                read, write, administer      the school and all below
 * DEPUTY_DIRECTOR       school                read, write, administer      the school and all below
 * TEACHER               school                read                         the school itself (reference data)
 * TEACHER               class / group         read, write                  the class/group and its students
 * CLASS_TEACHER         class                 read, write, administer      the class and its students
 * STUDENT, PARENT       student               read                         that student only
 * </pre>
 * "All below" is answered by the {@link ScopeResolver}s of the modules that own the scopes.
 */
@Component(service = Authorization.class)
public class AuthorizationImpl implements Authorization {
    /** Scope trees are shallow (system > municipality > school > class/group > student); a guard against cycles. */
    private static final int MAX_LEVELS = 8;

    private final List<ScopeResolver> resolvers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResolver(ScopeResolver r) {
        resolvers.add(r);
    }

    void removeResolver(ScopeResolver r) {
        resolvers.remove(r);
    }

    @Override
    public boolean permits(ZhurnalPrincipal principal, Action action, ScopeRef target) {
        if (principal == null || action == null || target == null) {
            return false;
        }
        Set<ScopeRef> ancestors = null;
        for (Grant g : principal.grants()) {
            if (!allows(g, action)) {
                continue;
            }
            if (g.scope().equals(target) || (g.scope().equals(ScopeRef.SYSTEM) && coversBelow(g))) {
                // The system scope contains every other one: no need to resolve the target's ancestors.
                return true;
            }
            if (!coversBelow(g)) {
                continue;
            }
            if (ancestors == null) {
                ancestors = ancestors(target);
            }
            if (ancestors.contains(g.scope())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean relatedTo(ZhurnalPrincipal principal, ScopeRef scope) {
        if (principal == null || scope == null) {
            return false;
        }
        if (permits(principal, Action.READ, scope)) {
            return true;
        }
        for (Grant g : principal.grants()) {
            if (g.scope().equals(scope) || ancestors(g.scope()).contains(scope)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(ZhurnalPrincipal principal, Action action, ScopeRef target) {
        if (!permits(principal, action, target)) {
            throw ProblemException.forbidden(action == null || target == null ? org.zhurnal.core.api.Text.of("Access denied", "Доступ запрещён")
                    : org.zhurnal.core.api.Text.of("You may not " + action.name().toLowerCase(Locale.ROOT) + " this "
                            + target.type().name().toLowerCase(Locale.ROOT), action == Action.READ ? "Нет прав на просмотр этих данных"
                            : action == Action.WRITE ? "Нет прав на изменение этих данных" : "Нет прав на управление этими данными"));
        }
    }

    static boolean allows(Grant g, Action action) {
        Set<Action> actions = switch (g.role()) {
            case SYSTEM_ADMIN, MUNICIPAL_ADMIN, SCHOOL_COORDINATOR, DEPUTY_DIRECTOR, CLASS_TEACHER -> EnumSet.allOf(Action.class);
            case TEACHER -> g.scope().type() == ScopeType.SCHOOL ? EnumSet.of(Action.READ) : EnumSet.of(Action.READ, Action.WRITE);
            case STUDENT, PARENT -> EnumSet.of(Action.READ);
        };
        return actions.contains(action);
    }

    static boolean coversBelow(Grant g) {
        return !(g.role() == Role.STUDENT || g.role() == Role.PARENT
                || (g.role() == Role.TEACHER && g.scope().type() == ScopeType.SCHOOL));
    }

    private Set<ScopeRef> ancestors(ScopeRef target) {
        Set<ScopeRef> seen = new HashSet<>();
        List<ScopeRef> level = List.of(target);
        // Breadth-first, one level of the tree at a time: a student in many groups is still covered.
        for (int depth = 0; depth < MAX_LEVELS && !level.isEmpty(); depth++) {
            List<ScopeRef> next = new ArrayList<>();
            for (ScopeRef s : level) {
                for (ScopeResolver r : resolvers) {
                    for (ScopeRef p : r.parents(s)) {
                        if (seen.add(p)) {
                            next.add(p);
                        }
                    }
                }
            }
            level = next;
        }
        seen.add(ScopeRef.SYSTEM);
        return seen;
    }
}
