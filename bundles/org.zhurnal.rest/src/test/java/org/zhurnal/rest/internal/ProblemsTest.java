package org.zhurnal.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;

class ProblemsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response r) {
        return (Map<String, Object>) r.getEntity();
    }

    @Test
    void unauthorizedResponseAsksForBearerToken() {
        Response r = Problems.response(401, "unauthenticated", "Authentication required", "Sign in first", null, List.of());
        assertEquals(401, r.getStatus());
        String challenge = r.getHeaderString("WWW-Authenticate");
        assertTrue(challenge != null && challenge.startsWith("Bearer"), "WWW-Authenticate: " + challenge);
        assertEquals("application/problem+json", r.getMediaType().toString());
    }

    @Test
    void otherStatusesHaveNoChallenge() {
        Response r = Problems.response(403, "forbidden", "Forbidden", "No", null, List.of());
        assertNull(r.getHeaderString("WWW-Authenticate"));
        assertEquals("application/problem+json", r.getMediaType().toString());
    }

    @Test
    void bodyFollowsRfc9457WithUrnType() {
        Response r = Problems.response(400, "validation", "Invalid input", "Bad name", "name", List.of());
        Map<String, Object> body = body(r);
        assertEquals("urn:zhurnal:problem:validation", body.get("type"));
        assertEquals("Invalid input", body.get("title"));
        assertEquals(400, body.get("status"));
        assertEquals("Bad name", body.get("detail"));
        assertEquals("name", body.get("field"));
        assertFalse(body.containsKey("errors"));
        assertFalse(body.containsKey("requestId"));
    }

    @Test
    void fieldIsOmittedWhenNull() {
        Map<String, Object> body = body(Problems.response(404, "not-found", "Not found", "x", null, null));
        assertFalse(body.containsKey("field"));
        assertFalse(body.containsKey("errors"));
    }

    @Test
    void ofCopiesEverythingFromTheProblemIncludingViolations() {
        List<Violation> violations = List.of(new Violation("a.csv:2:3", "bad date"), new Violation("a.csv:5:1", "empty"));
        Response r = Problems.of(ProblemException.invalid("2 rows are invalid", violations));
        assertEquals(400, r.getStatus());
        Map<String, Object> body = body(r);
        assertEquals("urn:zhurnal:problem:validation", body.get("type"));
        assertEquals("2 rows are invalid", body.get("detail"));
        assertEquals("a.csv:2:3", body.get("field"));
        assertEquals(List.of(Map.of("field", "a.csv:2:3", "message", "bad date"), Map.of("field", "a.csv:5:1", "message", "empty")),
                body.get("errors"));
    }

    @Test
    void theCallersLanguageIsRussianOnlyWhenPreferredOverEnglish() {
        assertEquals("ru", Problems.language("ru").getLanguage());
        assertEquals("ru", Problems.language("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7").getLanguage());
        assertEquals("en", Problems.language("en-US,en;q=0.9,ru;q=0.8").getLanguage());
        assertEquals("ru", Problems.language("de-DE,de;q=0.9,ru;q=0.5").getLanguage());
        assertEquals("en", Problems.language("de-DE").getLanguage());
        assertEquals("en", Problems.language(null).getLanguage());
        assertEquals("en", Problems.language("not;a=language;;").getLanguage());
    }

    @Test
    void aProblemWithTextsAnswersInTheCallersLanguageAndFallsBackToEnglish() {
        ProblemException p = ProblemException.invalid(Text.of("2 problems", "2 ошибки"), List.of(
                new Violation("marks[0].value", Text.of("«7» is not a mark", "«7» — не оценка")),
                new Violation("marks[1].workType", "workType is one of ORAL, TEST")));
        try {
            Problems.bindLanguage(Problems.language("ru-RU,ru;q=0.9"));
            Map<String, Object> ru = body(Problems.of(p));
            assertEquals("2 ошибки", ru.get("detail"));
            assertEquals(List.of(Map.of("field", "marks[0].value", "message", "«7» — не оценка"),
                    Map.of("field", "marks[1].workType", "message", "workType is one of ORAL, TEST")), ru.get("errors"));
            Problems.bindLanguage(Problems.language("en"));
            Map<String, Object> en = body(Problems.of(p));
            assertEquals("2 problems", en.get("detail"));
            assertEquals(List.of(Map.of("field", "marks[0].value", "message", "«7» is not a mark"),
                    Map.of("field", "marks[1].workType", "message", "workType is one of ORAL, TEST")), en.get("errors"));
        } finally {
            Problems.unbindLanguage();
        }
        // Nothing bound (outside a request): English.
        assertEquals("2 problems", body(Problems.of(p)).get("detail"));
    }

    @Test
    void aProblemAboutAPartNamesThePlaceInBothLanguages() {
        ProblemException part = ProblemException.conflict("period-closed", Text.of("The period is closed", "Период закрыт"))
                .within("[2]", Text.of("Grade [2]: ", "Оценка №3: "));
        assertEquals("[2]", part.field());
        assertEquals("Grade [2]: The period is closed", part.getMessage());
        assertEquals("Оценка №3: Период закрыт", part.detail(java.util.Locale.forLanguageTag("ru")));
        assertEquals(409, part.status());
        assertEquals("period-closed", part.type());
    }

    @Test
    void requestIdOfTheBoundCallIsIncluded() {
        new CallContext(ZhurnalPrincipal.ANONYMOUS, "req-42").run(() -> {
            Map<String, Object> body = body(Problems.response(400, "validation", "Invalid input", "x", null, List.of()));
            assertEquals("req-42", body.get("requestId"));
        });
        assertTrue(CallContext.current().isEmpty());
    }
}
