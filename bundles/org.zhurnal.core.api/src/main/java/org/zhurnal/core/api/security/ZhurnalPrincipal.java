package org.zhurnal.core.api.security;

import java.security.Principal;
import java.util.List;
import java.util.Objects;

/**
 * The authenticated caller of a request or command.
 *
 * @param accountId id of the account (or {@code "system"} for internal work)
 * @param login the login name
 * @param displayName the person's name for display
 * @param grants the roles the account holds, each in its scope; never {@code null}
 * @param mustChangePassword {@code true} while the account still has a temporary password
 */
public record ZhurnalPrincipal(String accountId, String login, String displayName, List<Grant> grants,
        boolean mustChangePassword) implements Principal {

    /** The principal of work the system does by itself (migrations, demo loading, schedulers). */
    public static final ZhurnalPrincipal SYSTEM = new ZhurnalPrincipal("system", "system", "System",
            List.of(new Grant(Role.SYSTEM_ADMIN, ScopeRef.SYSTEM)), false);

    /** The caller of a request that carries no valid credentials; holds no grants. */
    public static final ZhurnalPrincipal ANONYMOUS = new ZhurnalPrincipal("anonymous", "anonymous", "Anonymous",
            List.of(), false);

    public ZhurnalPrincipal {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(login, "login");
        grants = List.copyOf(grants);
    }

    /** @return whether this is {@link #ANONYMOUS} */
    public boolean isAnonymous() {
        return ANONYMOUS.accountId.equals(accountId);
    }

    @Override
    public String getName() {
        return login;
    }

    /** @return whether any grant carries {@code role}, in whatever scope. */
    public boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** @return whether any grant carries one of {@code roles}. */
    public boolean hasAnyRole(Role... roles) {
        for (Role r : roles) {
            if (hasRole(r)) {
                return true;
            }
        }
        return false;
    }
}
