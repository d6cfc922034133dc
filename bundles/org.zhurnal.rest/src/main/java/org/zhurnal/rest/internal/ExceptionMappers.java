package org.zhurnal.rest.internal;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.persistence.TransientFailures;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Every error becomes a problem document; nothing internal (stack traces, class names) leaks. */
public final class ExceptionMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {}

    /** Domain problems thrown by services. */
    public static final class ProblemMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return Problems.of(e);
        }
    }

    /** Bad JSON: malformed, unknown fields, wrong types. */
    public static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return Problems.of(translate(e));
        }
    }

    /** JAX-RS's own errors (404 for an unknown path, 405, 415, ...). */
    public static final class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) {
                return unexpected(e);
            }
            if (e.getCause() instanceof JsonProcessingException jpe) {
                return Problems.of(translate(jpe));
            }
            if (e instanceof org.glassfish.jersey.server.ParamException pe && pe.getParameterName() != null) {
                // A query or path value of the wrong type (year=abc): JAX-RS says 404 for a query and path parameter,
                // but the resource is there and the request names the wrong value, so the answer names the field.
                return Problems.of(org.zhurnal.core.api.ProblemException.invalid(pe.getParameterName(),
                        Text.of("«" + pe.getParameterName() + "» has a value of the wrong type", "Недопустимое значение параметра «"
                                + pe.getParameterName() + "»")));
            }
            String type = switch (status) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                default -> "bad-request";
            };
            String detail = switch (status) {
                case 404 -> "No such resource";
                case 405 -> "This method is not allowed here";
                case 406 -> "No acceptable representation; ask for application/json";
                case 415 -> "Unsupported content type; send application/json";
                default -> "The request could not be understood";
            };
            Response r = Problems.response(status, type, Response.Status.fromStatusCode(status) == null ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, null, List.of());
            if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(r).header("Allow", e.getResponse().getHeaderString("Allow")).build();
            }
            return r;
        }
    }

    /** Anything else: look for a problem among the causes (transaction templates wrap them), else 500. */
    public static final class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException pe) {
                    return Problems.of(pe);
                }
                if (t instanceof JsonProcessingException jpe) {
                    return Problems.of(translate(jpe));
                }
                if (t.getClass().getName().equals("javax.persistence.OptimisticLockException")) {
                    return Problems.of(new ProblemException(409, "concurrent-modification", "Conflict",
                            Text.of("Someone else changed this at the same time; reload and try again",
                                    "Эти данные только что изменил другой пользователь; обновите страницу и повторите изменение"), null));
                }
                if (t instanceof java.sql.SQLException sql && TransientFailures.isTransientState(sql.getSQLState())) {
                    return busy(e, sql.getSQLState());
                }
            }
            return unexpected(e);
        }
    }

    /** 503 (with {@code Retry-After}, see {@link Problems}) for a {@link TransientFailures transient database failure}: the
     * request may be sent again as it was (nothing was acknowledged). */
    static Response busy(Throwable e, String sqlState) {
        String ref = UUID.randomUUID().toString();
        LOG.warn("Database busy (SQLState {}); the client is told to retry, reference {}", sqlState, ref, e);
        return Problems.of(new ProblemException(503, "busy", "Busy", Text.of("The database is busy; please retry in a moment. Reference: "
                + ref, "Сервер сейчас занят; повторите через несколько секунд. Код ошибки: " + ref), null));
    }

    static Response unexpected(Throwable e) {
        String ref = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", ref, e);
        return Problems.of(new ProblemException(500, "internal", "Internal error", Text.of("Something went wrong on our side. Reference: "
                + ref, "Ошибка на сервере; сообщите администратору код ошибки: " + ref), null));
    }

    static ProblemException translate(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new ProblemException(400, "malformed-json", "Malformed JSON",
                    Text.of("The body is not valid JSON (line " + line(e) + ")", "Запрос повреждён (не JSON, строка " + line(e) + ")"), null);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            String allowed = u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return ProblemException.invalid(field, Text.of("Unknown field '" + field + "'; allowed: " + allowed,
                    "Неизвестное поле «" + field + "»; допустимые: " + allowed));
        }
        if (e instanceof InvalidFormatException f) {
            String field = path(f);
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; allowed: " + java.util.Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "))
                    : "";
            return ProblemException.invalid(field, Text.of("Invalid value '" + f.getValue() + "' for field '" + field + "'" + allowed,
                    "Недопустимое значение «" + f.getValue() + "» поля «" + field + "»" + allowed.replace("; allowed: ", "; допустимые: ")));
        }
        if (e instanceof MismatchedInputException m) {
            String field = path(m);
            return field.isEmpty() ? new ProblemException(400, "malformed-json", "Malformed JSON",
                    "The body does not have the expected shape", null)
                    : ProblemException.invalid(field, Text.of("Field '" + field + "' has the wrong type or is missing",
                            "Поле «" + field + "» не заполнено или заполнено значением не того вида"));
        }
        if (e instanceof JsonMappingException m) {
            String field = path(m);
            return ProblemException.invalid(field.isEmpty() ? null : field, "The body does not have the expected shape"
                    + (field.isEmpty() ? "" : " at '" + field + "'"));
        }
        return new ProblemException(400, "malformed-json", "Malformed JSON", "The body is not valid JSON", null);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String line(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
    }
}
