package org.zhurnal.security.internal.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.rest.PublicEndpoint;
import org.zhurnal.core.api.rest.RestResource;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.security.api.AuthenticationService;
import org.zhurnal.security.api.Session;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;

/**
 * Sign-in, sign-out and password change. A successful login answers the bearer token in the body and
 * also sets it as an HttpOnly, SameSite=Strict cookie for the browser UI, together with a readable
 * CSRF cookie that the UI echoes in {@code X-CSRF-Token} on writes.
 */
@Component(service = RestResource.class)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource implements RestResource {
    /** Name of the session cookie. */
    public static final String SESSION_COOKIE = "ZHURNAL_SESSION";
    /** Name of the CSRF cookie (readable by scripts of the same origin). */
    public static final String CSRF_COOKIE = "ZHURNAL_CSRF";
    /** Request attribute under which the REST filter leaves the caller's raw token. */
    public static final String TOKEN_ATTRIBUTE = "zhurnal.token";

    /** Body of a login. */
    public record LoginRequest(String login, String password) {}

    /** Body of a password change. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    /**
     * The signed-in account; {@code personId} is its person in the roster (a teacher's own timetable), {@code null} for none;
     * {@code now} is the platform's clock (epoch milliseconds), by which the pages take «today» — not by the browser's own
     * clock, which on a school computer may be wrong, and on a training instance the platform's clock may be moved.
     */
    public record Me(String accountId, String login, String displayName, List<Grant> grants, boolean mustChangePassword, String personId,
            long now) {
        static Me of(ZhurnalPrincipal p, long now) {
            return new Me(p.accountId(), p.login(), p.displayName(), p.grants(), p.mustChangePassword(), null, now);
        }
    }

    /** Answer to a login. */
    public record LoginResponse(String token, String csrfToken, Instant expiresAt, boolean mustChangePassword, Me account) {}

    private final AuthenticationService auth;
    private final ZhurnalClock clock;

    /** The accounts, for the signed-in person's id (optional: {@code me} answers without it while they are away). */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile AccountService accounts;

    @Activate
    public AuthResource(@Reference AuthenticationService auth, @Reference ZhurnalClock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    @POST
    @Path("login")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest body, @Context HttpServletRequest request) {
        if (body == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body {\"login\": ..., \"password\": ...} is required",
                    "Введите логин и пароль (нужны данные JSON {\"login\": ..., \"password\": ...})"));
        }
        Session s = auth.login(body.login(), body.password(), request.getRemoteAddr());
        long maxAge = Math.max(0, Duration.between(clock.now(), s.expiresAt()).getSeconds());
        boolean secure = request.isSecure();
        return Response.ok(new LoginResponse(s.token(), s.csrfToken(), s.expiresAt(), s.principal().mustChangePassword(),
                Me.of(s.principal(), clock.now().toEpochMilli())))
                .header("Set-Cookie", cookie(SESSION_COOKIE, s.token(), maxAge, true, secure))
                .header("Set-Cookie", cookie(CSRF_COOKIE, s.csrfToken(), maxAge, false, secure)).build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context HttpServletRequest request) {
        Object token = request.getAttribute(TOKEN_ATTRIBUTE);
        if (token != null) {
            auth.logout(token.toString());
        }
        boolean secure = request.isSecure();
        return Response.noContent().header("Set-Cookie", cookie(SESSION_COOKIE, "", 0, true, secure))
                .header("Set-Cookie", cookie(CSRF_COOKIE, "", 0, false, secure)).build();
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PasswordChange body, @Context HttpServletRequest request) {
        if (body == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body {\"currentPassword\": ..., \"newPassword\": ...} is required",
                    "Введите текущий и новый пароль (нужны данные JSON {\"currentPassword\": ..., \"newPassword\": ...})"));
        }
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        Object token = request.getAttribute(TOKEN_ATTRIBUTE);
        auth.changePassword(p.accountId(), body.currentPassword(), body.newPassword(), token == null ? null : token.toString());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public Me me() {
        ZhurnalPrincipal p = CallContext.requirePrincipal();
        return new Me(p.accountId(), p.login(), p.displayName(), p.grants(), p.mustChangePassword(), personOf(p.accountId()),
                clock.now().toEpochMilli());
    }

    /** Marks an account without a person in {@link #persons} (the map holds no nulls). */
    private static final String NO_PERSON = "";
    /**
     * The person of each account that asked: an account's person is given when it is created and never changes, so it is
     * read once, not on every page's {@code /auth/me} (one entry per account, thousands at most).
     */
    private final java.util.Map<String, String> persons = new java.util.concurrent.ConcurrentHashMap<>();

    private String personOf(String accountId) {
        AccountService a = accounts;
        if (a == null) {
            return null;
        }
        String found = persons.computeIfAbsent(accountId, id -> a.byId(id).map(AccountInfo::personId).orElse(NO_PERSON));
        return NO_PERSON.equals(found) ? null : found;
    }

    static String cookie(String name, String value, long maxAge, boolean httpOnly, boolean secure) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; SameSite=Strict" + (httpOnly ? "; HttpOnly" : "")
                + (secure ? "; Secure" : "");
    }
}
