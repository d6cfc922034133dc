package org.zhurnal.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ZhurnalClock;
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

/**
 * The signed archive on the real distribution: an attendance report archived for a class, listed, downloaded and
 * verified; one byte of the stored document and one field of its record changed in the database are caught over REST
 * and by the shell; a correction is version 2 linked to version 1, which still verifies; export writes both targets and
 * reports the broken one; closing a year archives each class once; teachers, parents and another school's deputy
 * director are refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ArchiveIT {
    static final String API = "/api/v1/archive/";
    static final String PASSWORD = "Archive-Passw0rd-3";

    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    RosterQuery roster;
    @Inject
    CalendarQuery calendar;
    @Inject
    ZhurnalClock clock;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    ConfigurationAdmin configAdmin;
    @Inject
    @Filter("(osgi.jndi.service.name=zhurnal)")
    DataSource dataSource;
    // The REST resources the test calls: a module's query service can be up before its resource is (a 404 otherwise).
    @Inject
    @Filter("(component.name=org.zhurnal.roster.internal.rest.RosterResource)")
    org.zhurnal.core.api.rest.RestResource rosterResource;
    @Inject
    @Filter("(component.name=org.zhurnal.archive.internal.rest.ArchiveResource)")
    org.zhurnal.core.api.rest.RestResource archiveResource;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        // Export targets outside the container's folder, so the test sees the files; the third one cannot be created.
        String base = new File("target/archive-it-" + UUID.randomUUID().toString().substring(0, 8)).getAbsolutePath();
        List<Option> o = new ArrayList<>(List.of(KarafOptions.distribution()));
        o.add(CoreOptions.systemProperty("zhurnal.itest.archive").value(base));
        o.add(editConfigurationFilePut("etc/org.zhurnal.archive.cfg", "exportTargets",
                base + "/media-a, " + base + "/media-b, " + base + "/blocker/media-c"));
        return o.toArray(new Option[0]);
    }

    @Test
    public void archivedReportsAreSignedVerifiedCorrectedExportedAndGuarded() throws Exception {
        Municipality m = RosterIT.runAsSystem(() -> tenants.createMunicipality("Archive IT"));
        School school = RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), "Школа архива", "Школа архива", "Europe/Moscow"));
        School other = RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), "Другая школа", "Другая школа", "Europe/Moscow"));
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        int y = RosterQuery.academicYearOf(clock.today());
        importCsv(admin, school.id(), RosterIT.pupils());
        importCsv(admin, school.id(), GradebookIT.STAFF);
        String fiveA = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        Http.Answer year = http.post("/api/v1/calendar/schools/" + school.id() + "/years", "{\"year\":" + y + ",\"start\":\""
                + LocalDate.of(y, 9, 1) + "\",\"end\":\"" + LocalDate.of(y + 1, 5, 31) + "\",\"workingDays\":5}", admin);
        assertEquals(year.body(), 201, year.status());
        assertEquals(201, http.post("/api/v1/calendar/years/" + year.json().get("id").asText() + "/periods",
                "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}", admin).status());
        List<ReportingPeriod> periods = calendar.periods(school.id(), y, 5);
        ReportingPeriod period = calendar.periodOf(school.id(), 5, clock.today()).orElse(periods.get(0));

        String deputy = token(school.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(school.id())));
        String coordinator = token(school.id(), new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(school.id())));
        String teacher = token(school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())), new Grant(Role.TEACHER, ScopeRef.schoolClass(fiveA)));
        String classTeacher = token(school.id(), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA)));
        String parent = token(school.id(), new Grant(Role.PARENT, ScopeRef.student(roster.studentsOfClass(fiveA, clock.today()).get(0).id())));
        String otherDeputy = token(other.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(other.id())));

        // Archive the attendance report of 5А.
        String documents = API + "schools/" + school.id() + "/documents";
        String params = "\"parameters\":{\"classId\":\"" + fiveA + "\",\"periodId\":\"" + period.id() + "\"}";
        Http.Answer created = http.post(documents, "{\"reportId\":\"attendance\",\"format\":\"PDF\"," + params + "}", deputy);
        assertEquals(created.body(), 201, created.status());
        JsonNode v1 = created.json();
        String id1 = v1.get("id").asText();
        assertEquals(1, v1.get("version").asInt());
        assertTrue(v1.get("previousId").isNull());
        assertEquals(fiveA, v1.get("classId").asText());
        assertEquals(y, v1.get("academicYear").asInt());
        assertEquals("attendance", v1.get("kind").asText());
        assertEquals("application/pdf", v1.get("mediaType").asText());
        assertTrue(v1.toString(), v1.get("title").asText().contains("5А"));

        // Listed (for the coordinator too), downloaded as stored, a real PDF of the class.
        JsonNode list = http.get(documents, coordinator).json();
        assertEquals(list.toString(), 1, list.size());
        assertEquals(id1, list.get(0).get("id").asText());
        Http.Bytes file = http.getBytes(API + "documents/" + id1, deputy);
        assertEquals(200, file.status());
        assertTrue(file.contentType(), file.contentType().startsWith("application/pdf"));
        assertEquals(v1.get("sha256").asText(), sha256(file.bytes()));
        assertEquals(v1.get("size").asLong(), file.bytes().length);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text, text.contains("Гусева Вера") && text.contains("5А"));
        }
        assertVerification(http.get(API + "documents/" + id1 + "/verify", deputy), "OK");
        assertTrue(shell("zhurnal:archive-verify " + school.id(), false).contains("1 documents verified, 0 failed"));

        // Bad input is named; nothing is archived.
        assertProblem(http.post(documents, "{\"reportId\":\"attendance\",\"parameters\":{\"classId\":\"" + fiveA + "\"}}", deputy), 400,
                "parameters.periodId");
        assertProblem(http.post(documents, "{\"reportId\":\"attendance\",\"format\":\"DOCX\"," + params + "}", deputy), 400, "format");
        assertProblem(http.post(documents, "{\"format\":\"PDF\"," + params + "}", deputy), 400, "reportId");
        assertProblem(http.post(documents, "{\"reportId\":\"nonexistent\"}", deputy), 404, null);
        assertProblem(http.post(documents, "{\"reportId\":\"attendance\",\"replaces\":\"" + UUID.randomUUID() + "\"," + params + "}", deputy),
                400, "replaces");
        assertEquals(1, http.get(documents, deputy).json().size());

        // One byte of the stored document changed in the database.
        byte[] stored = lob("SELECT content FROM zh_ar_content WHERE document_id = ?", id1);
        assertArrayEquals(file.bytes(), stored);
        byte[] tampered = stored.clone();
        tampered[tampered.length / 2] ^= 0x01;
        update("UPDATE zh_ar_content SET content = ? WHERE document_id = ?", tampered, id1);
        assertVerification(http.get(API + "documents/" + id1 + "/verify", deputy), "CONTENT_HASH_MISMATCH");
        JsonNode all = http.post(API + "schools/" + school.id() + "/verify", null, deputy).json();
        assertEquals(all.toString(), "CONTENT_HASH_MISMATCH", all.get(0).get("status").asText());
        String out = shell("zhurnal:archive-verify " + school.id(), true);
        assertTrue(out, out.contains("CONTENT_HASH_MISMATCH " + id1) && out.contains("1 failed"));
        update("UPDATE zh_ar_content SET content = ? WHERE document_id = ?", stored, id1);
        assertVerification(http.get(API + "documents/" + id1 + "/verify", deputy), "OK");

        // One field of its record changed in the database: the year, then the file name.
        update("UPDATE zh_ar_document SET academic_year = ? WHERE id = ?", y - 1, id1);
        assertVerification(http.get(API + "documents/" + id1 + "/verify", deputy), "SIGNATURE_INVALID");
        out = shell("zhurnal:archive-verify", true);
        assertTrue(out, out.contains("SIGNATURE_INVALID " + id1));
        update("UPDATE zh_ar_document SET academic_year = ? WHERE id = ?", y, id1);
        update("UPDATE zh_ar_document SET file_name = ? WHERE id = ?", "renamed.pdf", id1);
        assertVerification(http.post(API + "schools/" + school.id() + "/verify", null, deputy).json().get(0), "SIGNATURE_INVALID");
        update("UPDATE zh_ar_document SET file_name = ? WHERE id = ?", v1.get("fileName").asText(), id1);
        assertVerification(http.get(API + "documents/" + id1 + "/verify", deputy), "OK");

        // A correction is version 2 linked to version 1; version 1 stays and still verifies; only the latest is corrected.
        Http.Answer corrected = http.post(documents, "{\"reportId\":\"attendance\",\"format\":\"PDF\",\"replaces\":\"" + id1 + "\"," + params + "}",
                deputy);
        assertEquals(corrected.body(), 201, corrected.status());
        String id2 = corrected.json().get("id").asText();
        assertEquals(2, corrected.json().get("version").asInt());
        assertEquals(id1, corrected.json().get("previousId").asText());
        assertProblem(http.post(documents, "{\"reportId\":\"attendance\",\"replaces\":\"" + id1 + "\"," + params + "}", deputy), 409, null);
        assertVerification(http.get(API + "documents/" + id1 + "/verify", deputy), "OK");
        assertVerification(http.get(API + "documents/" + id2 + "/verify", deputy), "OK");
        assertEquals(2, http.get(documents, deputy).json().size());

        // Export: both media written, the broken target reported.
        Path base = Path.of(System.getProperty("zhurnal.itest.archive"));
        Files.createDirectories(base);
        Files.write(base.resolve("blocker"), new byte[] { 1 });
        JsonNode export = http.post(API + "schools/" + school.id() + "/export", null, deputy).json();
        assertEquals(export.toString(), 2, export.get("documents").asInt());
        assertTrue(export.toString(), export.get("targets").get(0).get("ok").asBoolean() && export.get("targets").get(1).get("ok").asBoolean());
        assertFalse(export.toString(), export.get("targets").get(2).get("ok").asBoolean());
        assertNotNull(export.get("targets").get(2).get("error").asText());
        for (String media : List.of("media-a", "media-b")) {
            Path dir = base.resolve(media).resolve(school.id());
            assertTrue(new String(Files.readAllBytes(dir.resolve("records.json")), StandardCharsets.UTF_8).contains(id2));
            Path d1 = dir.resolve(Integer.toString(y)).resolve(id1);
            assertArrayEquals(stored, Files.readAllBytes(d1.resolve(v1.get("fileName").asText())));
            assertArrayEquals(lob("SELECT signature FROM zh_ar_document WHERE id = ?", id1), Files.readAllBytes(d1.resolve("manifest.txt.p7s")));
            String manifest = new String(Files.readAllBytes(d1.resolve("manifest.txt")), StandardCharsets.UTF_8);
            assertTrue(manifest, manifest.contains("sha256: " + v1.get("sha256").asText()) && manifest.contains("classId: " + fiveA));
            assertTrue(Files.exists(dir.resolve(Integer.toString(y)).resolve(id2).resolve("record.json")));
        }
        out = shell("zhurnal:archive-export " + school.id(), true);
        assertTrue(out, out.contains("OK     " + base.resolve("media-a")) && out.contains("FAILED " + base.resolve("blocker/media-c")));

        // Year close: the default year report is the summary sheet — every class's sheet archived once, signed; closing
        // again archives nothing new; a year report that is not installed is refused (409).
        String close = API + "schools/" + school.id() + "/years/" + y + "/close";
        // A year is archived once its periods are closed (the archive keeps what it stores for good): before, 409 naming
        // the periods still open, nothing stored; a year the calendar does not have is refused too.
        Http.Answer early = http.post(close, null, deputy);
        assertProblem(early, 409, null);
        assertTrue(early.body(), early.body().contains("year-not-closed") && early.body().contains("4 четверть"));
        assertProblem(http.post(API + "schools/" + school.id() + "/years/" + (y + 1) + "/close", null, deputy), 409, null);
        assertEquals(2, http.get(documents, deputy).json().size());
        for (ReportingPeriod q : calendar.periods(school.id(), y, 5)) {
            Http.Answer shut = http.post("/api/v1/calendar/periods/" + q.id() + "/close", null, deputy);
            assertEquals(shut.body(), 200, shut.status());
        }
        Http.Answer closed = http.post(close, null, deputy);
        assertEquals(closed.body(), 200, closed.status());
        int classes = roster.classes(school.id(), y).size();
        assertEquals(closed.body(), classes, closed.json().get("created").size());
        for (com.fasterxml.jackson.databind.JsonNode d : closed.json().get("created")) {
            assertEquals(d.toString(), "summary-sheet", d.get("kind").asText());
            assertTrue(d.toString(), d.get("fileName").asText().endsWith(".pdf"));
        }
        String sheetId = closed.json().get("created").get(0).get("id").asText();
        assertVerification(http.get(API + "documents/" + sheetId + "/verify", deputy), "OK");
        Http.Answer again = http.post(close, null, deputy);
        assertEquals(again.body(), 200, again.status());
        assertEquals(0, again.json().get("created").size());
        assertEquals(classes, again.json().get("alreadyArchived").size());
        assertEquals(2 + classes, http.get(documents, deputy).json().size());
        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration("org.zhurnal.archive", null);
        Dictionary<String, Object> props = cfg.getProperties() == null ? new Hashtable<>() : cfg.getProperties();
        props.put("yearReport", "no-such-report");
        cfg.update(props);
        Http.Answer missing = null;
        for (long end = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < end;) {
            missing = http.post(close, null, deputy);
            if (missing.status() == 409) {
                break;
            }
            Thread.sleep(300);
        }
        assertProblem(missing, 409, null);
        assertEquals(2 + classes, http.get(documents, deputy).json().size());

        // Refused: a subject teacher, the class teacher, a parent, another school's deputy director — no data.
        for (String refused : List.of(teacher, classTeacher, parent, otherDeputy)) {
            assertProblem(http.get(documents, refused), 403, null);
            assertProblem(http.post(documents, "{\"reportId\":\"attendance\",\"format\":\"PDF\"," + params + "}", refused), 403, null);
            assertProblem(http.post(API + "schools/" + school.id() + "/verify", null, refused), 403, null);
            assertProblem(http.post(API + "schools/" + school.id() + "/export", null, refused), 403, null);
            assertProblem(http.post(close, null, refused), 403, null);
            Http.Answer doc = http.get(API + "documents/" + id1, refused);
            assertEquals(doc.body(), 404, doc.status());
            assertFalse(doc.body().contains("%PDF"));
            assertEquals(404, http.get(API + "documents/" + id1 + "/verify", refused).status());
        }
        // Another school's deputy may not archive this school's class into their own archive either.
        assertProblem(http.post(API + "schools/" + other.id() + "/documents", "{\"reportId\":\"attendance\",\"format\":\"PDF\"," + params + "}",
                otherDeputy), 403, null);
        assertEquals(2 + classes, http.get(documents, deputy).json().size());
    }

    private String shell(String command, boolean mustFail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, ps, ps);
        boolean failed = false;
        try {
            session.execute(command);
        } catch (Exception e) {
            failed = true;
        } finally {
            ps.flush();
            session.close();
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(command + ": " + text, mustFail, failed);
        return text;
    }

    private byte[] lob(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                byte[] b = rs.getBytes(1);
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                return b;
            }
        }
    }

    /** Changes a row behind the archive's back (the archive itself never updates). */
    private void update(String sql, Object value, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.setString(2, id);
            assertEquals(1, ps.executeUpdate());
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static void assertVerification(Http.Answer a, String status) {
        assertEquals(a.body(), 200, a.status());
        assertVerification(a.json(), status);
    }

    private static void assertVerification(JsonNode v, String status) {
        assertEquals(v.toString(), status, v.get("status").asText());
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(a.body(), field, a.json().get("field").asText());
        }
    }

    private void importCsv(String admin, String schoolId, String csv) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT
                + "/api/v1/roster/schools/" + schoolId + "/import?fileName=people.csv"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))).build();
        var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    private String token(String schoolId, Grant... grants) {
        String login = "a" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Архивов Пётр", null, schoolId, List.of(grants), PASSWORD)));
        return http.login(login, PASSWORD);
    }
}
