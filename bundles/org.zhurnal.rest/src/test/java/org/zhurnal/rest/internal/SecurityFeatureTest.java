package org.zhurnal.rest.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.FeatureContext;
import javax.ws.rs.core.UriInfo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.rest.PublicEndpoint;
import org.zhurnal.core.api.rest.RolesRequired;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.security.api.AuthenticationService;
import org.zhurnal.security.api.Session;

/** The authentication filter, driven with hand-made JAX-RS request contexts (no container). */
class SecurityFeatureTest {
    static final String TOKEN = "good-token";
    static final String CSRF = "csrf-123";
    static final ZhurnalPrincipal TEACHER = principal(false, new Grant(Role.TEACHER, ScopeRef.school("S1")));

    static ZhurnalPrincipal principal(boolean mustChange, Grant... grants) {
        return new ZhurnalPrincipal("acc-1", "teacher.t", "Teacher", List.of(grants), mustChange);
    }

    /** Knows exactly one token. */
    static final class Auth implements AuthenticationService {
        final ZhurnalPrincipal principal;
        final List<String> asked = new ArrayList<>();

        Auth(ZhurnalPrincipal principal) {
            this.principal = principal;
        }

        @Override
        public Optional<Session> authenticate(String token) {
            asked.add(token);
            return TOKEN.equals(token) ? Optional.of(new Session(null, principal, CSRF, Instant.MAX)) : Optional.empty();
        }

        @Override
        public Session login(String login, String password, String remoteAddress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void logout(String token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void changePassword(String accountId, String currentPassword, String newPassword, String keepToken) {
            throw new UnsupportedOperationException();
        }
    }

    /** A request: method, path, headers, cookies; records properties set on it. */
    static final class Request {
        String method = "GET";
        String path = "schools";
        final Map<String, String> headers = new HashMap<>();
        final Map<String, Cookie> cookies = new HashMap<>();
        final Map<String, Object> properties = new HashMap<>();

        Request method(String m) {
            method = m;
            return this;
        }

        Request path(String p) {
            path = p;
            return this;
        }

        Request header(String name, String value) {
            headers.put(name.toLowerCase(), value);
            return this;
        }

        Request cookie(String name, String value) {
            cookies.put(name, new Cookie(name, value));
            return this;
        }

        ContainerRequestContext context() {
            UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getPath" -> path;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getHeaderString" -> headers.get(((String) args[0]).toLowerCase());
                        case "getCookies" -> cookies;
                        case "getMethod" -> method;
                        case "getUriInfo" -> uri;
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    static SecurityFeature.Filter filter(ZhurnalPrincipal p, boolean open, Role... roles) {
        return new SecurityFeature.Filter(new Auth(p), open, roles);
    }

    @AfterEach
    void unbind() {
        CallContext.unbind(null);
    }

    private static ProblemException rejected(SecurityFeature.Filter f, Request r, int status, String type) {
        ProblemException e = assertThrows(ProblemException.class, () -> f.filter(r.context()));
        assertEquals(status, e.status(), e.getMessage());
        assertEquals(type, e.type());
        return e;
    }

    @Test
    void anonymousCallerOfProtectedEndpointGets401() {
        ProblemException e = rejected(filter(TEACHER, false), new Request(), 401, "unauthenticated");
        assertTrue(e.getMessage().contains("Bearer"), e.getMessage());
        assertTrue(CallContext.current().isEmpty());
    }

    @Test
    void invalidTokenGets401SayingTheSessionIsNotValid() {
        ProblemException e = rejected(filter(TEACHER, false), new Request().header("Authorization", "Bearer stale"), 401,
                "unauthenticated");
        assertTrue(e.getMessage().contains("expired or is not valid"), e.getMessage());
    }

    @Test
    void anonymousCallerOfPublicEndpointPasses() {
        assertDoesNotThrow(() -> filter(TEACHER, true).filter(new Request().context()));
        assertTrue(CallContext.current().isEmpty());
    }

    @Test
    void bearerTokenBindsThePrincipalAndRemembersTheToken() throws Exception {
        Request r = new Request().header("Authorization", "bearer   " + TOKEN + "  ");
        filter(TEACHER, false).filter(r.context());
        assertEquals(TEACHER, CallContext.current().orElseThrow().principal());
        assertEquals(TOKEN, r.properties.get(SecurityFeature.TOKEN_ATTRIBUTE));
    }

    @Test
    void requestIdOfAnEarlierBindingIsKept() throws Exception {
        CallContext.bind(new CallContext(ZhurnalPrincipal.ANONYMOUS, "req-7"));
        filter(TEACHER, false).filter(new Request().header("Authorization", "Bearer " + TOKEN).context());
        CallContext bound = CallContext.current().orElseThrow();
        assertEquals("req-7", bound.requestId());
        assertEquals(TEACHER, bound.principal());
    }

    @Test
    void bearerHeaderTakesPrecedenceOverCookie() throws Exception {
        Auth auth = new Auth(TEACHER);
        Request r = new Request().header("Authorization", "Bearer " + TOKEN).cookie(SecurityFeature.SESSION_COOKIE, "other")
                .method("POST");
        // No CSRF header needed: the token came from the Authorization header, not from a cookie.
        new SecurityFeature.Filter(auth, false, new Role[0]).filter(r.context());
        assertEquals(List.of(TOKEN), auth.asked);
    }

    @Test
    void emptySessionCookieCountsAsNoCredentials() {
        rejected(filter(TEACHER, false), new Request().cookie(SecurityFeature.SESSION_COOKIE, ""), 401, "unauthenticated");
    }

    @Test
    void cookieAuthenticatedReadNeedsNoCsrfToken() throws Exception {
        Request r = new Request().cookie(SecurityFeature.SESSION_COOKIE, TOKEN);
        filter(TEACHER, false).filter(r.context());
        assertEquals(TEACHER, CallContext.current().orElseThrow().principal());
    }

    @Test
    void cookieAuthenticatedWriteWithoutCsrfTokenIsForbidden() {
        rejected(filter(TEACHER, false), new Request().cookie(SecurityFeature.SESSION_COOKIE, TOKEN).method("POST"), 403,
                "csrf");
        rejected(filter(TEACHER, false), new Request().cookie(SecurityFeature.SESSION_COOKIE, TOKEN).method("DELETE")
                .header(SecurityFeature.CSRF_HEADER, "wrong"), 403, "csrf");
    }

    @Test
    void cookieAuthenticatedWriteWithCsrfTokenPasses() {
        Request r = new Request().cookie(SecurityFeature.SESSION_COOKIE, TOKEN).method("PUT")
                .header(SecurityFeature.CSRF_HEADER, CSRF);
        assertDoesNotThrow(() -> filter(TEACHER, false).filter(r.context()));
    }

    @Test
    void temporaryPasswordAllowsOnlyPasswordChangeMeAndLogout() {
        ZhurnalPrincipal temp = principal(true, new Grant(Role.TEACHER, ScopeRef.school("S1")));
        rejected(filter(temp, false), new Request().header("Authorization", "Bearer " + TOKEN).path("schools"), 403,
                "password-change-required");
        for (String path : List.of("auth/password", "auth/me", "auth/logout")) {
            assertDoesNotThrow(() -> filter(temp, false)
                    .filter(new Request().header("Authorization", "Bearer " + TOKEN).path(path).method("POST").context()),
                    path);
        }
    }

    @Test
    void requiredRolesAreEnforced() {
        Request r = new Request().header("Authorization", "Bearer " + TOKEN);
        ProblemException e = rejected(filter(TEACHER, false, Role.SYSTEM_ADMIN, Role.MUNICIPAL_ADMIN), r, 403, "forbidden");
        assertTrue(e.getMessage().contains("role"), e.getMessage());
        assertDoesNotThrow(() -> filter(TEACHER, false, Role.SCHOOL_COORDINATOR, Role.TEACHER).filter(r.context()));
    }

    // --- configure(): which filter a resource method gets ---

    @PublicEndpoint
    static class PublicResource {
        public void get() {}
    }

    @RolesRequired(Role.SYSTEM_ADMIN)
    static class AdminResource {
        public void list() {}

        @RolesRequired({Role.SYSTEM_ADMIN, Role.TEACHER})
        public void relaxed() {}

        @PublicEndpoint
        public void open() {}
    }

    static SecurityFeature.Filter configured(Class<?> resource, String method) throws NoSuchMethodException {
        Method m = resource.getMethod(method);
        ResourceInfo info = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return m;
            }

            @Override
            public Class<?> getResourceClass() {
                return resource;
            }
        };
        List<Object> registered = new ArrayList<>();
        FeatureContext ctx = (FeatureContext) Proxy.newProxyInstance(SecurityFeatureTest.class.getClassLoader(),
                new Class<?>[] {FeatureContext.class}, (proxy, pm, args) -> {
                    if (pm.getName().equals("register") && args.length == 1) {
                        registered.add(args[0]);
                        return proxy;
                    }
                    throw new UnsupportedOperationException(pm.getName());
                });
        new SecurityFeature(new Auth(TEACHER)).configure(info, ctx);
        assertEquals(1, registered.size());
        return (SecurityFeature.Filter) registered.get(0);
    }

    @Test
    void publicClassGetsAnOpenFilter() throws Exception {
        assertDoesNotThrow(() -> configured(PublicResource.class, "get").filter(new Request().context()));
    }

    @Test
    void classRolesApplyToMethodsWithoutTheirOwn() throws Exception {
        SecurityFeature.Filter f = configured(AdminResource.class, "list");
        rejected(f, new Request().header("Authorization", "Bearer " + TOKEN), 403, "forbidden");
        rejected(f, new Request(), 401, "unauthenticated");
    }

    @Test
    void methodRolesOverrideClassRoles() throws Exception {
        SecurityFeature.Filter f = configured(AdminResource.class, "relaxed");
        assertDoesNotThrow(() -> f.filter(new Request().header("Authorization", "Bearer " + TOKEN).context()));
    }

    @Test
    void publicMethodOnRestrictedClassAdmitsAnonymousCallers() throws Exception {
        SecurityFeature.Filter f = configured(AdminResource.class, "open");
        assertDoesNotThrow(() -> f.filter(new Request().context()));
        assertNull(CallContext.current().orElse(null));
    }
}
