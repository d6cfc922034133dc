package org.zhurnal.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.security.CallContext;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static Response of(ProblemException e) {
        return response(e.status(), e.type(), e.title(), e.getMessage(), e.field(), e.violations());
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
            body.put("errors", violations);
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
