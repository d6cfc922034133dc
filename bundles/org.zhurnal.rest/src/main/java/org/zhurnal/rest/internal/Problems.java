package org.zhurnal.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.security.CallContext;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The language the caller reads problems in, bound per request by {@link ApiServlet} from {@code Accept-Language}:
     * Russian when the caller prefers it (the UI sends its own language), English otherwise.
     */
    private static final ThreadLocal<Locale> LANGUAGE = new ThreadLocal<>();

    private Problems() {}

    static void bindLanguage(Locale locale) {
        LANGUAGE.set(locale);
    }

    static void unbindLanguage() {
        LANGUAGE.remove();
    }

    /** The first of Russian and English among the ranges of an {@code Accept-Language} header; English when neither is there. */
    static Locale language(String acceptLanguage) {
        return Text.preferred(acceptLanguage);
    }

    public static Response of(ProblemException e) {
        Locale locale = LANGUAGE.get() == null ? Locale.ENGLISH : LANGUAGE.get();
        return response(e.status(), e.type(), e.title(), e.detail(locale), e.field(), e.violations().stream()
                .map(v -> new Violation(v.field(), v.message(locale))).toList());
    }

    public static Response response(int status, String type, String title, String detail, String field,
            List<Violation> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ZhurnalConstants.PROBLEM_TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        if (violations != null && !violations.isEmpty()) {
            // Each as {field, message}: the message already in the caller's language.
            body.put("errors", violations.stream().map(v -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("field", v.field());
                one.put("message", v.message());
                return one;
            }).toList());
        }
        CallContext.current().ifPresent(c -> body.put("requestId", c.requestId()));
        Response.ResponseBuilder rb = Response.status(status).type(MEDIA_TYPE).entity(body);
        if (status == 401) {
            rb.header("WWW-Authenticate", "Bearer realm=\"zhurnal\"");
        }
        if (status == 503) {
            // Busy (a transient database failure, a lesson entry that failed three times): nothing was done, and the
            // client may send the request again in a moment.
            rb.header("Retry-After", "1");
        }
        return rb.build();
    }
}
