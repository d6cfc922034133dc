package org.zhurnal.rest.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.HttpHeaders;

import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.rest.PublicEndpoint;
import org.zhurnal.core.api.rest.RolesRequired;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.security.api.AuthenticationService;
import org.zhurnal.security.api.Session;

/**
 * Puts an authentication filter on every resource method, configured from its annotations: anonymous
 * callers get 401 unless the method is {@link PublicEndpoint}; {@link RolesRequired} gives 403 to callers
 * without the role; cookie-authenticated writes must echo the CSRF token; an account with a temporary
 * password may only change it, see itself and sign out.
 */
public final class SecurityFeature implements DynamicFeature {
    static final String SESSION_COOKIE = "ZHURNAL_SESSION";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String TOKEN_ATTRIBUTE = "zhurnal.token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> ALLOWED_WITH_TEMPORARY_PASSWORD = Set.of("auth/password", "auth/logout", "auth/me");

    private final AuthenticationService auth;

    public SecurityFeature(AuthenticationService auth) {
        this.auth = auth;
    }

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        boolean open = info.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || info.getResourceClass().isAnnotationPresent(PublicEndpoint.class);
        RolesRequired roles = info.getResourceMethod().getAnnotation(RolesRequired.class);
        if (roles == null) {
            roles = info.getResourceClass().getAnnotation(RolesRequired.class);
        }
        context.register(new Filter(auth, open, roles == null ? new Role[0] : roles.value()));
    }

    @Priority(Priorities.AUTHENTICATION)
    static final class Filter implements ContainerRequestFilter {
        private final AuthenticationService auth;
        private final boolean open;
        private final Role[] roles;

        Filter(AuthenticationService auth, boolean open, Role[] roles) {
            this.auth = auth;
            this.open = open;
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) throws IOException {
            String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            String token = null;
            boolean fromCookie = false;
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7).trim();
            } else {
                Map<String, Cookie> cookies = request.getCookies();
                Cookie c = cookies.get(SESSION_COOKIE);
                if (c != null && !c.getValue().isEmpty()) {
                    token = c.getValue();
                    fromCookie = true;
                }
            }
            Optional<Session> session = token == null ? Optional.empty() : auth.authenticate(token);
            if (session.isEmpty()) {
                if (open) {
                    return;
                }
                throw new ProblemException(401, "unauthenticated", "Authentication required", token == null
                        ? Text.of("Sign in first: send 'Authorization: Bearer <token>'", "Сначала войдите в систему")
                        : Text.of("The session has expired or is not valid; sign in again", "Сеанс истёк или недействителен; войдите снова"), null);
            }
            Session s = session.get();
            String requestId = CallContext.currentOrSystem().requestId();
            CallContext.bind(new CallContext(s.principal(), requestId));
            request.setProperty(TOKEN_ATTRIBUTE, token);
            if (fromCookie && !SAFE_METHODS.contains(request.getMethod())
                    && !s.csrfToken().equals(request.getHeaderString(CSRF_HEADER))) {
                throw new ProblemException(403, "csrf", "Forbidden", Text.of("Missing or wrong " + CSRF_HEADER
                        + " header for a cookie-authenticated change", "Страница устарела; обновите её и повторите"), null);
            }
            if (s.principal().mustChangePassword()
                    && !ALLOWED_WITH_TEMPORARY_PASSWORD.contains(request.getUriInfo().getPath())) {
                throw new ProblemException(403, "password-change-required", "Forbidden", Text.of("Your password is temporary: change it "
                        + "first (POST auth/password)", "Пароль временный: сначала смените его"), null);
            }
            if (roles.length > 0 && !s.principal().hasAnyRole(roles)) {
                throw ProblemException.forbidden(Text.of("Your role does not allow this", "Вашей роли это не разрешено"));
            }
        }
    }
}
