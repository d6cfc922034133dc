package org.zhurnal.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExceptionMappersTest {
    enum Role { TEACHER, PARENT, STUDENT }

    record Item(String name, Role role) {}

    record Order(String title, int count, List<Item> items) {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Parses {@code json} into {@code type}, which must fail, and translates the Jackson exception. */
    private static ProblemException translated(String json, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(json, type));
        ProblemException p = ExceptionMappers.translate(e);
        assertEquals(400, p.status(), p.getMessage());
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response r) {
        return (Map<String, Object>) r.getEntity();
    }

    @Test
    void malformedJsonIsMalformedJsonProblem() {
        ProblemException p = translated("{\"a\": ", Order.class);
        assertEquals("malformed-json", p.type());
        assertNull(p.field());
        assertTrue(p.getMessage().startsWith("The body is not valid JSON (line "), p.getMessage());
    }

    @Test
    void syntaxErrorReportsTheLine() {
        ProblemException p = translated("{\n\"title\": \"x\",\n\"count\": 1,,\n}", Order.class);
        assertEquals("malformed-json", p.type());
        assertEquals("The body is not valid JSON (line 3)", p.getMessage());
    }

    @Test
    void unknownPropertyNamesTheFieldAndListsAllowedOnes() {
        ProblemException p = translated("{\"title\":\"x\",\"colour\":\"red\"}", Order.class);
        assertEquals("validation", p.type());
        assertEquals("colour", p.field());
        assertEquals("Unknown field 'colour'; allowed: count, items, title", p.getMessage());
    }

    @Test
    void unknownPropertyInsideAListHasAFullPath() {
        ProblemException p = translated("{\"items\":[{\"name\":\"a\"},{\"name\":\"b\",\"age\":3}]}", Order.class);
        assertEquals("validation", p.type());
        assertEquals("items[1].age", p.field());
        assertTrue(p.getMessage().endsWith("allowed: name, role"), p.getMessage());
    }

    @Test
    void invalidEnumValueInNestedListNamesPathAndAllowedValues() {
        ProblemException p = translated("{\"items\":[{\"role\":\"KING\"}]}", Order.class);
        assertEquals("validation", p.type());
        assertEquals("items[0].role", p.field());
        assertEquals("Invalid value 'KING' for field 'items[0].role'; allowed: TEACHER, PARENT, STUDENT", p.getMessage());
    }

    @Test
    void unparsableIntIsValidationErrorOnThatField() {
        ProblemException p = translated("{\"count\":\"many\"}", Order.class);
        assertEquals("validation", p.type());
        assertEquals("count", p.field());
        assertEquals("Invalid value 'many' for field 'count'", p.getMessage());
    }

    @Test
    void structurallyWrongTypeIsValidationErrorOnThatField() {
        ProblemException p = translated("{\"count\":[1,2]}", Order.class);
        assertEquals("validation", p.type());
        assertEquals("count", p.field());
        assertTrue(p.getMessage().contains("'count'"), p.getMessage());
    }

    @Test
    void wrongTopLevelShapeIsMalformedJson() {
        ProblemException p = translated("[1,2,3]", Order.class);
        assertEquals("malformed-json", p.type());
        assertNull(p.field());
    }

    @Test
    void jsonMapperMapsToProblemResponse() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"items\":[{\"role\":\"KING\"}]}", Order.class));
        Response r = new ExceptionMappers.JsonMapper().toResponse(e);
        assertEquals(400, r.getStatus());
        assertEquals("urn:zhurnal:problem:validation", body(r).get("type"));
        assertEquals("items[0].role", body(r).get("field"));
    }

    @Test
    void problemMapperKeepsStatusTypeAndDetail() {
        Response r = new ExceptionMappers.ProblemMapper().toResponse(ProblemException.conflict("login-taken", "Taken"));
        assertEquals(409, r.getStatus());
        assertEquals("urn:zhurnal:problem:login-taken", body(r).get("type"));
        assertEquals("Taken", body(r).get("detail"));
    }

    @Test
    void fallbackUnwrapsProblemFromCauses() {
        Response r = new ExceptionMappers.FallbackMapper()
                .toResponse(new RuntimeException("wrap", new IllegalStateException("tx", ProblemException.notFound("School", "x"))));
        assertEquals(404, r.getStatus());
        assertEquals("urn:zhurnal:problem:not-found", body(r).get("type"));
        assertEquals("School x was not found", body(r).get("detail"));
    }

    @Test
    void aBusyServiceSaysWhenToRetryAndOtherProblemsDoNot() {
        Response busy = new ExceptionMappers.ProblemMapper().toResponse(new ProblemException(503, "busy", "Busy", "Too many entries", null));
        assertEquals(503, busy.getStatus());
        assertEquals("urn:zhurnal:problem:busy", body(busy).get("type"));
        assertEquals("1", busy.getHeaderString("Retry-After"));
        Response conflict = new ExceptionMappers.ProblemMapper().toResponse(ProblemException.conflict("period-closed", "closed"));
        assertEquals(409, conflict.getStatus());
        assertNull(conflict.getHeaderString("Retry-After"));
    }

    @Test
    void transientDatabaseFailuresAreBusyWithRetryAfter() {
        Response r = new ExceptionMappers.FallbackMapper().toResponse(new RuntimeException("provider",
                new java.sql.SQLException("ResultSet not open. Operation 'next' not permitted.", "XCL16")));
        assertEquals(503, r.getStatus());
        assertEquals("urn:zhurnal:problem:busy", body(r).get("type"));
        assertEquals("1", r.getHeaderString("Retry-After"));
        assertFalse(body(r).get("detail").toString().contains("ResultSet"), "nothing internal leaks");
        for (String state : List.of("40001", "40XL1", "40XL2", "40P01", "55P03", "08003")) {
            assertTrue(org.zhurnal.core.api.persistence.TransientFailures.isTransientState(state), state);
        }
    }

    @Test
    void otherDatabaseFailuresStayInternalErrors() {
        Response r = new ExceptionMappers.FallbackMapper().toResponse(new RuntimeException("provider",
                new java.sql.SQLException("Column 'X' is either not in any table in the FROM list", "42X04")));
        assertEquals(500, r.getStatus());
        assertEquals("urn:zhurnal:problem:internal", body(r).get("type"));
        for (String state : java.util.Arrays.asList("23505", "42X04", "22001", null)) {
            assertFalse(org.zhurnal.core.api.persistence.TransientFailures.isTransientState(state), state);
        }
    }

    @Test
    void fallbackUnwrapsJsonErrorsFromCauses() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("{", Order.class));
        Response r = new ExceptionMappers.FallbackMapper().toResponse(new RuntimeException(e));
        assertEquals(400, r.getStatus());
        assertEquals("urn:zhurnal:problem:malformed-json", body(r).get("type"));
    }

    @Test
    void unexpectedErrorIs500WithReferenceAndNoInternals() {
        Response r = new ExceptionMappers.FallbackMapper().toResponse(new IllegalStateException("db password is hunter2"));
        assertEquals(500, r.getStatus());
        assertEquals(Problems.MEDIA_TYPE, r.getMediaType().toString());
        Map<String, Object> body = body(r);
        assertEquals("urn:zhurnal:problem:internal", body.get("type"));
        String detail = (String) body.get("detail");
        assertTrue(detail.matches(".*Reference: [0-9a-f-]{36}$"), detail);
        assertFalse(body.toString().contains("hunter2"), body.toString());
        assertFalse(body.toString().contains("IllegalStateException"), body.toString());
    }

    @Test
    void aRussianCallerReadsTheUnexpectedErrorAndTheBusyDatabaseInRussian() {
        try {
            Problems.bindLanguage(Problems.language("ru"));
            String internal = (String) body(new ExceptionMappers.FallbackMapper().toResponse(new IllegalStateException("x"))).get("detail");
            assertTrue(internal.matches("Ошибка на сервере; сообщите администратору код ошибки: [0-9a-f-]{36}"), internal);
            Response busy = new ExceptionMappers.FallbackMapper().toResponse(new RuntimeException(new java.sql.SQLException("lock", "40XL1")));
            assertEquals(503, busy.getStatus());
            assertTrue(body(busy).get("detail").toString().startsWith("Сервер сейчас занят"), body(busy).toString());
        } finally {
            Problems.unbindLanguage();
        }
    }

    @Test
    void everyUnexpectedErrorGetsItsOwnReference() {
        ExceptionMappers.FallbackMapper m = new ExceptionMappers.FallbackMapper();
        assertNotEquals(body(m.toResponse(new IllegalStateException())).get("detail"),
                body(m.toResponse(new IllegalStateException())).get("detail"));
    }

    @Test
    void webMapperTranslatesJaxRsClientErrors() {
        ExceptionMappers.WebMapper m = new ExceptionMappers.WebMapper();
        Response notFound = m.toResponse(new NotFoundException());
        assertEquals(404, notFound.getStatus());
        assertEquals("urn:zhurnal:problem:not-found", body(notFound).get("type"));
        assertEquals("Not Found", body(notFound).get("title"));

        Response unsupported = m.toResponse(new NotSupportedException());
        assertEquals(415, unsupported.getStatus());
        assertEquals("urn:zhurnal:problem:unsupported-media-type", body(unsupported).get("type"));
    }

    @Test
    void webMapperKeepsTheAllowHeaderOf405() {
        Response r = new ExceptionMappers.WebMapper().toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        assertEquals(405, r.getStatus());
        assertEquals("urn:zhurnal:problem:method-not-allowed", body(r).get("type"));
        String allow = r.getHeaderString("Allow");
        assertTrue(allow != null && allow.contains("GET") && allow.contains("POST"), "Allow: " + allow);
    }

    @Test
    void webMapperTurnsServerErrorsIntoOpaque500() {
        Response r = new ExceptionMappers.WebMapper().toResponse(new WebApplicationException("secret internals", 503));
        assertEquals(500, r.getStatus());
        assertEquals("urn:zhurnal:problem:internal", body(r).get("type"));
        assertFalse(body(r).toString().contains("secret internals"));
    }

    @Test
    void webMapperTranslatesJsonCause() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue("{\"nope\":1}", Order.class));
        Response r = new ExceptionMappers.WebMapper().toResponse(new WebApplicationException(e, 400));
        assertEquals(400, r.getStatus());
        assertEquals("nope", body(r).get("field"));
    }
}
