package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditEntry;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.event.DomainEvent;
import org.zhurnal.core.api.event.DomainEventListener;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.NewAccount;

import com.fasterxml.jackson.databind.JsonNode;

/** The calendar module on the real distribution: years, reporting periods, closing and reopening, access rules. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CalendarIT {
    static final String API = "/api/v1/calendar/";

    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    RosterQuery roster;
    @Inject
    CalendarQuery calendar;
    @Inject
    AuditLog audit;
    @Inject
    ZhurnalClock clock;
    @Inject
    BundleContext context;
    @Inject
    org.zhurnal.core.api.demo.DemoLoader demo;
    @Inject
    @Filter("(osgi.jndi.service.name=zhurnal)")
    DataSource dataSource;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution();
    }

    private School newSchool(String name) {
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals("Calendar IT")).findFirst()
                .orElseGet(() -> RosterIT.runAsSystem(() -> tenants.createMunicipality("Calendar IT")));
        return RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), name, name, "Europe/Moscow"));
    }

    private String tokenFor(Grant grant) {
        String login = "c" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Календарёв Пётр Петрович", null, "system", List.of(grant),
                "Calendar-Passw0rd-7")));
        return http.login(login, "Calendar-Passw0rd-7");
    }

    /** Imports RosterIT's pupils into the school and returns the id of a student of 5А. */
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

    private static String year(int year, String start, String end, int workingDays) {
        return "{\"year\":" + year + ",\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"workingDays\":" + workingDays + "}";
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(a.body(), field, a.json().get("field").asText());
        }
    }

    @Test
    public void yearsPeriodsClosingAndReopening() throws Exception {
        School school = newSchool("Школа календаря");
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        String coordinator = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(school.id())));
        String deputy = tokenFor(new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(school.id())));
        String years = API + "schools/" + school.id() + "/years";

        // Bad dates: 400 naming the field, nothing created.
        assertProblem(http.post(years, year(2026, "2026-08-01", "2027-05-31", 5), coordinator), 400, "start");
        assertProblem(http.post(years, year(2026, "2026-09-01", "2026-09-01", 5), coordinator), 400, "end");
        assertProblem(http.post(years, year(2026, "2026-09-01", "2027-09-30", 5), coordinator), 400, "end");
        assertProblem(http.post(years, year(2026, "2026-09-01", "2027-05-31", 7), coordinator), 400, "workingDays");
        assertTrue(calendar.year(school.id(), 2026).isEmpty());

        Http.Answer created = http.post(years, year(2026, "2026-09-01", "2027-05-31", 5), coordinator);
        assertEquals(created.body(), 201, created.status());
        String yearId = created.json().get("id").asText();
        assertProblem(http.post(years, year(2026, "2026-09-01", "2027-05-31", 6), coordinator), 409, null);

        Http.Answer quarters = http.post(API + "years/" + yearId + "/periods",
                "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}", coordinator);
        assertEquals(quarters.body(), 201, quarters.status());
        assertEquals(4, quarters.json().size());
        assertEquals("1 четверть", quarters.json().get(0).get("name").asText());
        Http.Answer halves = http.post(API + "years/" + yearId + "/periods", "{\"scheme\":\"HALF_YEARS\",\"grades\":[10,11]}", coordinator);
        assertEquals(halves.body(), 201, halves.status());
        assertEquals(2, halves.json().size());

        // The same date falls into different periods for grade 5 and grade 10.
        LocalDate december = LocalDate.of(2026, 12, 1);
        assertEquals("2 четверть", calendar.periodOf(school.id(), 5, december).orElseThrow().name());
        assertEquals("1 полугодие", calendar.periodOf(school.id(), 10, december).orElseThrow().name());
        assertEquals(4, calendar.periods(school.id(), 2026, 9).size());
        assertTrue(calendar.periodOf(school.id(), 5, LocalDate.of(2026, 10, 30)).isEmpty());

        // Overlaps: 409 naming the grade; bad custom periods: 400 naming the field.
        Http.Answer overlap = http.post(API + "years/" + yearId + "/periods",
                "{\"scheme\":\"CUSTOM\",\"grades\":[5],\"periods\":[{\"name\":\"Модуль\",\"start\":\"2026-10-01\",\"end\":\"2026-10-10\"}]}",
                coordinator);
        assertProblem(overlap, 409, null);
        assertTrue(overlap.body(), overlap.json().get("detail").asText().contains("Grade 5"));
        assertTrue(overlap.body(), overlap.json().get("detail").asText().contains("1 четверть"));
        assertProblem(http.post(API + "years/" + yearId + "/periods", "{\"scheme\":\"CUSTOM\",\"grades\":[12],\"periods\":"
                + "[{\"name\":\"A\",\"start\":\"2026-09-01\",\"end\":\"2026-09-30\"}]}", coordinator), 400, "grades[0]");
        assertProblem(http.post(API + "years/" + yearId + "/periods", "{\"scheme\":\"CUSTOM\",\"grades\":[1],\"periods\":"
                + "[{\"name\":\"A\",\"start\":\"2026-09-01\",\"end\":\"2027-07-30\"}]}", coordinator), 400, "periods[0].end");

        // Days off and transfers shape the school days.
        assertEquals(201, http.post(API + "years/" + yearId + "/days-off",
                "{\"kind\":\"HOLIDAY\",\"name\":\"День народного единства\",\"start\":\"2026-11-04\",\"end\":\"2026-11-04\"}", coordinator).status());
        Http.Answer transfer = http.post(API + "years/" + yearId + "/transfers",
                "{\"date\":\"2026-11-07\",\"working\":true,\"timetableOf\":\"WEDNESDAY\"}", coordinator);
        assertEquals(transfer.body(), 201, transfer.status());
        assertTrue(calendar.timetableDay(school.id(), 5, LocalDate.of(2026, 11, 4)).isEmpty());
        assertEquals(DayOfWeek.WEDNESDAY, calendar.timetableDay(school.id(), 5, LocalDate.of(2026, 11, 7)).orElseThrow());
        assertEquals(5, calendar.schoolDays(school.id(), 5, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8)).size());
        assertEquals(204, http.send("DELETE", API + "transfers/" + transfer.json().get("id").asText(), null,
                Map.of("Authorization", "Bearer " + coordinator)).status());
        assertTrue(calendar.timetableDay(school.id(), 5, LocalDate.of(2026, 11, 7)).isEmpty());

        JsonNode full = http.get(years + "/2026", coordinator).json();
        assertEquals(6, full.get("periods").size());
        assertEquals(1, full.get("daysOff").size());
        assertEquals(0, full.get("transfers").size());

        // A listener sees the closing.
        List<DomainEvent> received = new CopyOnWriteArrayList<>();
        String listenerId = "it-calendar-" + UUID.randomUUID();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(DomainEventListener.LISTENER_ID, listenerId);
        props.put(DomainEventListener.EVENT_TYPES, "calendar.");
        ServiceRegistration<DomainEventListener> reg = context.registerService(DomainEventListener.class, received::add, props);
        try {
            // Up to 90 s: after the open boot failure (docs/architecture.md "Testing") the dispatcher can wait out Derby's
            // 60 s lock timeout before it registers a new listener.
            Rows.awaitListener(dataSource, listenerId, Duration.ofSeconds(90));
            String q1 = quarters.json().get(0).get("id").asText();
            Http.Answer closed = http.post(API + "periods/" + q1 + "/close", null, coordinator);
            assertEquals(closed.body(), 200, closed.status());
            assertEquals(ReportingPeriod.CLOSED, closed.json().get("state").asText());
            assertTrue(calendar.isClosed(q1));
            assertProblem(http.post(API + "periods/" + q1 + "/close", null, coordinator), 409, null);
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertEquals(1, received.size());
            assertEquals("calendar.period.closed", received.get(0).type());
            assertEquals(school.id(), received.get(0).schoolId());
            assertTrue(received.get(0).payload(), received.get(0).payload().contains(q1));

            // Reopening: a reason, and a deputy director.
            assertProblem(http.post(API + "periods/" + q1 + "/reopen", "{}", deputy), 400, "reason");
            assertProblem(http.post(API + "periods/" + q1 + "/reopen", "{\"reason\":\"   \"}", deputy), 400, "reason");
            assertProblem(http.post(API + "periods/" + q1 + "/reopen", "{\"reason\":\"Исправление оценки\"}", coordinator), 403, null);
            assertTrue(calendar.isClosed(q1));
            Http.Answer reopened = http.post(API + "periods/" + q1 + "/reopen", "{\"reason\":\"Исправление оценки\"}", deputy);
            assertEquals(reopened.body(), 200, reopened.status());
            assertEquals(ReportingPeriod.OPEN, reopened.json().get("state").asText());
            assertFalse(calendar.isClosed(q1));
            List<AuditEntry> entries = audit.find("reporting-period", q1, 10);
            assertEquals(List.of("reopen", "close", "create"), entries.stream().map(AuditEntry::action).toList());
            assertTrue(entries.get(0).before(), entries.get(0).before().contains("CLOSED"));
            assertTrue(entries.get(0).after(), entries.get(0).after().contains("Исправление оценки"));
            end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < 2 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertEquals("calendar.period.reopened", received.get(1).type());
            assertTrue(received.get(1).payload(), received.get(1).payload().contains("Исправление оценки"));

            // The period a date falls in comes from the reused year, its state from the database each time: a period
            // closed by another node (here: written to the database directly, so this node's reuse is not evicted) is
            // closed for this node's journal at once.
            LocalDate september = LocalDate.of(2026, 9, 15);
            assertEquals(ReportingPeriod.OPEN, calendar.periodOf(school.id(), 5, september).orElseThrow().state());
            updatePeriodState(q1, ReportingPeriod.CLOSED);
            ReportingPeriod seen = calendar.periodOf(school.id(), 5, september).orElseThrow();
            assertEquals(q1, seen.id());
            assertEquals(ReportingPeriod.CLOSED, seen.state());
            updatePeriodState(q1, ReportingPeriod.OPEN);
            assertEquals(ReportingPeriod.OPEN, calendar.periodOf(school.id(), 5, september).orElseThrow().state());

            // The school's own boundaries: the 1st quarter ends on 27.10 instead; a date meeting the 2nd quarter, one outside
            // the year and a missing end are refused, changing nothing; a closed period is not changed.
            Map<String, String> asCoordinator = Map.of("Authorization", "Bearer " + coordinator);
            Http.Answer moved = http.send("PUT", API + "periods/" + q1, "{\"start\":\"2026-09-01\",\"end\":\"2026-10-27\"}", asCoordinator);
            assertEquals(moved.body(), 200, moved.status());
            assertEquals(LocalDate.of(2026, 10, 27), calendar.periodOf(school.id(), 5, LocalDate.of(2026, 10, 27)).orElseThrow().end());
            assertEquals("update", audit.find("reporting-period", q1, 10).get(0).action());
            assertProblem(http.send("PUT", API + "periods/" + q1, "{\"start\":\"2026-09-01\",\"end\":\"2026-11-10\"}", asCoordinator),
                    409, null);
            assertProblem(http.send("PUT", API + "periods/" + q1, "{\"start\":\"2026-08-20\",\"end\":\"2026-10-27\"}", asCoordinator),
                    400, "start");
            assertProblem(http.send("PUT", API + "periods/" + q1, "{\"start\":\"2026-09-01\"}", asCoordinator), 400, "end");
            assertEquals(LocalDate.of(2026, 10, 27), calendar.periodOf(school.id(), 5, LocalDate.of(2026, 10, 27)).orElseThrow().end());
            updatePeriodState(q1, ReportingPeriod.CLOSED);
            assertProblem(http.send("PUT", API + "periods/" + q1, "{\"start\":\"2026-09-01\",\"end\":\"2026-10-25\"}", asCoordinator),
                    409, null);
            updatePeriodState(q1, ReportingPeriod.OPEN);
        } finally {
            reg.unregister();
        }

        // Readers: a parent of a student of the school may read; a parent of another school's student may not.
        String child = importStudent(admin, school.id());
        String parent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(child)));
        Http.Answer read = http.get(years, parent);
        assertEquals(read.body(), 200, read.status());
        assertEquals(1, read.json().size());
        assertEquals(200, http.get(years + "/2026", parent).status());
        assertProblem(http.post(years, year(2027, "2027-09-01", "2028-05-31", 5), parent), 403, null);
        School other = newSchool("Другая школа календаря");
        String otherChild = importStudent(admin, other.id());
        String otherParent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(otherChild)));
        assertProblem(http.get(years, otherParent), 404, null);
        assertProblem(http.get(years + "/2026", otherParent), 404, null);
        String otherCoordinator = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(other.id())));
        assertProblem(http.get(years, otherCoordinator), 404, null);
        assertProblem(http.post(API + "years/" + yearId + "/days-off",
                "{\"kind\":\"HOLIDAY\",\"name\":\"x\",\"start\":\"2026-11-05\",\"end\":\"2026-11-05\"}", otherCoordinator), 404, null);
        assertProblem(http.post(API + "periods/" + quarters.json().get(1).get("id").asText() + "/close", null, otherCoordinator), 404, null);

        // A period made by mistake is deleted (audited) — by the school's administration only; a closed one is not.
        String q4 = quarters.json().get(3).get("id").asText();
        Map<String, String> asCoordinator = Map.of("Authorization", "Bearer " + coordinator);
        assertProblem(http.send("DELETE", API + "periods/" + q4, null, Map.of("Authorization", "Bearer " + parent)), 403, null);
        assertProblem(http.send("DELETE", API + "periods/" + q4, null, Map.of("Authorization", "Bearer " + otherCoordinator)), 404, null);
        updatePeriodState(q4, ReportingPeriod.CLOSED);
        assertProblem(http.send("DELETE", API + "periods/" + q4, null, asCoordinator), 409, null);
        updatePeriodState(q4, ReportingPeriod.OPEN);
        assertEquals(204, http.send("DELETE", API + "periods/" + q4, null, asCoordinator).status());
        assertEquals(3, calendar.periods(school.id(), 2026, 5).size());
        assertEquals(List.of("delete", "create"), audit.find("reporting-period", q4, 10).stream().map(AuditEntry::action).toList());
        // With the other quarters gone too, the grades' periods are made again (a grade keeps one scheme).
        for (int i = 0; i < 3; i++) {
            assertEquals(204, http.send("DELETE", API + "periods/" + quarters.json().get(i).get("id").asText(), null, asCoordinator).status());
        }
        assertTrue(calendar.periods(school.id(), 2026, 5).isEmpty());
        Http.Answer again = http.post(API + "years/" + yearId + "/periods", "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}",
                coordinator);
        assertEquals(again.body(), 201, again.status());
        assertEquals(4, calendar.periods(school.id(), 2026, 5).size());
    }

    @Test
    public void demoYearIsLoadedOnce() throws Exception {
        KarafOptions.awaitDemoContributors(context, "roster", "calendar");
        demo.load();
        demo.load();
        School school = tenants.municipalities().stream().flatMap(m -> tenants.schools(m.id()).stream()).filter(x -> roster.classes(x.id(), RosterQuery.academicYearOf(clock.today())).size() > 30)
                .findFirst().orElseThrow();
        int y = RosterQuery.academicYearOf(clock.today());
        var year = calendar.year(school.id(), y).orElseThrow();
        assertEquals(5, year.workingDays());
        assertEquals(4, calendar.periods(school.id(), y, 9).size());
        assertEquals(2, calendar.periods(school.id(), y, 11).size());
        // The extra February week is a vacation for the 1st grade only.
        LocalDate feb = LocalDate.of(y + 1, 2, 15).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).plusDays(1);
        assertTrue(calendar.timetableDay(school.id(), 1, feb).isEmpty());
        assertEquals(DayOfWeek.TUESDAY, calendar.timetableDay(school.id(), 2, feb).orElseThrow());
        assertTrue(calendar.timetableDay(school.id(), 5, LocalDate.of(y, 11, 4)).isEmpty());
        assertTrue(calendar.timetableDay(school.id(), 5, LocalDate.of(y, 12, 30)).isEmpty());
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        JsonNode full = http.get(API + "schools/" + school.id() + "/years/" + y, admin).json();
        assertEquals(6, full.get("periods").size());
        int daysOff = full.get("daysOff").size();
        assertTrue(full.toString(), daysOff >= 8);
    }

    private void updatePeriodState(String periodId, String state) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE zh_c_period SET period_state = ? WHERE id = ?")) {
            ps.setString(1, state);
            ps.setString(2, periodId);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
