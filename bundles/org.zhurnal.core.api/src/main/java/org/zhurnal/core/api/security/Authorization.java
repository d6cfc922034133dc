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
     * Like {@link #permits} but throws {@link org.zhurnal.core.api.ProblemException} 403 when denied.
     */
    void check(ZhurnalPrincipal principal, Action action, ScopeRef target);
}
