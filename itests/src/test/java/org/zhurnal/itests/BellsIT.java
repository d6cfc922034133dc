package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.api.BellsQuery;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditEntry;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.NewAccount;

/** The bells module on the real distribution: validation, weekday and date assignments, access rules. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BellsIT {
    static final String API = "/api/v1/bells/";

    @Inject
    org.osgi.framework.BundleContext context;
    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    RosterQuery roster;
    @Inject
    BellsQuery bells;
    @Inject
    AuditLog audit;
    @Inject
    ZhurnalClock clock;
    @Inject
    org.zhurnal.core.api.demo.DemoLoader demo;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution();
    }

    private School newSchool(String name) {
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals("Bells IT")).findFirst()
                .orElseGet(() -> RosterIT.runAsSystem(() -> tenants.createMunicipality("Bells IT")));
        return RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), name, name, "Europe/Moscow"));
    }

    private String tokenFor(Grant grant) {
        String login = "b" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Звонков Пётр Петрович", null, "system", List.of(grant),
                "Bells-Passw0rd-7")));
        return http.login(login, "Bells-Passw0rd-7");
    }

    private String importStudent(String admin, String schoolId) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT
                + "/api/v1/roster/schools/" + schoolId + "/import?fileName=pupils.csv"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(RosterIT.pupils().getBytes(StandardCharsets.UTF_8))).build();
        var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
        int y = RosterQuery.academicYearOf(clock.today());
        String fiveA = roster.classes(schoolId, y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        return roster.studentsOfClass(fiveA, clock.today()).get(0).id();
    }

    private static String schedule(String name, String kind, String... lessons) {
        StringBuilder b = new StringBuilder("{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"validFrom\":\"2026-09-01\",\"periods\":[");
        for (int i = 0; i < lessons.length; i++) {
            String[] se = lessons[i].split("-");
            b.append(i == 0 ? "" : ",").append("{\"number\":").append(i + 1).append(",\"start\":\"").append(se[0])
                    .append("\",\"end\":\"").append(se[1]).append("\"}");
        }
        return b.append("]}").toString();
    }

    private Http.Answer put(String path, String json, String token) {
        return http.send("PUT", path, json, Map.of("Authorization", "Bearer " + token));
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(a.body(), field, a.json().get("field").asText());
        }
    }

    @Test
    public void schedulesAssignmentsAndAccess() throws Exception {
        School school = newSchool("Школа звонков");
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        String coordinator = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(school.id())));
        String schedules = API + "schools/" + school.id() + "/schedules";

        // Validation: 400 naming the lesson; an overlap names both lessons.
        Http.Answer overlap = http.post(schedules, schedule("Основное", "REGULAR", "08:30-09:15", "09:25-10:10", "10:00-10:45"), coordinator);
        assertProblem(overlap, 400, "periods[2].start");
        String detail = overlap.json().get("detail").asText();
        assertTrue(detail, detail.contains("Lesson 3") && detail.contains("lesson 2"));
        assertProblem(http.post(schedules, schedule("Основное", "REGULAR", "08:30-09:15", "09:50-09:25"), coordinator), 400, "periods[1].end");
        assertProblem(http.post(schedules, schedule("Основное", "WEEKLY", "08:30-09:15"), coordinator), 400, "kind");
        assertProblem(http.post(schedules, schedule("Основное", "REGULAR"), coordinator), 400, "periods");
        assertTrue(bells.schedules(school.id()).isEmpty());

        Http.Answer regular = http.post(schedules, schedule("Основное", "REGULAR", "08:30-09:15", "09:25-10:10", "10:20-11:05",
                "11:25-12:10", "12:30-13:15", "13:25-14:10", "14:20-15:05"), coordinator);
        assertEquals(regular.body(), 201, regular.status());
        String regularId = regular.json().get("id").asText();
        assertEquals(7, regular.json().get("periods").size());
        Http.Answer shortened = http.post(schedules, schedule("Сокращённое", "SHORTENED", "08:30-09:00", "09:10-09:40", "09:50-10:20"),
                coordinator);
        assertEquals(shortened.body(), 201, shortened.status());
        String shortenedId = shortened.json().get("id").asText();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            Http.Answer a = put(API + "schools/" + school.id() + "/weekdays/" + day, "{\"scheduleId\":\"" + regularId + "\"}", coordinator);
            assertEquals(a.body(), 200, a.status());
        }
        assertProblem(put(API + "schools/" + school.id() + "/weekdays/SUNDAY", "{\"scheduleId\":\"" + regularId + "\"}", coordinator),
                400, "weekday");
        Http.Answer override = put(API + "schools/" + school.id() + "/dates/2026-12-25", "{\"scheduleId\":\"" + shortenedId + "\"}",
                coordinator);
        assertEquals(override.body(), 200, override.status());
        // A Sunday has no lessons to ring for: refused, naming the date; nothing is assigned.
        assertProblem(put(API + "schools/" + school.id() + "/dates/2026-12-27", "{\"scheduleId\":\"" + shortenedId + "\"}", coordinator),
                400, "date");
        assertFalse(http.get(API + "schools/" + school.id() + "/assignments", coordinator).json().get("dates").has("2026-12-27"));

        // Which schedule applies: a normal Thursday, the shortened Friday, a free Saturday.
        assertEquals("Основное", bells.scheduleFor(school.id(), LocalDate.of(2026, 12, 24)).map(BellSchedule::name).orElseThrow());
        assertEquals("Сокращённое", bells.scheduleFor(school.id(), LocalDate.of(2026, 12, 25)).map(BellSchedule::name).orElseThrow());
        assertTrue(bells.scheduleFor(school.id(), LocalDate.of(2026, 12, 26)).isEmpty());
        assertTrue("not valid before validFrom", bells.scheduleFor(school.id(), LocalDate.of(2026, 8, 31)).isEmpty());
        Http.Answer applied = http.get(API + "schools/" + school.id() + "/dates/2026-12-25/schedule", coordinator);
        assertEquals(applied.body(), 200, applied.status());
        assertEquals(3, applied.json().get("periods").size());

        // Replace, audited.
        Http.Answer replaced = put(API + "schedules/" + shortenedId, schedule("Сокращённое", "SHORTENED", "08:30-09:00", "09:10-09:40",
                "09:50-10:20", "10:30-11:00"), coordinator);
        assertEquals(replaced.body(), 200, replaced.status());
        assertEquals(4, bells.scheduleFor(school.id(), LocalDate.of(2026, 12, 25)).orElseThrow().periods().size());
        assertEquals(List.of("update", "create"), audit.find("bell-schedule", shortenedId, 10).stream().map(AuditEntry::action).toList());

        // A parent of a student of the school reads but may not write.
        String parent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(importStudent(admin, school.id()))));
        Http.Answer read = http.get(schedules, parent);
        assertEquals(read.body(), 200, read.status());
        assertEquals(2, read.json().size());
        assertProblem(http.post(schedules, schedule("Моё", "REGULAR", "08:30-09:15"), parent), 403, null);
        assertProblem(put(API + "schools/" + school.id() + "/weekdays/SATURDAY", "{\"scheduleId\":\"" + regularId + "\"}", parent), 403, null);
        assertProblem(put(API + "schedules/" + regularId, schedule("Основное", "REGULAR", "08:00-08:45"), parent), 403, null);

        // Another school's coordinator does not see this school at all.
        School other = newSchool("Другая школа звонков");
        String otherCoordinator = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(other.id())));
        assertProblem(http.get(schedules, otherCoordinator), 404, null);
        assertProblem(http.post(schedules, schedule("Чужое", "REGULAR", "08:30-09:15"), otherCoordinator), 404, null);
        assertProblem(put(API + "schedules/" + regularId, schedule("Основное", "REGULAR", "08:00-08:45"), otherCoordinator), 404, null);
        assertProblem(put(API + "schools/" + school.id() + "/dates/2026-12-24", "{\"scheduleId\":\"" + shortenedId + "\"}",
                otherCoordinator), 404, null);
        // Nor may it use this school's schedule for its own days.
        assertProblem(put(API + "schools/" + other.id() + "/weekdays/MONDAY", "{\"scheduleId\":\"" + regularId + "\"}", otherCoordinator),
                400, "scheduleId");
        assertEquals(2, bells.schedules(school.id()).size());

        // A second schedule with the same name over the same days could not be told apart: refused, nothing added.
        assertProblem(http.post(schedules, schedule(" основное", "REGULAR", "08:00-08:45"), coordinator), 409, "name");
        assertEquals(2, bells.schedules(school.id()).size());
        // A schedule the weekdays or a special date follow is not deleted, and says which; one no day follows is (audited).
        Map<String, String> asCoordinator = Map.of("Authorization", "Bearer " + coordinator);
        Http.Answer weekdays = http.send("DELETE", API + "schedules/" + regularId, null, asCoordinator);
        assertProblem(weekdays, 409, null);
        assertTrue(weekdays.body(), weekdays.json().get("detail").asText().contains("Monday, Tuesday, Wednesday, Thursday, Friday"));
        Http.Answer date = http.send("DELETE", API + "schedules/" + shortenedId, null, asCoordinator);
        assertProblem(date, 409, null);
        assertTrue(date.body(), date.json().get("detail").asText().contains("2026-12-25"));
        String summerId = http.post(schedules, schedule("Летнее", "REGULAR", "09:00-09:40"), coordinator).json().get("id").asText();
        assertProblem(http.send("DELETE", API + "schedules/" + summerId, null, Map.of("Authorization", "Bearer " + parent)), 403, null);
        assertProblem(http.send("DELETE", API + "schedules/" + summerId, null, Map.of("Authorization", "Bearer " + otherCoordinator)), 404, null);
        assertEquals(204, http.send("DELETE", API + "schedules/" + summerId, null, asCoordinator).status());
        assertEquals(2, bells.schedules(school.id()).size());
        assertEquals(List.of("delete", "create"), audit.find("bell-schedule", summerId, 10).stream().map(AuditEntry::action).toList());
    }

    @Test
    public void demoBellsAreLoadedOnce() throws Exception {
        KarafOptions.awaitDemoContributors(context, "roster", "calendar", "bells");
        demo.load();
        demo.load();
        int y = RosterQuery.academicYearOf(clock.today());
        School school = tenants.municipalities().stream().flatMap(m -> tenants.schools(m.id()).stream())
                .filter(x -> roster.classes(x.id(), y).size() > 30).findFirst().orElseThrow();
        assertEquals(List.of("Основное", "Сокращённое"), bells.schedules(school.id()).stream().map(BellSchedule::name).toList());
        LocalDate monday = LocalDate.of(y, 10, 1).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        BellSchedule regular = bells.scheduleFor(school.id(), monday).orElseThrow();
        assertEquals("Основное", regular.name());
        assertEquals(7, regular.periods().size());
        assertEquals(java.time.LocalTime.of(8, 30), regular.periods().get(0).start());
        assertEquals(java.time.LocalTime.of(15, 5), regular.periods().get(6).end());
        LocalDate shortDay = LocalDate.of(y, 12, 28).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.FRIDAY));
        assertEquals("Сокращённое", bells.scheduleFor(school.id(), shortDay).orElseThrow().name());
        assertTrue("five-day week: no Saturday bells", bells.scheduleFor(school.id(), monday.plusDays(5)).isEmpty());
    }
}
