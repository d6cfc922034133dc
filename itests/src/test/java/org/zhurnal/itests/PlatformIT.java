package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;
import javax.transaction.UserTransaction;

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
import org.zhurnal.core.api.audit.AuditEntry;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.audit.AuditVerification;
import org.zhurnal.core.api.event.DomainEvent;
import org.zhurnal.core.api.event.DomainEventListener;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.IssuedCredentials;
import org.zhurnal.security.api.NewAccount;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform, booted from the real distribution: health, sign-in, access control, problem documents,
 * audit chain, domain events, hot deploy. One Karaf boot for all (PerClass).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {
    private static final String ADMIN = KarafOptions.ADMIN_PASSWORD;

    @Inject
    BundleContext context;
    @Inject
    AuditLog audit;
    @Inject
    AccountService accounts;
    @Inject
    TenantService tenants;
    @Inject
    DomainEvents events;
    @Inject
    UserTransaction utx;
    @Inject
    javax.transaction.TransactionManager tm;
    @Inject
    org.apache.karaf.features.FeaturesService features;
    @Inject
    @Filter("(osgi.jndi.service.name=zhurnal)")
    DataSource dataSource;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution();
    }

    /** Injected services can be there before the HTTP side is: wait until the platform reports healthy. */
    @org.junit.Before
    public void platformIsUp() throws Exception {
        Http.Answer health = http.await("/api/v1/health", 200, java.time.Duration.ofSeconds(120));
        assertEquals(health.body(), 200, health.status());
    }

    /**
     * The bootstrap administrator's token. Pax Exam does not pass the environment to Karaf, so the admin
     * was created with a generated temporary password in data/; the first call signs in with it and sets
     * the known one — which also exercises the first-start path.
     */
    private String admin() {
        Http.Answer a = http.post("/api/v1/auth/login", "{\"login\":\"admin\",\"password\":\"" + ADMIN + "\"}", Map.of());
        if (a.status() == 200) {
            return a.json().get("token").asText();
        }
        try {
            Path file = Paths.get(System.getProperty("karaf.data"), "zhurnal-admin-password.txt");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String temporary = Files.readAllLines(file).get(0).strip();
            Http.Answer first = http.post("/api/v1/auth/login", "{\"login\":\"admin\",\"password\":\"" + temporary + "\"}", Map.of());
            assertEquals(first.body(), 200, first.status());
            assertTrue(first.json().get("mustChangePassword").asBoolean());
            String token = first.json().get("token").asText();
            Http.Answer changed = http.post("/api/v1/auth/password", "{\"currentPassword\":\"" + temporary
                    + "\",\"newPassword\":\"" + ADMIN + "\"}", token);
            assertEquals(changed.body(), 204, changed.status());
            return http.login("admin", ADMIN);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Creates an account with a known password and the given grant, and signs it in. */
    private String accountWith(Grant grant) {
        String login = "it" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(login, "Тестов Тест Тестович", null, "system", List.of(grant), "Test-Passw0rd-42"));
        return http.login(login, "Test-Passw0rd-42");
    }

    private static void assertProblem(Http.Answer a, int status, String type) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        JsonNode p = a.json();
        assertEquals("urn:zhurnal:problem:" + type, p.get("type").asText());
        assertEquals(status, p.get("status").asInt());
        assertFalse("stack trace leaked: " + a.body(), a.body().contains("at org.") || a.body().contains("Exception"));
    }

    @Test
    public void healthListsTheModulesAndTheDatabaseToAdministratorsOnly() throws Exception {
        Http.Answer a = http.await("/api/v1/health", 200, Duration.ofSeconds(60));
        assertEquals(a.body(), 200, a.status());
        // Anyone (a probe, a load balancer) gets the status and the database's state, and nothing that names the
        // software or its versions.
        JsonNode open = a.json();
        assertEquals("UP", open.get("status").asText());
        assertEquals("UP", open.get("database").get("state").asText());
        assertFalse(a.body(), open.has("modules") || open.get("database").has("product"));
        assertFalse(a.body(), a.body().contains("org.zhurnal") || a.body().contains("Derby") || a.body().contains("0.1.0"));
        // A signed-in parent is no operator either.
        String parent = accountWith(new Grant(Role.PARENT, ScopeRef.student(UUID.randomUUID().toString())));
        Http.Answer asParent = http.get("/api/v1/health", parent);
        assertEquals(200, asParent.status());
        assertFalse(asParent.body(), asParent.json().has("modules"));
        // The system administrator sees every module with its version and state, and the database product.
        Http.Answer full = http.get("/api/v1/health", admin());
        JsonNode h = full.json();
        assertEquals("UP", h.get("status").asText());
        List<String> names = new ArrayList<>();
        h.get("modules").forEach(m -> {
            names.add(m.get("name").asText());
            assertEquals(m.toString(), "ACTIVE", m.get("state").asText());
            assertFalse(m.get("version").asText().isEmpty());
        });
        assertTrue(names.toString(), names.containsAll(List.of("org.zhurnal.core.api", "org.zhurnal.core.impl",
                "org.zhurnal.security.api", "org.zhurnal.security.impl", "org.zhurnal.rest", "org.zhurnal.web")));
        assertEquals(KarafOptions.postgres() ? "PostgreSQL" : "Apache Derby", h.get("database").get("product").asText());
    }

    /**
     * Derby's JDK packages are wired statically through the org.zhurnal.derby.imports fragment, so no class
     * Derby loads during boot depends on a dynamic import (which Felix may interrupt while activators run).
     */
    @Test
    public void derbyWiresItsJdkPackagesStatically() {
        org.osgi.framework.Bundle derby = java.util.Arrays.stream(context.getBundles())
                .filter(b -> "derby".equals(b.getSymbolicName())).findFirst().orElseThrow();
        org.osgi.framework.wiring.BundleWiring wiring = derby.adapt(org.osgi.framework.wiring.BundleWiring.class);
        List<String> fragments = new ArrayList<>();
        wiring.getProvidedWires(org.osgi.framework.wiring.BundleRevision.HOST_NAMESPACE)
                .forEach(w -> fragments.add(w.getRequirer().getSymbolicName()));
        assertEquals(List.of("org.zhurnal.derby.imports"), fragments);
        List<String> wired = new ArrayList<>();
        wiring.getRequiredWires(org.osgi.framework.wiring.BundleRevision.PACKAGE_NAMESPACE).forEach(w -> wired.add(
                (String) w.getCapability().getAttributes().get(org.osgi.framework.wiring.BundleRevision.PACKAGE_NAMESPACE)));
        assertTrue(wired.toString(), wired.containsAll(List.of("javax.naming", "javax.naming.spi", "javax.sql", "javax.management")));
    }

    @Test
    public void loginWorksAndAWrongPasswordIsRefused() {
        admin();
        Http.Answer ok = http.post("/api/v1/auth/login", "{\"login\":\"admin\",\"password\":\"" + ADMIN + "\"}", Map.of());
        assertEquals(ok.body(), 200, ok.status());
        String token = ok.json().get("token").asText();
        assertTrue("token must carry ≥ 128 bits", token.length() >= 22);
        assertTrue(ok.raw().headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("ZHURNAL_SESSION=") && c.contains("HttpOnly") && c.contains("SameSite=Strict")));
        Http.Answer me = http.get("/api/v1/auth/me", token);
        assertEquals(200, me.status());
        assertEquals("admin", me.json().get("login").asText());

        assertProblem(http.post("/api/v1/auth/login", "{\"login\":\"admin\",\"password\":\"nope-nope\"}", Map.of()), 401,
                "unauthenticated");
        assertProblem(http.post("/api/v1/auth/login", "{\"login\":\"nobody-here\",\"password\":\"nope-nope\"}", Map.of()), 401,
                "unauthenticated");

        // The session ends with logout.
        assertEquals(204, http.post("/api/v1/auth/logout", null, token).status());
        assertProblem(http.get("/api/v1/auth/me", token), 401, "unauthenticated");
    }

    @Test
    public void withoutTokenIs401AndWithTheWrongRoleIs403() {
        assertProblem(http.get("/api/v1/schools"), 401, "unauthenticated");
        assertProblem(http.get("/api/v1/schools", "not-a-real-token"), 401, "unauthenticated");
        String parent = accountWith(new Grant(Role.PARENT, ScopeRef.student(UUID.randomUUID().toString())));
        assertProblem(http.get("/api/v1/admin/audit/verify", parent), 403, "forbidden");
        assertProblem(http.get("/api/v1/accounts", parent), 403, "forbidden");
        assertProblem(http.post("/api/v1/municipalities", "{\"name\":\"Чужой округ\"}", parent), 403, "forbidden");
        // A parent sees no school at all.
        Http.Answer schools = http.get("/api/v1/schools", parent);
        assertEquals(200, schools.status());
        assertEquals(0, schools.json().size());
    }

    @Test
    public void aMunicipalAdminSeesOnlyTheirMunicipality() {
        String admin = admin();
        JsonNode m1 = http.post("/api/v1/municipalities", "{\"name\":\"Округ А\"}", admin).json();
        JsonNode m2 = http.post("/api/v1/municipalities", "{\"name\":\"Округ Б\"}", admin).json();
        JsonNode s1 = http.post("/api/v1/schools", "{\"municipalityId\":\"" + m1.get("id").asText()
                + "\",\"shortName\":\"Школа А1\"}", admin).json();
        JsonNode s2 = http.post("/api/v1/schools", "{\"municipalityId\":\"" + m2.get("id").asText()
                + "\",\"shortName\":\"Школа Б1\"}", admin).json();
        String mun = accountWith(new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality(m1.get("id").asText())));
        assertEquals(200, http.get("/api/v1/schools/" + s1.get("id").asText(), mun).status());
        assertProblem(http.get("/api/v1/schools/" + s2.get("id").asText(), mun), 404, "not-found");
        List<String> visible = new ArrayList<>();
        http.get("/api/v1/schools", mun).json().forEach(s -> visible.add(s.get("id").asText()));
        assertEquals(List.of(s1.get("id").asText()), visible);
        assertProblem(http.post("/api/v1/schools", "{\"municipalityId\":\"" + m2.get("id").asText()
                + "\",\"shortName\":\"Захват\"}", mun), 403, "forbidden");
        // A coordinator of school A1 administers only its own accounts.
        String coord = accountWith(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(s1.get("id").asText())));
        assertEquals(200, http.get("/api/v1/accounts?schoolId=" + s1.get("id").asText(), coord).status());
        assertProblem(http.get("/api/v1/accounts?schoolId=" + s2.get("id").asText(), coord), 403, "forbidden");
        assertProblem(http.post("/api/v1/accounts", "{\"displayName\":\"Злой Админ\",\"schoolId\":\"" + s1.get("id").asText()
                + "\",\"grants\":[{\"role\":\"SYSTEM_ADMIN\",\"scope\":{\"type\":\"SYSTEM\",\"id\":\"system\"}}]}", coord), 403, "forbidden");
    }

    @Test
    public void badInputGives400ProblemsAndChangesNothing() {
        String admin = admin();
        int before = tenants.municipalities().size();
        assertProblem(http.post("/api/v1/municipalities", "{\"name\": ", admin), 400, "malformed-json");
        assertProblem(http.post("/api/v1/municipalities", "not json at all", admin), 400, "malformed-json");
        Http.Answer unknown = http.post("/api/v1/municipalities", "{\"name\":\"X\",\"colour\":\"red\"}", admin);
        assertProblem(unknown, 400, "validation");
        assertEquals("colour", unknown.json().get("field").asText());
        Http.Answer blank = http.post("/api/v1/municipalities", "{\"name\":\"  \"}", admin);
        assertProblem(blank, 400, "validation");
        assertEquals("name", blank.json().get("field").asText());
        Http.Answer tz = http.post("/api/v1/schools", "{\"municipalityId\":\"" + tenants.municipalities().get(0).id()
                + "\",\"shortName\":\"Школа\",\"timeZone\":\"Mars/Olympus\"}", admin);
        assertProblem(tz, 400, "validation");
        assertEquals("timeZone", tz.json().get("field").asText());
        Http.Answer role = http.post("/api/v1/accounts", "{\"displayName\":\"А Б\",\"grants\":[{\"role\":\"KING\","
                + "\"scope\":{\"type\":\"SYSTEM\",\"id\":\"system\"}}]}", admin);
        assertProblem(role, 400, "validation");
        assertEquals("grants[0].role", role.json().get("field").asText());
        assertProblem(http.post("/api/v1/auth/login", "{}", Map.of()), 400, "validation");
        assertProblem(http.post("/api/v1/municipalities", null, admin), 400, "validation");
        assertProblem(http.send("PUT", "/api/v1/municipalities", "{}", Map.of("Authorization", "Bearer " + admin)), 405,
                "method-not-allowed");
        assertProblem(http.get("/api/v1/no/such/thing", admin), 404, "not-found");
        assertEquals(before, tenants.municipalities().size());
    }

    @Test
    public void everyWriteIsAuditedAndTheChainVerifies() {
        String admin = admin();
        JsonNode m = http.post("/api/v1/municipalities", "{\"name\":\"Аудитный округ\"}", admin).json();
        List<AuditEntry> entries = audit.find("municipality", m.get("id").asText(), 10);
        assertEquals(1, entries.size());
        AuditEntry e = entries.get(0);
        assertEquals("admin", e.actorLogin());
        assertEquals("create", e.action());
        assertTrue(e.after(), e.after().contains("Аудитный округ"));
        assertFalse(e.requestId().isBlank());
        Http.Answer v = http.get("/api/v1/admin/audit/verify", admin);
        assertEquals(200, v.status());
        assertTrue(v.body(), v.json().get("valid").asBoolean());
        assertTrue(v.json().get("entries").asLong() > 0);
    }

    @Test
    public void tamperingWithAnAuditRowIsDetected() throws Exception {
        String admin = admin();
        JsonNode m = http.post("/api/v1/municipalities", "{\"name\":\"Честный округ\"}", admin).json();
        AuditEntry e = audit.find("municipality", m.get("id").asText(), 1).get(0);
        String id = e.chain() + ":" + e.seq();
        assertTrue(audit.verify().valid());
        update("UPDATE zh_audit_entry SET after_json = ? WHERE id = ?", e.after().replace("Честный", "Нечестный"), id);
        try {
            AuditVerification v = audit.verify();
            assertFalse(v.valid());
            assertTrue(v.problems().toString(), v.problems().stream().anyMatch(p -> p.contains("#" + e.seq())));
            Http.Answer rest = http.get("/api/v1/admin/audit/verify", admin);
            assertFalse(rest.json().get("valid").asBoolean());
        } finally {
            update("UPDATE zh_audit_entry SET after_json = ? WHERE id = ?", e.after(), id);
        }
        assertTrue(audit.verify().valid());
        // Removing the newest entry of a chain is detected through the chain head.
        String last = lastEntryId(e.chain());
        String[] saved = readEntry(last);
        update("DELETE FROM zh_audit_entry WHERE id = ?", last);
        try {
            assertFalse(audit.verify().valid());
        } finally {
            restoreEntry(saved);
        }
        assertTrue(audit.verify().valid());
        // A fork (a second entry with a chain's existing sequence number) is refused by the table's key.
        String[] fork = saved.clone();
        fork[0] = saved[0] + "-fork";
        SQLException refused = assertThrows(SQLException.class, () -> restoreEntry(fork));
        assertTrue(refused.getSQLState(), refused.getSQLState().startsWith("23"));
        assertTrue(audit.verify().valid());
    }

    @Test
    public void domainEventsAreDeliveredAfterCommitInOrderAndRetried() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(1);
        DomainEventListener listener = event -> {
            if (event.payload().contains("\"n\":2") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("simulated failure");
            }
            received.add(event.type() + ":" + payloadN(event));
        };
        ServiceRegistration<DomainEventListener> reg = registerListener("it-", "it.", false, listener);
        try {
            utx.begin();
            events.publish("it.rolled-back", "system", Map.of("n", 0));
            utx.rollback();
            utx.begin();
            for (int i = 1; i <= 3; i++) {
                events.publish("it.happened", "system", Map.of("n", i));
            }
            events.publish("other.ignored", "system", Map.of("n", 9));
            utx.commit();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < 3 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertEquals(List.of("it.happened:1", "it.happened:2", "it.happened:3"), received);
            assertEquals(-1, failuresLeft.get());
        } finally {
            reg.unregister();
        }
    }

    /** Registers a listener of the type prefix under a fresh id and waits until the dispatcher knows it. */
    private ServiceRegistration<DomainEventListener> registerListener(String idPrefix, String types, boolean batch, DomainEventListener listener)
            throws Exception {
        Hashtable<String, Object> props = new Hashtable<>();
        String listenerId = idPrefix + UUID.randomUUID();
        props.put(DomainEventListener.LISTENER_ID, listenerId);
        props.put(DomainEventListener.EVENT_TYPES, types);
        if (batch) {
            props.put(DomainEventListener.BATCH, Boolean.TRUE);
        }
        ServiceRegistration<DomainEventListener> reg = context.registerService(DomainEventListener.class, listener, props);
        try {
            Rows.awaitListener(dataSource, listenerId, Duration.ofSeconds(20));
        } catch (Exception | AssertionError e) {
            reg.unregister();
            throw e;
        }
        return reg;
    }

    @Test
    public void batchListenersGetSeveralEventsPerTransactionAndAFailedBatchIsOfferedOneByOne() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        List<Object> transactions = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(2); // the batch and then the single attempt fail
        DomainEventListener listener = event -> {
            transactions.add(tm.getTransaction());
            if (event.payload().contains("\"n\":2") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("simulated failure");
            }
            received.add(payloadN(event));
        };
        ServiceRegistration<DomainEventListener> reg = registerListener("it-batch-", "it.", true, listener);
        try {
            utx.begin();
            for (int i = 1; i <= 4; i++) {
                events.publish("it.batched", "system", Map.of("n", i));
            }
            utx.commit();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (new java.util.LinkedHashSet<>(received).size() < 4 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            // The first batch failed at event 2 and was rolled back; event 1 was then offered on its own (a second time),
            // event 2 failed on its own too and backed off; after the backoff 2, 3 and 4 came in one batch.
            assertEquals(List.of("1", "2", "3", "4"), new ArrayList<>(new java.util.LinkedHashSet<>(received)));
            assertEquals(List.of("1", "1", "2", "3", "4"), received);
            assertEquals(-1, failuresLeft.get());
            int n = transactions.size();
            assertTrue("one transaction for the last batch: " + transactions, transactions.get(n - 1) == transactions.get(n - 2)
                    && transactions.get(n - 2) == transactions.get(n - 3));
            assertTrue("the failed batch and the single delivery of event 1 had their own transactions",
                    transactions.get(0) != transactions.get(2));
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void aBatchListenerThatTakesItsEventsTogetherGetsThemInOneCallInOrder() throws Exception {
        List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
        DomainEventListener listener = new DomainEventListener() {
            @Override
            public void onEvent(DomainEvent event) {
                calls.add(List.of("single:" + payloadN(event)));
            }

            @Override
            public void onEvents(List<DomainEvent> batch) {
                calls.add(batch.stream().map(PlatformIT::payloadN).toList());
            }
        };
        ServiceRegistration<DomainEventListener> reg = registerListener("it-together-batch-", "it.joint.", true, listener);
        try {
            utx.begin();
            events.publishAll(List.of(new DomainEvents.Draft("it.joint.a", "system", Map.of("n", 1)),
                    new DomainEvents.Draft("other.skipped", "system", Map.of("n", 9)),
                    new DomainEvents.Draft("it.joint.b", "system", Map.of("n", 2)),
                    new DomainEvents.Draft("it.joint.a", "system", Map.of("n", 3))));
            utx.commit();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (calls.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            Thread.sleep(500); // nothing more may come
            assertEquals(List.of(List.of("1", "2", "3")), calls);
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void eventsPublishedTogetherShareOneRowAndAreDeliveredOneByOneFromInsideIt() throws Exception {
        List<DomainEvent> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failuresLeft = new AtomicInteger(1); // the third event fails once: progress stops inside the row
        DomainEventListener listener = event -> {
            if (payloadN(event).equals("3") && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("simulated failure");
            }
            received.add(event);
        };
        ServiceRegistration<DomainEventListener> reg = registerListener("it-together-", "it.together.", false, listener);
        try {
            String school = UUID.randomUUID().toString();
            utx.begin();
            events.publishAll(List.of(new DomainEvents.Draft("it.together.a", "system", Map.of("n", 1)),
                    new DomainEvents.Draft("it.together.b", school, Map.of("n", 2)),
                    new DomainEvents.Draft("other.skipped", "system", Map.of("n", 9)),
                    new DomainEvents.Draft("it.together.a", "system", Map.of("n", 3)),
                    new DomainEvents.Draft("it.together.b", "system", Map.of("n", 4))));
            utx.commit();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < 4 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            // One per transaction: 1 and 2 were kept when 3 failed, so after the backoff only 3 and 4 came (no repeat).
            assertEquals(List.of("1", "2", "3", "4"), received.stream().map(PlatformIT::payloadN).toList());
            assertEquals(List.of("it.together.a", "it.together.b", "it.together.a", "it.together.b"),
                    received.stream().map(DomainEvent::type).toList());
            assertEquals(school, received.get(1).schoolId());
            assertEquals(-1, failuresLeft.get());
            long first = received.get(0).position();
            assertEquals("one position per event, the skipped one included",
                    List.of(first, first + 1, first + 3, first + 4), received.stream().map(DomainEvent::position).toList());
            assertEquals(4, received.stream().map(DomainEvent::id).distinct().count());
            // The five events are one outbox row, found by its first event's id.
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT batch_size, pos FROM zh_event WHERE id = ?")) {
                ps.setString(1, received.get(0).id());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(5, rs.getInt(1));
                    assertEquals(first + 4, rs.getLong(2));
                }
            }
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void aBundleDroppedIntoDeployServesRestWithoutRestartAndLeavesWhenRemoved() throws Exception {
        Path jar = Paths.get(System.getProperty("zhurnal.example.jar"));
        assertTrue("example bundle not built: " + jar, Files.exists(jar));
        assertEquals(404, http.get("/api/v1/hello?name=Exam").status());
        String admin = admin();
        assertFalse(http.get("/api/v1/ui/contributions", admin).body().contains("example.hello"));
        Path target = Paths.get(System.getProperty("karaf.base"), "deploy", "zhurnal-example-hello.jar");
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        try {
            Http.Answer a = http.await("/api/v1/hello?name=Exam", 200, Duration.ofSeconds(30));
            assertEquals(a.body(), 200, a.status());
            assertEquals("Привет, Exam!", a.json().get("message").asText());
            assertTrue(http.get("/api/v1/openapi.json").body().contains("/hello"));
            // Its page joins the shell's menu and its static files are served.
            assertTrue(http.get("/api/v1/ui/contributions", admin).body().contains("Пример модуля"));
            Http.Answer page = http.get("/ui/hello/index.html");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("hello.js"));
            assertTrue("module pages get the shell's security headers",
                    page.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        } finally {
            Files.delete(target);
        }
        Http.Answer gone = http.await("/api/v1/hello?name=Exam", 404, Duration.ofSeconds(30));
        assertEquals(404, gone.status());
        assertFalse(http.get("/api/v1/ui/contributions", admin).body().contains("example.hello"));
        assertEquals(404, http.get("/ui/hello/index.html").status());
        assertEquals(200, http.get("/api/v1/health").status());
    }

    /**
     * The API watch: when requests under /api/v1 stop reaching the REST servlet although its component is up (here: a
     * higher-ranked servlet on the same pattern shadows it), the watch registers the servlet again within a few probes;
     * once the path is free the API answers again.
     */
    @Test
    public void theApiWatchReRegistersTheRestServletWhenRequestsStopReachingIt() throws Exception {
        String filter = "(osgi.http.whiteboard.servlet.name=zhurnal-api)";
        long before = (Long) context.getServiceReferences(javax.servlet.Servlet.class, filter).iterator().next().getProperty("service.id");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/api/v1/*");
        props.put("osgi.http.whiteboard.servlet.name", "impostor");
        props.put("service.ranking", 1000);
        ServiceRegistration<javax.servlet.Servlet> impostor = context.registerService(javax.servlet.Servlet.class,
                new javax.servlet.http.HttpServlet() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected void service(javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
                            throws java.io.IOException {
                        resp.setStatus(418);
                        resp.getWriter().write("impostor");
                    }
                }, props);
        try {
            assertEquals("the impostor shadows the API", 418, http.await("/api/v1/health", 418, Duration.ofSeconds(30)).status());
            long after = before;
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (after == before && System.nanoTime() < end) {
                Thread.sleep(500);
                var refs = context.getServiceReferences(javax.servlet.Servlet.class, filter);
                after = refs.isEmpty() ? before : (Long) refs.iterator().next().getProperty("service.id");
            }
            assertNotEquals("the watch registered the REST servlet again", before, after);
        } finally {
            impostor.unregister();
        }
        Http.Answer back = http.await("/api/v1/health", 200, Duration.ofSeconds(30));
        assertEquals(back.body(), 200, back.status());
        assertEquals("answered by the REST servlet", "x-1", http.get("/api/v1/health", Map.of("X-Request-Id", "x-1"))
                .raw().headers().firstValue("X-Request-Id").orElse(null));

        // Without the REST servlet (its component disabled by an operator), /api/* gets a 503 problem, whatever the
        // method, and the watch leaves a disabled component alone.
        var scrRef = context.getServiceReference(org.osgi.service.component.runtime.ServiceComponentRuntime.class);
        var scr = context.getService(scrRef);
        var description = java.util.Arrays.stream(context.getBundles()).filter(b -> "org.zhurnal.rest".equals(b.getSymbolicName()))
                .map(b -> scr.getComponentDescriptionDTO(b, "org.zhurnal.rest.internal.ApiServlet")).findFirst().orElseThrow();
        scr.disableComponent(description).getValue();
        try {
            Http.Answer down = http.await("/api/v1/health", 503, Duration.ofSeconds(30));
            assertProblem(down, 503, "unavailable");
            assertEquals("5", down.raw().headers().firstValue("Retry-After").orElse(null));
            assertProblem(http.post("/api/v1/auth/login", "{}", Map.of()), 503, "unavailable");
            Thread.sleep(12_000); // more than three of the watch's probes
            assertEquals(503, http.get("/api/v1/health").status());
        } finally {
            scr.enableComponent(description).getValue();
            context.ungetService(scrRef);
        }
        assertEquals(200, http.await("/api/v1/health", 200, Duration.ofSeconds(30)).status());
    }

    @Test
    public void cookieSessionsNeedTheCsrfTokenForWrites() {
        admin();
        Http.Answer login = http.post("/api/v1/auth/login", "{\"login\":\"admin\",\"password\":\"" + ADMIN + "\"}", Map.of());
        String token = login.json().get("token").asText();
        String csrf = login.json().get("csrfToken").asText();
        Map<String, String> cookie = Map.of("Cookie", "ZHURNAL_SESSION=" + token);
        assertEquals(200, http.get("/api/v1/auth/me", cookie).status());
        assertProblem(http.post("/api/v1/municipalities", "{\"name\":\"CSRF\"}", cookie), 403, "csrf");
        assertProblem(http.post("/api/v1/municipalities", "{\"name\":\"CSRF\"}",
                Map.of("Cookie", "ZHURNAL_SESSION=" + token, "X-CSRF-Token", "forged")), 403, "csrf");
        assertEquals(201, http.post("/api/v1/municipalities", "{\"name\":\"Округ с CSRF\"}",
                Map.of("Cookie", "ZHURNAL_SESSION=" + token, "X-CSRF-Token", csrf)).status());
    }

    @Test
    public void aTemporaryPasswordMustBeChangedFirst() {
        String login = "tmp" + UUID.randomUUID().toString().substring(0, 8);
        IssuedCredentials issued = accounts.create(new NewAccount(login, "Временный Пользователь", null, "system",
                List.of(new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality("m-" + login))), null));
        assertNotNull(issued.temporaryPassword());
        Http.Answer login1 = http.post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\""
                + issued.temporaryPassword() + "\"}", Map.of());
        assertTrue(login1.json().get("mustChangePassword").asBoolean());
        String token = login1.json().get("token").asText();
        assertProblem(http.get("/api/v1/schools", token), 403, "password-change-required");
        Http.Answer weak = http.post("/api/v1/auth/password", "{\"currentPassword\":\"" + issued.temporaryPassword()
                + "\",\"newPassword\":\"short\"}", token);
        assertProblem(weak, 400, "validation");
        assertEquals("newPassword", weak.json().get("field").asText());
        assertEquals(204, http.post("/api/v1/auth/password", "{\"currentPassword\":\"" + issued.temporaryPassword()
                + "\",\"newPassword\":\"My-Own-Passw0rd\"}", token).status());
        assertEquals(200, http.get("/api/v1/schools", token).status());
        assertEquals(200, http.post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"My-Own-Passw0rd\"}",
                Map.of()).status());
    }

    @Test
    public void repeatedFailuresLockTheAccount() {
        String login = "lock" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(login, "Забывчивый Пользователь", null, "system",
                List.of(new Grant(Role.PARENT, ScopeRef.student("x"))), "Right-Passw0rd-1"));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"wrong-" + i + "\"}",
                    Map.of()).status());
        }
        // Locked now: even the right password is refused until the lock expires.
        assertProblem(http.post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"Right-Passw0rd-1\"}",
                Map.of()), 429, "too-many-requests");
        assertTrue(audit.find("account", accounts.byLogin(login).get().id(), 10).stream()
                .anyMatch(e -> e.action().equals("lock")));
    }

    @Test
    public void openApiDescribesTheInstalledModulesAndTheShellIsServed() {
        JsonNode api = http.get("/api/v1/openapi.json").json();
        assertEquals("3.0.1", api.get("openapi").asText());
        assertTrue(api.get("paths").has("/auth/login"));
        assertTrue(api.get("paths").has("/health"));
        assertTrue(api.get("paths").has("/admin/audit/verify"));
        Http.Answer ui = http.get("/");
        assertEquals(200, ui.status());
        assertTrue(ui.body().contains("Вход в систему"));
        assertTrue(ui.raw().headers().firstValue("Content-Security-Policy").isPresent());
        assertEquals(200, http.get("/app.js").status());
        // The site's icon: no 404 on every page a browser opens by itself.
        Http.Answer icon = http.get("/favicon.ico");
        assertEquals(200, icon.status());
        assertTrue(icon.body(), icon.body().startsWith("<svg"));
        Http.Answer traversal = http.get("/..%2Fetc/users.properties");
        assertTrue(traversal.body(), traversal.status() >= 400 && !traversal.body().contains("admingroup"));
    }

    /**
     * Every operation the OpenAPI description lists, called with ids that do not exist and with query values and bodies
     * that are wrong (not a date, empty, too long, malformed JSON, JSON of the wrong shape), by the system administrator
     * and by a parent: never a 5xx, every error an {@code application/problem+json} without a stack trace.
     */
    @Test
    public void everyOperationAnswersBadInputWithAProblemNeverA500() {
        String admin = http.login("admin", ADMIN);
        String login = "sweep" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(login, "Проверяющий Родитель", null, "system",
                List.of(new Grant(Role.PARENT, ScopeRef.student("x"))), "Sweep-Passw0rd-1"));
        String parent = http.login(login, "Sweep-Passw0rd-1");
        JsonNode paths = http.get("/api/v1/openapi.json").json().get("paths");
        List<String> ids = List.of("x", "00000000-0000-0000-0000-000000000000");
        List<String> values = List.of("x", "", "2026-02-30", "9".repeat(300), "999999999", "-1");
        List<String> bodies = java.util.Arrays.asList(null, "{}", "[]", "not json", "{\"id\":{\"x\":[1]},\"name\":7,\"date\":\"x\"}");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (path.getKey().equals("/auth/logout") || path.getKey().equals("/auth/password")) {
                    continue; // would end the callers' sessions or change their passwords
                }
                List<String> query = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.get("name").asText());
                    }
                });
                for (String id : ids) {
                    String url = "/api/v1" + path.getKey().replaceAll("\\{[^}]+}", id);
                    List<String> urls = new ArrayList<>(List.of(url));
                    if (method.equals("GET")) {
                        for (String q : query) {
                            values.forEach(v -> urls.add(url + "?" + q + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
                        }
                        if (query.size() > 1) { // every parameter at once: checks that only run once the others pass
                            values.forEach(v -> urls.add(url + "?" + String.join("&", query.stream()
                                    .map(q -> q + "=" + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).toList())));
                        }
                    }
                    for (String u : urls) {
                        for (String body : method.equals("GET") || method.equals("DELETE") ? java.util.Collections.<String>singletonList(null) : bodies) {
                            for (String token : List.of(admin, parent)) {
                                Http.Answer a = http.send(method, u, body, Map.of("Authorization", "Bearer " + token));
                                requests++;
                                boolean leak = a.body().contains("\tat ") || a.body().contains("at org.") || a.body().contains("Exception");
                                if (a.status() >= 500 || leak || a.status() >= 400 && !a.contentType().startsWith("application/problem+json")) {
                                    failures.add(a.status() + " " + method + " " + u + (body == null ? "" : " " + body) + " ("
                                            + (token.equals(admin) ? "admin" : "parent") + "): "
                                            + a.body().substring(0, Math.min(200, a.body().length())));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(requests + " requests", requests > 1000);
        assertTrue(failures.size() + " of " + requests + " answers:\n" + String.join("\n", failures), failures.isEmpty());
    }

    @Test
    public void theKarafWebConsoleHasNoDefaultPasswordAndShowsTheZhurnalPage() throws Exception {
        String users = Files.readString(Paths.get(System.getProperty("karaf.etc"), "users.properties"));
        assertFalse(users, users.contains("karaf = karaf"));
        assertTrue("the admin password is stored hashed", users.contains("admin = {CRYPT}"));
        assertFalse(users, users.contains(ADMIN));
        features.installFeature("webconsole");
        String basicAdmin = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes("UTF-8"));
        String basicKaraf = "Basic " + java.util.Base64.getEncoder().encodeToString("karaf:karaf".getBytes("UTF-8"));
        Http.Answer page = null;
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            page = http.get("/system/console/zhurnal", Map.of("Authorization", basicAdmin));
            if (page.status() == 200) {
                break;
            }
            Thread.sleep(300);
        }
        assertEquals(page.body(), 200, page.status());
        assertTrue(page.body(), page.body().contains("org.zhurnal.core.impl"));
        assertTrue(page.body(), page.body().contains("AuditLog"));
        assertEquals(401, http.get("/system/console/zhurnal").status());
        assertEquals(401, http.get("/system/console/zhurnal", Map.of("Authorization", basicKaraf)).status());
    }

    private static String payloadN(DomainEvent e) {
        return e.payload().replaceAll(".*\"n\":(\\d+).*", "$1");
    }

    private void update(String sql, String... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private String lastEntryId(String chain) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM zh_audit_entry WHERE chain_id = ? ORDER BY seq DESC")) {
            ps.setString(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static final String COLUMNS = "id, chain_id, seq, recorded_at, actor_id, actor_login, request_id, entity_type, "
            + "entity_id, op, before_json, after_json, prev_hash, hash";

    private String[] readEntry(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM zh_audit_entry WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String[] v = new String[14];
                for (int i = 0; i < 14; i++) {
                    v[i] = rs.getString(i + 1);
                }
                return v;
            }
        }
    }

    private void restoreEntry(String[] v) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO zh_audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 14; i++) {
                if (i == 2 || i == 3) {
                    ps.setLong(i + 1, Long.parseLong(v[i]));
                } else {
                    ps.setString(i + 1, v[i]);
                }
            }
            ps.executeUpdate();
        }
    }
}
