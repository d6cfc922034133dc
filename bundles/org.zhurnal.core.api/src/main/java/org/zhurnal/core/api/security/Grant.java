package org.zhurnal.core.api.security;

import java.util.Objects;

/**
 * One role held within one scope, e.g. {@code (PARENT, STUDENT:42)} or {@code (TEACHER, GROUP:7)}.
 *
 * @param role the role, never {@code null}
 * @param scope where it applies, never {@code null}
 */
public record Grant(Role role, ScopeRef scope) {
    public Grant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
    }
}
