package org.zhurnal.core.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place where access rules live. A grant covers its own scope and, for most roles, every
 * scope beneath it (municipality ⊃ school ⊃ class/group ⊃ student); the containment is answered by
 * {@link ScopeResolver} services of the modules that own those scopes.
 * <p>Thread-safe.
 */
@ProviderType
public interface Authorization {

    /** @return whether {@code principal} may perform {@code action} on {@code target}. */
    boolean permits(ZhurnalPrincipal principal, Action action, ScopeRef target);

    /**
     * @return whether {@code principal} has any relation to {@code scope}: may read it, or holds a grant
     *         somewhere inside it (a parent of a student of the school is related to the school). Modules
     *         use this for data every member of a school may see, such as its calendar or bell schedules.
     */
    boolean relatedTo(ZhurnalPrincipal principal, ScopeRef scope);

    /**
     * Like {@link #permits} but throws {@link org.zhurnal.core.api.ProblemException} 403 when denied.
     */
    void check(ZhurnalPrincipal principal, Action action, ScopeRef target);
}
