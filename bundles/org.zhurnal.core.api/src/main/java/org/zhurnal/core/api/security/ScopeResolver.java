package org.zhurnal.core.api.security;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by the module that owns a kind of scope (core: schools; roster: classes, groups,
 * students) and registered as an OSGi service. The authorization asks every resolver and unites
 * the answers.
 */
@ConsumerType
public interface ScopeResolver {

    /**
     * @param target a scope
     * @return the scopes that directly contain {@code target} (e.g. a student's current classes and
     *         groups and their school; a school's municipality); empty if this resolver does not know
     *         {@code target}. Never {@code null}.
     */
    Set<ScopeRef> parents(ScopeRef target);
}
