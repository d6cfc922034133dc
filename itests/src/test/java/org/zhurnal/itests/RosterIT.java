package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.NewAccount;

import com.fasterxml.jackson.databind.JsonNode;

/** The roster module on the real distribution: import, history, consents, accounts, access rules. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RosterIT {
    static final String HEADER = "Код;Фамилия;Имя;Отчество;Дата рождения;Пол;Класс;Дата зачисления;Код представителя 1;Представитель 1;"
            + "Кем приходится 1;Телефон 1;E-mail 1;Без электронного доступа 1;Код представителя 2;Представитель 2;Кем приходится 2;"
            + "Телефон 2;E-mail 2;Без электронного доступа 2\n";

    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    RosterQuery query;
    @Inject
    AuditLog audit;
    @Inject
    ZhurnalClock clock;
    @Inject
    SessionFactory sessionFactory;

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

    private String admin() {
        return http.login("admin", KarafOptions.ADMIN_PASSWORD);
    }

    private School newSchool(String name) {
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals("Roster IT")).findFirst()
                .orElseGet(() -> new org.zhurnal.core.api.security.CallContext(org.zhurnal.core.api.security.ZhurnalPrincipal.SYSTEM, "it")
                        .principal() == null ? null : runAsSystem(() -> tenants.createMunicipality("Roster IT")));
        return runAsSystem(() -> tenants.createSchool(m.id(), name, name, "Europe/Moscow"));
    }

    static <T> T runAsSystem(java.util.concurrent.Callable<T> work) {
        try {
            return new org.zhurnal.core.api.security.CallContext(org.zhurnal.core.api.security.ZhurnalPrincipal.SYSTEM, "it").call(work);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String tokenFor(Grant grant) {
        String login = "r" + UUID.randomUUID().toString().substring(0, 8);
        runAsSystem(() -> accounts.create(new NewAccount(login, "Проверкин Пётр Петрович", null, "system", List.of(grant),
                "Roster-Passw0rd-7")));
        return http.login(login, "Roster-Passw0rd-7");
    }

    private Http.Answer importCsv(String token, String schoolId, String csv, boolean dryRun) {
        return importBytes(token, schoolId, csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    private Http.Answer importBytes(String token, String schoolId, byte[] bytes, boolean dryRun) {
        return importFile(token, schoolId, bytes, dryRun, "pupils.csv", "text/csv");
    }

    private Http.Answer importFile(String token, String schoolId, byte[] bytes, boolean dryRun, String fileName, String contentType) {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + KarafOptions.HTTP_PORT + "/api/v1/roster/schools/" + schoolId + "/import?fileName=" + fileName + "&dryRun=" + dryRun))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String pupils() {
        return HEADER
                + "P1;Лебедева;Алиса;Игоревна;12.04.2015;Ж;5А;01.09.2022;G1;Лебедева Ольга Сергеевна;мать;+7 900 111-22-33;olga@example.org;нет;G2;Лебедев Игорь Павлович;отец;+7 900 111-22-34;;нет\n"
                + "P2;Лебедев;Артём;Игоревич;02.02.2018;М;2Б;;G1;Лебедева Ольга Сергеевна;мать;+7 900 111-22-33;olga@example.org;нет;;;;;;\n"
                + "P3;Гусева;Вера;Андреевна;15.07.2015;Ж;5А;;G3;Гусева Марина Олеговна;мать;+7 900 222-33-44;;да;;;;;;\n"
                + "P4;Орехов;Фёдор;Ильич;30.11.2014;М;5А;;G4;\"Орехова Анна Ильинична\";мать;;anna@example.net;нет;;;;;;\n";
    }

    private int year() {
        return RosterQuery.academicYearOf(clock.today());
    }

    private SchoolClass cls(String schoolId, String name) {
        return query.classes(schoolId, year()).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    public void importIsAllOrNothingIdempotentAndKeepsHistory() throws Exception {
        School school = newSchool("Школа импорта");
        String admin = admin();
        // Dry run first: a report, nothing written.
        Http.Answer dry = importCsv(admin, school.id(), pupils(), true);
        assertEquals(dry.body(), 200, dry.status());
        assertTrue(dry.json().get("dryRun").asBoolean());
        assertEquals(4, dry.json().get("created").get("students").asInt());
        assertEquals(dry.body(), "[\"5А\",\"2Б\"]", dry.json().get("newClasses").toString()); // named, a typo would show
        assertTrue(query.classes(school.id(), year()).isEmpty());

        Http.Answer first = importCsv(admin, school.id(), pupils(), false);
        assertEquals(first.body(), 200, first.status());
        JsonNode created = first.json().get("created");
        assertEquals(4, created.get("students").asInt());
        assertEquals(4, created.get("guardians").asInt());
        assertEquals(2, created.get("classes").asInt());
        SchoolClass fiveA = cls(school.id(), "5А");
        assertEquals(3, query.studentsOfClass(fiveA.id(), clock.today()).size());
        // The siblings share their mother.
        String alisa = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Алиса"))
                .findFirst().orElseThrow().id();
        String mother = query.guardiansOf(alisa).stream().filter(g -> g.relation().equals("MOTHER")).findFirst().orElseThrow()
                .guardian().id();
        assertEquals(2, query.childrenOf(mother).size());
        // One audit entry for a new student: the class she was enrolled in and her guardians' links are in it.
        var createdEntry = audit.find("person", alisa, 10).stream().filter(e -> e.action().equals("import-create")).findFirst()
                .orElseThrow();
        assertTrue(createdEntry.after(), createdEntry.after().contains("\"class\":\"5А\"")
                && createdEntry.after().contains("\"membershipId\""));
        assertTrue(createdEntry.after(), createdEntry.after().contains("\"guardianId\":\"" + mother + "\"")
                && createdEntry.after().contains("\"relation\":\"MOTHER\""));

        // Importing the same file again changes nothing.
        Http.Answer again = importCsv(admin, school.id(), pupils(), false);
        assertEquals(again.body(), 200, again.status());
        assertEquals(0, again.json().get("created").size());
        assertEquals(0, again.json().get("newClasses").size());
        assertEquals(0, again.json().get("updated").size());
        assertEquals(4, again.json().get("unchanged").get("students").asInt());
        assertEquals(1, audit.find("person", alisa, 10).size());

        // A file with several bad rows: every error listed, nothing written.
        String bad = pupils() + "P5;Щукин;;;31.02.2015;Х;12А;;;;;;;;;;;;;\n" + "P1;Дубль;Иван;;01.01.2015;М;5А;;;;;;;;;;;;;\n"
                + "P6;Ершова;Ева;;01.01.2015;Ж;5А;;G9;Ершова;тётя;12;not-an-email;может;;;;;;\n";
        Http.Answer rejected = importCsv(admin, school.id(), bad, false);
        assertEquals(rejected.body(), 400, rejected.status());
        assertTrue(rejected.contentType().startsWith("application/problem+json"));
        List<String> fields = new ArrayList<>();
        rejected.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(List.of("pupils.csv:6:Имя", "pupils.csv:6:Дата рождения", "pupils.csv:6:Пол",
                "pupils.csv:6:Класс", "pupils.csv:7:Код", "pupils.csv:8:Представитель 1", "pupils.csv:8:Кем приходится 1",
                "pupils.csv:8:Телефон 1", "pupils.csv:8:E-mail 1", "pupils.csv:8:Без электронного доступа 1")));
        assertEquals(3, query.studentsOfClass(fiveA.id(), clock.today()).size());
        assertFalse(query.classes(school.id(), year()).stream().anyMatch(c -> c.name().equals("12А")));

        // Missing columns, empty files, unknown encodings: clear 400s.
        Http.Answer missing = importCsv(admin, school.id(), "Код;Фамилия\nP1;Лебедева\n", false);
        assertEquals(400, missing.status());
        assertTrue(missing.body(), missing.body().contains("Missing column 'Класс'"));
        assertEquals(400, importCsv(admin, school.id(), "", false).status());

        // Windows-1251 is accepted, and a transfer closes the old membership without rewriting it.
        String moved = pupils().replace("P4;Орехов;Фёдор;Ильич;30.11.2014;М;5А", "P4;Орехов;Фёдор;Ильич;30.11.2014;М;5Б");
        Http.Answer transfer = importBytes(admin, school.id(), moved.getBytes(Charset.forName("windows-1251")), false);
        assertEquals(transfer.body(), 200, transfer.status());
        assertEquals(1, transfer.json().get("updated").get("memberships").asInt());
        SchoolClass fiveB = cls(school.id(), "5Б");
        assertEquals(List.of("Орехов"), query.studentsOfClass(fiveB.id(), clock.today()).stream().map(p -> p.lastName()).toList());
        assertEquals(2, query.studentsOfClass(fiveA.id(), clock.today()).size());
        assertTrue("yesterday he was still in 5А", query.studentsOfClass(fiveA.id(), clock.today().minusDays(1)).stream()
                .anyMatch(p -> p.lastName().equals("Орехов")));
    }

    private byte[] download(String token, String path) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                + KarafOptions.HTTP_PORT + "/api/v1/" + path)).header("Authorization", "Bearer " + token).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(r.body(), StandardCharsets.UTF_8), 200, r.statusCode());
        return r.body();
    }

    /** Class name → sorted «Фамилия Имя Отчество (guardians)» of its students, and class teachers. */
    private List<String> describe(String schoolId) {
        List<String> out = new ArrayList<>();
        for (SchoolClass c : query.classes(schoolId, year())) {
            String teacher = c.classTeacherId() == null ? "-" : query.person(c.classTeacherId()).orElseThrow().fullName();
            out.add(c.name() + " / " + teacher);
            query.studentsOfClass(c.id(), clock.today()).forEach(p -> out.add(c.name() + ": " + p.fullName() + " " + p.birthDate()
                    + " " + p.sex() + " <" + query.guardiansOf(p.id()).stream().map(g -> g.guardian().fullName() + ":" + g.relation()
                            + ":" + g.guardian().noElectronicAccess() + ":" + g.guardian().contacts().stream().map(x -> x.value()).sorted().toList())
                            .sorted().toList() + ">"));
        }
        return out;
    }

    @Test
    public void exportThenImportGivesTheSameRosterInBothFormats() throws Exception {
        School source = newSchool("Школа-источник");
        String admin = admin();
        assertEquals(200, importCsv(admin, source.id(), pupils(), false).status());
        String staff = "Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n"
                + "T1;Белова;Ирина;Сергеевна;учитель;Математика, Информатика;+7 900 555-00-01;belova@example.org;5А\n"
                + "T2;Козлов;Олег;Иванович;директор;;;;\n";
        assertEquals(200, importCsv(admin, source.id(), staff, false).status());
        List<String> expected = describe(source.id());
        assertTrue(expected.toString(), expected.contains("5А / Белова Ирина Сергеевна"));

        byte[] zip = download(admin, "roster/schools/" + source.id() + "/export/oneroster.zip");
        School viaOneRoster = newSchool("Школа из OneRoster");
        java.net.http.HttpResponse<String> imported = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT + "/api/v1/roster/schools/" + viaOneRoster.id()
                        + "/import/oneroster")).header("Authorization", "Bearer " + admin).header("Content-Type", "application/zip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zip)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(imported.body(), 200, imported.statusCode());
        assertEquals(expected, describe(viaOneRoster.id()));

        byte[] students = download(admin, "roster/schools/" + source.id() + "/export/students.csv");
        byte[] staffCsv = download(admin, "roster/schools/" + source.id() + "/export/staff.csv");
        School viaNative = newSchool("Школа из CSV");
        assertEquals(200, importBytes(admin, viaNative.id(), students, false).status());
        assertEquals(200, importBytes(admin, viaNative.id(), staffCsv, false).status());
        assertEquals(expected, describe(viaNative.id()));

        // The same files as XLSX workbooks (what a secretary edits in a spreadsheet program) import to the same roster.
        String xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        byte[] studentsXlsx = download(admin, "roster/schools/" + source.id() + "/export/students.xlsx");
        byte[] staffXlsx = download(admin, "roster/schools/" + source.id() + "/export/staff.xlsx");
        assertEquals(new String(students, StandardCharsets.UTF_8).lines().count(),
                org.zhurnal.sheets.api.Sheets.readXlsx(studentsXlsx).get(0).rows().size());
        School viaXlsx = newSchool("Школа из XLSX");
        assertEquals(200, importFile(admin, viaXlsx.id(), studentsXlsx, false, "students.xlsx", xlsxType).status());
        assertEquals(200, importFile(admin, viaXlsx.id(), staffXlsx, false, "staff.xlsx", xlsxType).status());
        assertEquals(expected, describe(viaXlsx.id()));
        // A workbook cut short is refused as a whole, naming the file.
        Http.Answer cut = importFile(admin, viaXlsx.id(), java.util.Arrays.copyOf(studentsXlsx, 500), false, "students.xlsx", xlsxType);
        assertEquals(cut.body(), 400, cut.status());
        assertTrue(cut.body(), cut.body().contains("students.xlsx") && cut.contentType().startsWith("application/problem+json"));
        assertEquals(expected, describe(viaXlsx.id()));

        // A broken zip changes nothing.
        java.net.http.HttpResponse<String> broken = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT + "/api/v1/roster/schools/" + viaNative.id()
                        + "/import/oneroster")).header("Authorization", "Bearer " + admin).header("Content-Type", "application/zip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray("not a zip".getBytes(StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(broken.body(), 400, broken.statusCode());
        assertEquals(expected, describe(viaNative.id()));
    }

    @Test
    public void promotionPreviewsThenAppliesOnceWithExceptions() throws Exception {
        School school = newSchool("Школа перевода");
        String admin = admin();
        String pupils = pupils() + "P7;Зуев;Олег;Петрович;10.03.2009;М;11А;;;;;;;;;;;;;\n";
        assertEquals(200, importCsv(admin, school.id(), pupils, false).status());
        int y = year();
        SchoolClass fiveA = cls(school.id(), "5А");
        String vera = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Вера")).findFirst()
                .orElseThrow().id();
        String fedor = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Фёдор"))
                .findFirst().orElseThrow().id();
        // Repeating the year is the pedagogical council's decision: refused without its grounds, naming the exception.
        Http.Answer noReason = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/preview", "{\"fromYear\":" + y
                + ",\"exceptions\":[{\"studentId\":\"" + vera + "\",\"action\":\"RETAIN\",\"reason\":\" \"}]}", admin);
        assertEquals(noReason.body(), 400, noReason.status());
        assertEquals(noReason.body(), "exceptions[0].reason", noReason.json().get("field").asText());
        String body = "{\"fromYear\":" + y + ",\"exceptions\":[{\"studentId\":\"" + vera + "\",\"action\":\"RETAIN\",\"reason\":"
                + "\"Решение педсовета, протокол №7\"},"
                + "{\"studentId\":\"" + fedor + "\",\"action\":\"LEAVE\",\"reason\":\"Переезд\"}]}";
        Http.Answer preview = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/preview", body, admin);
        assertEquals(preview.body(), 200, preview.status());
        JsonNode totals = preview.json().get("totals");
        assertEquals(2, totals.get("PROMOTE").asInt());
        assertEquals(1, totals.get("RETAIN").asInt());
        assertEquals(1, totals.get("LEAVE").asInt());
        assertEquals(1, totals.get("GRADUATE").asInt());
        assertTrue("a preview changes nothing", query.classes(school.id(), y + 1).isEmpty());

        Http.Answer applied = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/apply", body, admin);
        assertEquals(applied.body(), 200, applied.status());
        LocalDate nextYear = LocalDate.of(y + 1, 9, 15);
        SchoolClass sixA = query.classes(school.id(), y + 1).stream().filter(c -> c.name().equals("6А")).findFirst().orElseThrow();
        assertEquals(fiveA.classTeacherId(), sixA.classTeacherId());
        assertEquals(List.of("Лебедева"), query.studentsOfClass(sixA.id(), nextYear).stream().map(p -> p.lastName()).toList());
        // Checked before September: the next year's class list and class card count and show the promoted students (as of
        // the year's first day), not «0 students».
        JsonNode nextClasses = http.get("/api/v1/roster/schools/" + school.id() + "/classes?year=" + (y + 1), admin).json();
        JsonNode sixARow = null;
        for (JsonNode c : nextClasses) {
            sixARow = c.get("id").asText().equals(sixA.id()) ? c : sixARow;
        }
        assertNotNull(nextClasses.toString(), sixARow);
        assertEquals(sixARow.toString(), 1, sixARow.get("studentCount").asInt());
        assertEquals(1, http.get("/api/v1/roster/classes/" + sixA.id(), admin).json().get("students").size());
        SchoolClass fiveANext = query.classes(school.id(), y + 1).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow();
        assertEquals(List.of("Гусева"), query.studentsOfClass(fiveANext.id(), nextYear).stream().map(p -> p.lastName()).toList());
        // Kept in the grade with its grounds in the audit log.
        assertTrue(audit.find("membership", null, 1000).stream().anyMatch(e -> e.action().equals("retain") && e.after().contains(vera)
                && e.after().contains("протокол №7")));
        assertEquals("Переезд", query.person(fedor).orElseThrow().leavingReason());
        assertTrue(query.classesOfStudent(fedor, nextYear).isEmpty());
        // The old year is intact: on a day of the old year, 5А still has its three students.
        assertEquals(3, query.studentsOfClass(fiveA.id(), clock.today()).size());

        // Applying again changes nothing.
        Http.Answer again = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/apply", body, admin);
        assertEquals(5, again.json().get("totals").get("DONE").asInt());
        assertEquals(1, query.studentsOfClass(sixA.id(), nextYear).size());
        // A new exception after the promotion was applied (Алиса kept back after all) is not silently ignored: refused,
        // naming her; she stays in 6А.
        String alisa = query.studentsOfClass(sixA.id(), nextYear).get(0).id();
        Http.Answer corrected = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/apply", body.replace("]}",
                ",{\"studentId\":\"" + alisa + "\",\"action\":\"RETAIN\",\"reason\":\"Педсовет\"}]}"), admin);
        assertEquals(corrected.body(), 409, corrected.status());
        assertTrue(corrected.body(), corrected.body().contains("Лебедева Алиса"));
        assertEquals(List.of(alisa), query.studentsOfClass(sixA.id(), nextYear).stream().map(p -> p.id()).toList());
        // Bad exceptions are refused whole.
        Http.Answer bad = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/preview",
                "{\"fromYear\":" + y + ",\"exceptions\":[{\"studentId\":\"" + vera + "\",\"action\":\"PROMOTE_TWICE\"}]}", admin);
        assertEquals(400, bad.status());
        assertEquals("exceptions[0].action", bad.json().get("field").asText());
        // A year the school has no classes in (a typo for the year promoted from) is said, not answered with an empty plan.
        Http.Answer noYear = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/preview", "{\"fromYear\":" + (y - 1) + "}", admin);
        assertEquals(noYear.body(), 400, noYear.status());
        assertEquals("fromYear", noYear.json().get("field").asText());
    }

    @Test
    public void accountsNeedConsentAndComeWithAReceiptSheet() throws Exception {
        School school = newSchool("Школа учётных записей");
        String admin = admin();
        assertEquals(200, importCsv(admin, school.id(), pupils(), false).status());
        SchoolClass fiveA = cls(school.id(), "5А");

        Http.Answer refused = http.post("/api/v1/roster/classes/" + fiveA.id() + "/accounts", null, admin);
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.body(), refused.body().contains("consent-missing"));
        assertEquals(3 + 4, refused.json().get("errors").size()); // 3 students, 4 guardians (Lebedev father included)
        assertTrue(refused.body(), refused.body().contains("Лебедева Алиса Игоревна"));
        assertTrue(accounts.byPersons(query.studentsOfClass(fiveA.id(), clock.today()).stream().map(p -> p.id()).toList()).isEmpty());

        // The class card (read, hence cached, before the consents) shows neither consents nor accounts yet.
        String card = "/api/v1/roster/classes/" + fiveA.id();
        http.get(card, admin).json().get("students").forEach(c -> assertFalse(c.toString(),
                c.get("consent").asBoolean() || c.get("hasAccount").asBoolean()));
        for (JsonNode line : http.get("/api/v1/roster/classes/" + fiveA.id() + "/consents", admin).json()) {
            assertEquals("NONE", line.get("status").asText());
            Http.Answer c = http.post("/api/v1/roster/consents", "{\"personId\":\"" + line.get("personId").asText()
                    + "\",\"status\":\"GIVEN\",\"purpose\":\"Электронный журнал\",\"documentNo\":\"ПД-1\"}", admin);
            assertEquals(c.body(), 201, c.status());
        }
        // A consent for a minor must come from the student or a guardian.
        String alisa = query.studentsOfClass(fiveA.id(), clock.today()).get(0).id();
        Http.Answer strange = http.post("/api/v1/roster/consents", "{\"personId\":\"" + alisa + "\",\"givenById\":\""
                + UUID.randomUUID() + "\",\"purpose\":\"x\"}", admin);
        assertEquals(400, strange.status());
        assertEquals("givenById", strange.json().get("field").asText());

        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT + "/api/v1/roster/classes/" + fiveA.id()
                        + "/accounts?format=pdf")).header("Authorization", "Bearer " + admin)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text, text.contains("Ведомость получения учётных данных — 5А"));
        var issued = accounts.byPersons(query.studentsOfClass(fiveA.id(), clock.today()).stream().map(p -> p.id()).toList());
        assertEquals(3, issued.size());
        issued.values().forEach(a -> assertTrue(a.login() + " missing from the sheet", text.contains(a.login())));
        assertTrue(issued.values().stream().allMatch(a -> a.mustChangePassword()));
        assertTrue(text.contains("lebedeva.ai"));
        // The card shows the consents and the accounts at once (a consent evicts the cached card; accounts are read live).
        http.get(card, admin).json().get("students").forEach(c -> assertTrue(c.toString(),
                c.get("consent").asBoolean() && c.get("hasAccount").asBoolean()));

        // Everyone has an account now: issuing again issues nobody.
        Http.Answer none = http.post("/api/v1/roster/classes/" + fiveA.id() + "/accounts", null, admin);
        assertEquals(200, none.status());
        assertEquals(0, none.json().get("issued").size());

        // A withdrawn consent ends the electronic processing (152-ФЗ): the student's account is blocked with it, in one
        // transaction, and audited. A withdrawal is dated by its application, never ahead; the family records none itself.
        String alisaAccount = issued.get(alisa).id();
        String consentId = null;
        for (JsonNode line : http.get("/api/v1/roster/classes/" + fiveA.id() + "/consents", admin).json()) {
            consentId = line.get("personId").asText().equals(alisa) ? line.get("consentId").asText() : consentId;
        }
        assertNotNull(consentId);
        String withdraw = "/api/v1/roster/consents/" + consentId + "/withdraw";
        Http.Answer ahead = http.post(withdraw, "{\"date\":\"" + clock.today().plusDays(3) + "\"}", admin);
        assertEquals(ahead.body(), 400, ahead.status());
        assertEquals("date", ahead.json().get("field").asText());
        assertEquals(403, http.post(withdraw, "{}", tokenFor(new Grant(Role.PARENT, ScopeRef.student(alisa)))).status());
        assertFalse(accounts.byPerson(alisa).orElseThrow().disabled());
        Http.Answer withdrawn = http.post(withdraw, "{}", admin);
        assertEquals(withdrawn.body(), 200, withdrawn.status());
        assertTrue(withdrawn.body(), withdrawn.json().get("accountBlocked").asBoolean());
        assertTrue(accounts.byPerson(alisa).orElseThrow().disabled());
        assertTrue(audit.find("account", alisaAccount, 10).stream().anyMatch(e -> e.action().equals("disable")));
        assertTrue(audit.find("consent", consentId, 10).stream().anyMatch(e -> e.action().equals("withdraw")));
        for (JsonNode line : http.get("/api/v1/roster/classes/" + fiveA.id() + "/consents", admin).json()) {
            if (line.get("personId").asText().equals(alisa)) {
                assertEquals("WITHDRAWN", line.get("status").asText());
                assertTrue(line.toString(), line.get("consentId").isNull());
            }
        }
        // A guardian's written refusal after his consent withdraws it from that day (his account, if he had one, is blocked);
        // the other students' accounts stay open.
        String father = null;
        for (JsonNode line : http.get("/api/v1/roster/classes/" + fiveA.id() + "/consents", admin).json()) {
            father = line.get("fullName").asText().startsWith("Лебедев Игорь") ? line.get("personId").asText() : father;
        }
        assertNotNull(father);
        String fatherId = father;
        boolean fatherSignsIn = accounts.byPerson(fatherId).map(a -> !a.disabled()).orElse(false);
        Http.Answer refusal = http.post("/api/v1/roster/consents", "{\"personId\":\"" + fatherId + "\",\"status\":\"REFUSED\","
                + "\"purpose\":\"Электронный журнал\",\"documentNo\":\"ПД-2\"}", admin);
        assertEquals(refusal.body(), 201, refusal.status());
        assertEquals(refusal.body(), "ПД-2", refusal.json().get("documentNo").asText());
        assertEquals(refusal.body(), fatherSignsIn, refusal.json().get("accountBlocked").asBoolean());
        assertFalse(accounts.byPerson(fatherId).map(a -> !a.disabled()).orElse(false));
        JsonNode fathers = http.get("/api/v1/roster/persons/" + fatherId + "/consents", admin).json();
        assertEquals(fathers.toString(), 2, fathers.size());
        assertEquals(fathers.toString(), clock.today().toString(), fathers.get(1).get("withdrawnOn").asText());
        assertEquals(2, issued.values().stream().filter(a -> !accounts.byPerson(a.personId()).orElseThrow().disabled()).count());
    }

    @Test
    public void credentialsAreMailedToThoseWithAnAddressAndKeptForTheRest() throws Exception {
        School school = newSchool("Школа почты");
        String admin = admin();
        String pupils = pupils() + "P8;Киселёв;Марк;Денисович;05.05.2013;М;7В;;G8;Киселёва Нина Павловна;мать;;nina@example.com;нет;;;;;;\n";
        assertEquals(200, importCsv(admin, school.id(), pupils, false).status());
        for (String name : List.of("5А", "7В")) {
            for (JsonNode line : http.get("/api/v1/roster/classes/" + cls(school.id(), name).id() + "/consents", admin).json()) {
                assertEquals(201, http.post("/api/v1/roster/consents", "{\"personId\":\"" + line.get("personId").asText()
                        + "\",\"purpose\":\"Электронный журнал\"}", admin).status());
            }
        }
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(KarafOptions.SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            Http.Answer a = http.post("/api/v1/roster/classes/" + cls(school.id(), "5А").id() + "/accounts?delivery=email", null, admin);
            assertEquals(a.body(), 200, a.status());
            assertTrue(smtp.waitForIncomingEmail(10_000, 2));
            javax.mail.internet.MimeMessage[] got = smtp.getReceivedMessages();
            assertEquals("exactly the two guardians with an address", 2, got.length);
            List<String> to = new ArrayList<>();
            for (javax.mail.internet.MimeMessage m : got) {
                to.add(m.getAllRecipients()[0].toString());
                String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
                assertTrue(m.getSubject(), m.getSubject().startsWith("Журнал: учётная запись для "));
                assertNotNull(body);
            }
            assertTrue(to.toString(), to.containsAll(List.of("olga@example.org", "anna@example.net")));
            int mailed = 0;
            for (JsonNode i : a.json().get("issued")) {
                boolean hasEmail = i.hasNonNull("email");
                assertEquals("mailed passwords are not shown again: " + i, !hasEmail, i.hasNonNull("temporaryPassword"));
                mailed += hasEmail ? 1 : 0;
            }
            assertEquals(2, mailed);
            String olgaLogin = null;
            for (JsonNode i : a.json().get("issued")) {
                if ("olga@example.org".equals(i.path("email").asText())) {
                    olgaLogin = i.get("login").asText();
                }
            }
            for (javax.mail.internet.MimeMessage m : got) {
                if (m.getAllRecipients()[0].toString().equals("olga@example.org")) {
                    String text = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(text, text.contains("Логин: " + olgaLogin));
                    assertTrue(text, text.contains("Временный пароль: "));
                }
            }
        } finally {
            smtp.stop();
        }
        // The mail server is down: the account exists, the failure is reported and the password is shown for the sheet.
        Http.Answer down = http.post("/api/v1/roster/classes/" + cls(school.id(), "7В").id() + "/accounts?delivery=email&students=false",
                null, admin);
        assertEquals(down.body(), 200, down.status());
        JsonNode d = down.json().get("deliveries").get(0);
        assertEquals("nina@example.com", d.get("email").asText());
        assertFalse(d.get("sent").asBoolean());
        assertTrue(down.json().get("issued").get(0).hasNonNull("temporaryPassword"));
    }

    @Test
    public void aPersonsRecordCanBeCorrectedByWhoAdministersIt() throws Exception {
        School school = newSchool("Школа исправлений");
        School other = newSchool("Другая школа исправлений");
        String admin = admin();
        assertEquals(200, importCsv(admin, school.id(), pupils(), false).status());
        SchoolClass fiveA = cls(school.id(), "5А");
        String alisa = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Алиса"))
                .findFirst().orElseThrow().id();
        String mother = query.guardiansOf(alisa).stream().filter(g -> g.relation().equals("MOTHER")).findFirst().orElseThrow()
                .guardian().id();
        String classTeacher = tokenFor(new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id())));
        Http.Answer fixed = http.send("PUT", "/api/v1/roster/persons/" + alisa, "{\"birthDate\":\"2015-04-13\",\"middleName\":\"Игоревна\"}",
                Map.of("Authorization", "Bearer " + classTeacher));
        assertEquals(fixed.body(), 200, fixed.status());
        assertEquals(LocalDate.of(2015, 4, 13), query.person(alisa).orElseThrow().birthDate());
        assertTrue(audit.find("person", alisa, 5).stream().anyMatch(e -> e.action().equals("update")
                && e.before().contains("2015-04-12") && e.after().contains("2015-04-13")));
        // Contacts with their source: the mother gave a new address electronically.
        Http.Answer contacts = http.send("PUT", "/api/v1/roster/persons/" + mother, "{\"noElectronicAccess\":false,\"contacts\":["
                + "{\"kind\":\"EMAIL\",\"value\":\"olga.new@example.org\",\"source\":\"ELECTRONIC\"},"
                + "{\"kind\":\"PHONE\",\"value\":\"+7 900 111-22-33\",\"source\":\"WRITTEN\"}]}",
                Map.of("Authorization", "Bearer " + classTeacher));
        assertEquals(contacts.body(), 200, contacts.status());
        assertTrue(query.person(mother).orElseThrow().contacts().stream()
                .anyMatch(c -> c.value().equals("olga.new@example.org") && c.source().name().equals("ELECTRONIC")));
        // Bad input: every bad field listed, nothing changed.
        Http.Answer bad = http.send("PUT", "/api/v1/roster/persons/" + alisa, "{\"sex\":\"X\",\"firstName\":\"Al1sa\","
                + "\"contacts\":[{\"kind\":\"EMAIL\",\"value\":\"nope\",\"source\":\"WRITTEN\"}]}",
                Map.of("Authorization", "Bearer " + admin));
        assertEquals(400, bad.status());
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(List.of("sex", "firstName", "contacts[0].value")));
        assertEquals("Алиса", query.person(alisa).orElseThrow().firstName());
        // Refused: a parent (even of this child), a coordinator of another school.
        String parent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(alisa)));
        assertEquals(403, http.send("PUT", "/api/v1/roster/persons/" + alisa, "{\"middleName\":\"Петровна\"}",
                Map.of("Authorization", "Bearer " + parent)).status());
        String foreign = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(other.id())));
        assertEquals(404, http.send("PUT", "/api/v1/roster/persons/" + alisa, "{\"middleName\":\"Петровна\"}",
                Map.of("Authorization", "Bearer " + foreign)).status());
        assertEquals("Игоревна", query.person(alisa).orElseThrow().middleName());

        // A leaving recorded by mistake is undone: listed with the class, then back in it (audited); a later date instead
        // keeps the student in the class up to that day. Not for someone who has not left; not for a parent.
        // (The days used are two days back and yesterday: both within the academic year from 3 September on.)
        LocalDate yesterday = clock.today().minusDays(1);
        org.junit.Assume.assumeTrue("needs two days of the year behind", yesterday.minusDays(1).isAfter(LocalDate.of(year(), 8, 31)));
        Map<String, String> asAdmin = Map.of("Authorization", "Bearer " + admin);
        assertEquals(200, http.send("PUT", "/api/v1/roster/persons/" + alisa, "{\"leavingDate\":\"" + yesterday.minusDays(1)
                + "\",\"leavingReason\":\"ошибка\"}", asAdmin).status());
        assertFalse(query.studentsOfClass(fiveA.id(), clock.today()).stream().anyMatch(p -> p.id().equals(alisa)));
        assertTrue(query.studentsOfClass(fiveA.id(), yesterday.minusDays(1)).stream().anyMatch(p -> p.id().equals(alisa)));
        // The date corrected to a day later: she was in the class yesterday too.
        assertEquals(200, http.send("PUT", "/api/v1/roster/persons/" + alisa, "{\"leavingDate\":\"" + yesterday + "\"}", asAdmin).status());
        assertTrue(query.studentsOfClass(fiveA.id(), yesterday).stream().anyMatch(p -> p.id().equals(alisa)));
        assertFalse(query.studentsOfClass(fiveA.id(), clock.today()).stream().anyMatch(p -> p.id().equals(alisa)));
        JsonNode departed = http.get("/api/v1/roster/classes/" + fiveA.id() + "/departed", admin).json();
        assertEquals(departed.toString(), 1, departed.size());
        assertEquals(alisa, departed.get(0).get("id").asText());
        assertEquals(yesterday.toString(), departed.get(0).get("leavingDate").asText());
        assertEquals(403, http.send("POST", "/api/v1/roster/persons/" + alisa + "/return", null, Map.of("Authorization", "Bearer " + parent))
                .status());
        Http.Answer back = http.send("POST", "/api/v1/roster/persons/" + alisa + "/return", null, asAdmin);
        assertEquals(back.body(), 200, back.status());
        assertTrue(back.json().get("leavingDate").isNull());
        assertTrue(query.studentsOfClass(fiveA.id(), clock.today()).stream().anyMatch(p -> p.id().equals(alisa)));
        assertEquals(0, http.get("/api/v1/roster/classes/" + fiveA.id() + "/departed", admin).json().size());
        assertTrue(audit.find("person", alisa, 10).stream().anyMatch(e -> e.action().equals("return")));
        Http.Answer again = http.send("POST", "/api/v1/roster/persons/" + alisa + "/return", null, asAdmin);
        assertEquals(again.body(), 409, again.status());
    }

    @Test
    public void achievementsAreRecordedByTeachersAndSeenByTheFamilyOnly() throws Exception {
        School school = newSchool("Школа олимпиадников");
        String admin = admin();
        assertEquals(200, importCsv(admin, school.id(), pupils(), false).status());
        SchoolClass fiveA = cls(school.id(), "5А");
        String alisa = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Алиса"))
                .findFirst().orElseThrow().id();
        String vera = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Вера"))
                .findFirst().orElseThrow().id();
        String classTeacher = tokenFor(new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id())));
        String body = "{\"kind\":\"OLYMPIAD\",\"title\":\"Всероссийская олимпиада школьников, школьный этап\","
                + "\"subject\":\"Математика\",\"level\":\"SCHOOL\",\"date\":\"" + clock.today().minusDays(10)
                + "\",\"result\":\"WINNER\"}";
        Http.Answer added = http.post("/api/v1/roster/persons/" + alisa + "/achievements", body, classTeacher);
        assertEquals(added.body(), 201, added.status());
        String id = added.json().get("id").asText();
        assertTrue(audit.find("achievement", id, 5).stream().anyMatch(e -> e.action().equals("create")));
        Http.Answer bad = http.post("/api/v1/roster/persons/" + alisa + "/achievements",
                "{\"kind\":\"NOBEL\",\"title\":\"\",\"level\":\"GALACTIC\",\"date\":\"2999-01-01\",\"result\":\"WINNER\"}", classTeacher);
        assertEquals(400, bad.status());
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(List.of("kind", "title", "level", "date")));
        // The family sees it; another family does not; the family cannot write.
        String parent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(alisa)));
        Http.Answer seen = http.get("/api/v1/roster/persons/" + alisa + "/achievements", parent);
        assertEquals(200, seen.status());
        assertEquals("WINNER", seen.json().get(0).get("result").asText());
        String otherParent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(vera)));
        assertEquals(404, http.get("/api/v1/roster/persons/" + alisa + "/achievements", otherParent).status());
        assertEquals(403, http.post("/api/v1/roster/persons/" + alisa + "/achievements", body, parent).status());
        assertEquals(403, http.send("DELETE", "/api/v1/roster/achievements/" + id, null, Map.of("Authorization", "Bearer " + parent)).status());
        assertEquals(204, http.send("DELETE", "/api/v1/roster/achievements/" + id, null,
                Map.of("Authorization", "Bearer " + classTeacher)).status());
        assertEquals(0, http.get("/api/v1/roster/persons/" + alisa + "/achievements", parent).json().size());
    }

    @Test
    public void everyRosterAccessRuleHoldsAgainstSomeoneWhoMustBeRefused() throws Exception {
        School mine = newSchool("Своя школа");
        School other = newSchool("Чужая школа");
        String admin = admin();
        assertEquals(200, importCsv(admin, mine.id(), pupils(), false).status());
        assertEquals(200, importCsv(admin, other.id(), pupils().replace("P", "Q").replace(";G", ";H"), false).status());
        SchoolClass fiveA = cls(mine.id(), "5А");
        SchoolClass twoB = cls(mine.id(), "2Б");
        SchoolClass otherFiveA = cls(other.id(), "5А");
        String child = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Алиса"))
                .findFirst().orElseThrow().id();
        String classmate = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Вера"))
                .findFirst().orElseThrow().id();
        String otherChild = query.studentsOfClass(otherFiveA.id(), clock.today()).get(0).id();

        // Coordinator: whole own school, nothing of the other.
        String coord = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(mine.id())));
        assertEquals(2, http.get("/api/v1/roster/schools/" + mine.id() + "/classes", coord).json().size());
        assertEquals(200, http.get("/api/v1/roster/classes/" + fiveA.id(), coord).status());
        assertEquals(404, http.get("/api/v1/roster/classes/" + otherFiveA.id(), coord).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + otherChild, coord).status());
        assertEquals(404, http.get("/api/v1/roster/schools/" + other.id() + "/classes", coord).status() == 404 ? 404
                : http.get("/api/v1/roster/schools/" + other.id() + "/classes", coord).json().size() == 0 ? 404 : 500);
        assertEquals(404, importCsv(coord, other.id(), pupils(), false).status());

        // Class teacher: own class only; may not import for the school.
        String classTeacher = tokenFor(new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id())));
        assertEquals(200, http.get("/api/v1/roster/classes/" + fiveA.id(), classTeacher).status());
        assertEquals(404, http.get("/api/v1/roster/classes/" + twoB.id(), classTeacher).status());
        assertEquals(200, http.get("/api/v1/roster/persons/" + child, classTeacher).status());
        assertTrue(importCsv(classTeacher, mine.id(), pupils(), false).status() >= 403);
        assertEquals(List.of(fiveA.id()), ids(http.get("/api/v1/roster/schools/" + mine.id() + "/classes", classTeacher).json()));

        // Parent: own child only, never the class card or a classmate.
        String parent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(child)));
        assertEquals(200, http.get("/api/v1/roster/persons/" + child, parent).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + classmate, parent).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + otherChild, parent).status());
        assertEquals(404, http.get("/api/v1/roster/classes/" + fiveA.id(), parent).status());
        assertEquals(403, http.post("/api/v1/roster/consents", "{\"personId\":\"" + child + "\",\"purpose\":\"x\"}", parent).status());
        // A parent reads their own record, not the other parent's (separated parents do not read each other's contacts);
        // the class teacher reads both.
        String mother = query.guardiansOf(child).stream().filter(g -> g.guardian().firstName().equals("Ольга")).findFirst().orElseThrow()
                .guardian().id();
        String father = query.guardiansOf(child).stream().filter(g -> g.guardian().firstName().equals("Игорь")).findFirst().orElseThrow()
                .guardian().id();
        String motherLogin = "m" + UUID.randomUUID().toString().substring(0, 8);
        runAsSystem(() -> accounts.create(new NewAccount(motherLogin, "Лебедева Ольга Сергеевна", mother, mine.id(),
                List.of(new Grant(Role.PARENT, ScopeRef.student(child))), "Roster-Passw0rd-7")));
        String motherToken = http.login(motherLogin, "Roster-Passw0rd-7");
        assertEquals(200, http.get("/api/v1/roster/persons/" + mother, motherToken).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + father, motherToken).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + father, parent).status());
        assertEquals(200, http.get("/api/v1/roster/persons/" + father, classTeacher).status());

        // Student: self only.
        String student = tokenFor(new Grant(Role.STUDENT, ScopeRef.student(classmate)));
        assertEquals(200, http.get("/api/v1/roster/persons/" + classmate, student).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + child, student).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + mother, student).status());

        // Municipal admin: reads the municipality's schools; another municipality's admin sees nothing.
        String mun = tokenFor(new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality(mine.municipalityId())));
        assertEquals(200, http.get("/api/v1/roster/classes/" + otherFiveA.id(), mun).status());
        String foreign = tokenFor(new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality(UUID.randomUUID().toString())));
        assertEquals(404, http.get("/api/v1/roster/classes/" + fiveA.id(), foreign).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + child, foreign).status());

        // A temporary password must be changed before any roster read.
        String login = "tmp" + UUID.randomUUID().toString().substring(0, 6);
        String temporary = runAsSystem(() -> accounts.create(new NewAccount(login, "Новый Родитель", null, mine.id(),
                List.of(new Grant(Role.PARENT, ScopeRef.student(child))), null))).temporaryPassword();
        Http.Answer first = http.post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"" + temporary + "\"}", Map.of());
        assertTrue(first.json().get("mustChangePassword").asBoolean());
        assertEquals(403, http.get("/api/v1/roster/persons/" + child, first.json().get("token").asText()).status());
        assertNotNull(LocalDate.now());
    }

    private Http.Answer signIn(String login, String password) {
        return http.post("/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}", Map.of());
    }

    @Test
    public void schoolProfileAccountReissueAndShellImport() throws Exception {
        School school = newSchool("Школа профиля");
        School other = newSchool("Другая школа профиля");
        String admin = admin();
        String profile = "/api/v1/roster/schools/" + school.id() + "/profile";

        // No profile yet: the tenancy's names, the rest empty.
        Http.Answer def = http.get(profile, admin);
        assertEquals(def.body(), 200, def.status());
        assertEquals("Школа профиля", def.json().get("shortName").asText());
        assertEquals("Школа профиля", def.json().get("fullName").asText());
        assertFalse(def.body(), def.json().hasNonNull("inn"));
        assertFalse(def.body(), def.json().hasNonNull("director"));

        String valid = "{\"fullName\":\"МБОУ «Средняя школа № 7»\",\"shortName\":\"Школа № 7\",\"address\":\"г. Тверь, ул. Школьная, 7\","
                + "\"director\":\"Иванова Анна Петровна\",\"phone\":\"+7 4822 00-00-07\",\"email\":\"school7@example.org\","
                + "\"website\":\"https://school7.example.org\",\"inn\":\"7707083893\",\"ogrn\":\"1027700132195\"}";
        Http.Answer put = http.send("PUT", profile, valid, Map.of("Authorization", "Bearer " + admin));
        assertEquals(put.body(), 200, put.status());
        JsonNode got = http.get(profile, admin).json();
        assertEquals("7707083893", got.get("inn").asText());
        assertEquals("1027700132195", got.get("ogrn").asText());
        assertEquals("Иванова Анна Петровна", got.get("director").asText());
        assertEquals("Школа № 7", got.get("shortName").asText());
        assertFalse(audit.find("school-profile", school.id(), 10).isEmpty());

        Http.Answer badInn = http.send("PUT", profile, valid.replace("7707083893", "7707083894"), Map.of("Authorization", "Bearer " + admin));
        assertEquals(badInn.body(), 400, badInn.status());
        assertEquals("inn", badInn.json().get("field").asText());
        Http.Answer badOgrn = http.send("PUT", profile, valid.replace("1027700132195", "1027700132196"),
                Map.of("Authorization", "Bearer " + admin));
        assertEquals("ogrn", badOgrn.json().get("field").asText());
        assertEquals("email", http.send("PUT", profile, valid.replace("school7@example.org", "not-an-email"),
                Map.of("Authorization", "Bearer " + admin)).json().get("field").asText());
        assertEquals("7707083893", http.get(profile, admin).json().get("inn").asText());

        assertEquals(200, importCsv(admin, school.id(), pupils(), false).status());
        SchoolClass fiveA = cls(school.id(), "5А");
        // A class teacher (also a teacher of the school) reads the profile but may not change it.
        String ctLogin = "ct" + UUID.randomUUID().toString().substring(0, 8);
        runAsSystem(() -> accounts.create(new NewAccount(ctLogin, "Классная Руководительница", null, school.id(),
                List.of(new Grant(Role.TEACHER, ScopeRef.school(school.id())), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id()))),
                "Roster-Passw0rd-7")));
        String classTeacher = http.login(ctLogin, "Roster-Passw0rd-7");
        assertEquals(200, http.get(profile, classTeacher).status());
        assertEquals(403, http.send("PUT", profile, valid, Map.of("Authorization", "Bearer " + classTeacher)).status());
        String otherCoord = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(other.id())));
        assertEquals(404, http.send("PUT", profile, valid, Map.of("Authorization", "Bearer " + otherCoord)).status());
        assertEquals(404, http.get(profile, otherCoord).status());

        // Reissue: the class teacher gives a student a new temporary password; the old one stops working.
        String alisa = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Алиса"))
                .findFirst().orElseThrow().id();
        String vera = query.studentsOfClass(fiveA.id(), clock.today()).stream().filter(p -> p.firstName().equals("Вера"))
                .findFirst().orElseThrow().id();
        String alisaLogin = "al" + UUID.randomUUID().toString().substring(0, 8);
        runAsSystem(() -> accounts.create(new NewAccount(alisaLogin, "Лебедева Алиса Игоревна", alisa, school.id(),
                List.of(new Grant(Role.STUDENT, ScopeRef.student(alisa))), "Roster-Passw0rd-7")));
        assertEquals(200, signIn(alisaLogin, "Roster-Passw0rd-7").status());
        Http.Answer reset = http.post("/api/v1/roster/persons/" + alisa + "/account/reset", null, classTeacher);
        assertEquals(reset.body(), 200, reset.status());
        assertEquals(alisaLogin, reset.json().get("login").asText());
        String temporary = reset.json().get("temporaryPassword").asText();
        assertFalse(temporary.isBlank());
        assertEquals(401, signIn(alisaLogin, "Roster-Passw0rd-7").status());
        Http.Answer fresh = signIn(alisaLogin, temporary);
        assertEquals(fresh.body(), 200, fresh.status());
        assertTrue(fresh.json().get("mustChangePassword").asBoolean());

        // Revoke and restore, by the school's coordinator. A session in use (just checked, so reused by this node) ends at once.
        String coord = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(school.id())));
        String inUse = fresh.json().get("token").asText();
        assertEquals(200, http.get("/api/v1/auth/me", inUse).status());
        Http.Answer revoked = http.post("/api/v1/roster/persons/" + alisa + "/account/revoke", null, coord);
        assertEquals(revoked.body(), 200, revoked.status());
        assertTrue(revoked.json().get("disabled").asBoolean());
        assertEquals("the revoked account's session ends at once", 401, http.get("/api/v1/auth/me", inUse).status());
        // Changed roles apply at once to a session in use, too.
        Http.Answer coordMe = http.get("/api/v1/auth/me", coord);
        assertEquals(coordMe.body(), 200, coordMe.status());
        assertEquals(200, http.get("/api/v1/roster/persons/" + alisa, coord).status());
        String coordAccount = coordMe.json().get("accountId").asText();
        runAsSystem(() -> accounts.setGrants(coordAccount, List.of(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(other.id())))));
        assertEquals(other.id(), http.get("/api/v1/auth/me", coord).json().get("grants").get(0).get("scope").get("id").asText());
        assertEquals("a coordinator moved to another school no longer sees this one's people", 404,
                http.get("/api/v1/roster/persons/" + alisa, coord).status());
        runAsSystem(() -> accounts.setGrants(coordAccount, List.of(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(school.id())))));
        Http.Answer refused = signIn(alisaLogin, temporary);
        assertEquals(refused.body(), 403, refused.status());
        assertTrue(refused.body(), refused.body().contains("disabled"));
        assertEquals(200, http.post("/api/v1/roster/persons/" + alisa + "/account/restore", null, coord).status());
        assertEquals(200, signIn(alisaLogin, temporary).status());

        // Nobody outside the person's view; a person without an account; a parent of another family.
        assertEquals(404, http.post("/api/v1/roster/persons/" + alisa + "/account/reset", null, otherCoord).status());
        Http.Answer none = http.post("/api/v1/roster/persons/" + vera + "/account/reset", null, coord);
        assertEquals(none.body(), 404, none.status());
        assertTrue(none.body(), none.body().contains("has no account"));
        String veraParent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(vera)));
        assertEquals(404, http.post("/api/v1/roster/persons/" + alisa + "/account/reset", null, veraParent).status());
        assertEquals(404, http.post("/api/v1/roster/persons/" + alisa + "/account/revoke", null, veraParent).status());
        assertEquals(403, http.post("/api/v1/roster/persons/" + vera + "/account/reset", null, veraParent).status());
        assertEquals(200, signIn(alisaLogin, temporary).status());

        // The shell: a dry run reports and writes nothing; a bad file lists every error as file:row:column.
        School console = newSchool("Школа из консоли");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("roster-import");
        java.nio.file.Path good = dir.resolve("pupils.csv");
        java.nio.file.Files.write(good, pupils().getBytes(StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, ps, ps);
        try {
            session.execute("zhurnal:import --dry-run " + console.id() + " " + good);
            ps.flush();
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text, text.contains("Dry run"));
            assertTrue(text, text.contains("students 4"));
            assertTrue(query.classes(console.id(), year()).isEmpty());

            out.reset();
            java.nio.file.Path bad = dir.resolve("bad.csv");
            java.nio.file.Files.write(bad, (pupils() + "P5;Щукин;;;31.02.2015;Х;12А;;;;;;;;;;;;;\n" + "P1;Дубль;Иван;;01.01.2015;М;5А;;;;;;;;;;;;;\n")
                    .getBytes(StandardCharsets.UTF_8));
            boolean failed = false;
            try {
                session.execute("zhurnal:import " + console.id() + " " + bad);
            } catch (Exception e) {
                failed = true;
            }
            ps.flush();
            String errors = out.toString(StandardCharsets.UTF_8);
            assertTrue("the command must fail: " + errors, failed);
            assertTrue(errors, errors.contains("bad.csv:6:"));
            assertTrue(errors, errors.contains("bad.csv:7:"));
            assertTrue(query.classes(console.id(), year()).isEmpty());
        } finally {
            session.close();
        }
    }

    static final String STAFF = "Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n"
            + "T1;Белова;Ирина;Сергеевна;учитель;Математика;;belova@example.org;5А\n"
            + "T2;Козлов;Олег;Иванович;директор;;;;\n"
            + "T3;Смирнова;Анна;Павловна;учитель;Английский язык;;;\n";

    private Map<String, String> staffIds(String token, String schoolId) {
        Map<String, String> ids = new java.util.HashMap<>();
        http.get("/api/v1/roster/schools/" + schoolId + "/staff", token).json().forEach(p -> ids.put(p.get("lastName").asText(),
                p.get("id").asText()));
        return ids;
    }

    /**
     * A student moves to another class of the same year (5А to 5Б) from a date: the old class and its subgroups end the day
     * before, electives go on, the move is audited; bad input and callers who may not do it are refused and change nothing.
     */
    @Test
    public void aStudentMovesToAnotherClassWithinTheYear() throws Exception {
        School school = newSchool("Школа переводов");
        School other = newSchool("Чужая школа переводов");
        String admin = admin();
        String csv = pupils() + "P5;Зайцев;Глеб;Андреевич;05.05.2015;М;5Б;;G5;Зайцева Ирина Олеговна;мать;+7 900 555-66-77;;нет;;;;;;\n";
        assertEquals(200, importCsv(admin, school.id(), csv, false).status());
        assertEquals(200, importCsv(admin, other.id(), pupils(), false).status());
        SchoolClass fiveA = cls(school.id(), "5А");
        SchoolClass fiveB = cls(school.id(), "5Б");
        String alisa = studentOf(fiveA, "Алиса");
        LocalDate today = clock.today();
        LocalDate yearStart = LocalDate.of(year(), 9, 1);
        String groups = "/api/v1/roster/schools/" + school.id() + "/groups";
        String subgroup = http.post(groups, "{\"kind\":\"SUBGROUP\",\"classId\":\"" + fiveA.id() + "\",\"name\":\"5А англ. 1\"}", admin)
                .json().get("id").asText();
        String elective = http.post(groups, "{\"kind\":\"ELECTIVE\",\"name\":\"Робототехника\"}", admin).json().get("id").asText();
        for (String g : List.of(subgroup, elective)) {
            Http.Answer set = put("/api/v1/roster/groups/" + g + "/members", "{\"studentIds\":[\"" + alisa + "\"],\"from\":\"" + yearStart + "\"}", admin);
            assertEquals(set.body(), 200, set.status());
        }
        String transfer = "/api/v1/roster/persons/" + alisa + "/transfer";
        String toFiveB = "{\"classId\":\"" + fiveB.id() + "\",\"date\":\"" + today + "\"}";

        // Bad input is named and changes nothing: no class or date, the same class, another school's class, a date out of class.
        Http.Answer empty = http.post(transfer, "{}", admin);
        assertEquals(empty.body(), 400, empty.status());
        assertEquals(List.of("classId", "date"), fields(empty));
        Http.Answer same = http.post(transfer, "{\"classId\":\"" + fiveA.id() + "\",\"date\":\"" + today + "\"}", admin);
        assertEquals(same.body(), 400, same.status());
        assertEquals(List.of("classId"), fields(same));
        Http.Answer foreignClass = http.post(transfer, "{\"classId\":\"" + cls(other.id(), "5А").id() + "\",\"date\":\"" + today + "\"}", admin);
        assertEquals(List.of("classId"), fields(foreignClass));
        for (LocalDate outside : List.of(yearStart.minusYears(3), yearStart.plusYears(1))) {
            Http.Answer notThisYear = http.post(transfer, "{\"classId\":\"" + fiveB.id() + "\",\"date\":\"" + outside + "\"}", admin);
            assertEquals(notThisYear.body(), 400, notThisYear.status());
            assertEquals(List.of("date"), fields(notThisYear));
        }
        Http.Answer badDate = http.post(transfer, "{\"classId\":\"" + fiveB.id() + "\",\"date\":\"31.12.2026\"}", admin);
        assertEquals(badDate.body(), 400, badDate.status());
        // Who may not: 5А's class teacher (administers 5А, not 5Б), a parent, another school's coordinator.
        assertEquals(403, http.post(transfer, toFiveB, tokenFor(new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id())))).status());
        assertEquals(403, http.post(transfer, toFiveB, tokenFor(new Grant(Role.PARENT, ScopeRef.student(alisa)))).status());
        assertEquals(404, http.post(transfer, toFiveB, tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(other.id())))).status());
        assertTrue(query.studentsOfClass(fiveA.id(), today).stream().anyMatch(x -> x.id().equals(alisa)));
        assertTrue(audit.find("membership", null, 1000).stream().noneMatch(e -> e.action().equals("transfer") && e.after() != null
                && e.after().contains(alisa)));

        // The school's coordinator moves her from today: 5Б from today, 5А up to yesterday; 5А's subgroup ends with it,
        // the elective goes on.
        String coordinator = tokenFor(new Grant(Role.SCHOOL_COORDINATOR, ScopeRef.school(school.id())));
        Http.Answer moved = http.post(transfer, toFiveB, coordinator);
        assertEquals(moved.body(), 200, moved.status());
        assertFalse(query.studentsOfClass(fiveA.id(), today).stream().anyMatch(x -> x.id().equals(alisa)));
        assertTrue(query.studentsOfClass(fiveB.id(), today).stream().anyMatch(x -> x.id().equals(alisa)));
        if (today.isAfter(yearStart)) {
            assertTrue(query.studentsOfClass(fiveA.id(), today.minusDays(1)).stream().anyMatch(x -> x.id().equals(alisa)));
            assertTrue(query.studentsOfGroup(subgroup, today.minusDays(1)).stream().anyMatch(x -> x.id().equals(alisa)));
        }
        assertFalse(query.studentsOfGroup(subgroup, today).stream().anyMatch(x -> x.id().equals(alisa)));
        assertTrue(query.studentsOfGroup(elective, today).stream().anyMatch(x -> x.id().equals(alisa)));
        assertEquals(2, audit.find("membership", null, 1000).stream().filter(e -> e.action().equals("transfer")
                && (e.before() != null && e.before().contains(alisa) || e.after() != null && e.after().contains(alisa))).count());
        assertEquals(2, http.get("/api/v1/roster/classes/" + fiveB.id(), admin).json().get("students").size());
        // Moved to the wrong class by mistake: moving back the same day replaces that day's membership, no 5Б left behind.
        Http.Answer back = http.post(transfer, "{\"classId\":\"" + fiveA.id() + "\",\"date\":\"" + today + "\"}", coordinator);
        assertEquals(back.body(), 200, back.status());
        assertTrue(query.studentsOfClass(fiveA.id(), today).stream().anyMatch(x -> x.id().equals(alisa)));
        assertFalse(query.studentsOfClass(fiveB.id(), today).stream().anyMatch(x -> x.id().equals(alisa)));
    }

    /**
     * A newcomer enrolled by hand into 5А with a guardian: every bad field named and nothing written; a sibling's mother is
     * linked, not created again; a namesake is asked about; the school's own export carries the newcomer's code, so importing
     * it again creates nobody.
     */
    @Test
    public void aNewcomerIsEnrolledByHandWithTheirGuardian() throws Exception {
        School school = newSchool("Школа зачисления");
        School other = newSchool("Чужая школа зачисления");
        String admin = admin();
        assertEquals(200, importCsv(admin, school.id(), pupils(), false).status());
        SchoolClass fiveA = cls(school.id(), "5А");
        String enrol = "/api/v1/roster/classes/" + fiveA.id() + "/students";
        LocalDate today = clock.today();
        int before = query.studentsOfClass(fiveA.id(), today).size();

        Http.Answer empty = http.post(enrol, "{}", admin);
        assertEquals(empty.body(), 400, empty.status());
        assertEquals(List.of("lastName", "firstName", "birthDate", "sex"), fields(empty));
        String mark = "{\"lastName\":\"Лебедев\",\"firstName\":\"Марк\",\"birthDate\":\"2015-03-01\",\"sex\":\"M\","
                + "\"guardians\":[{\"lastName\":\"Лебедева\",\"firstName\":\"Ольга\",\"middleName\":\"Сергеевна\",\"relation\":\"мать\","
                + "\"phone\":\"+7 900 111-22-33\",\"email\":\"%s\"}]%s}";
        Http.Answer badMail = http.post(enrol, String.format(mark, "не-адрес", ""), admin);
        assertEquals(badMail.body(), 400, badMail.status());
        assertEquals(List.of("guardians[0].email"), fields(badMail));
        Http.Answer takenCode = http.post(enrol, String.format(mark, "olga@example.org", ",\"code\":\"P1\""), admin);
        assertEquals(List.of("code"), fields(takenCode));
        // Who may not — for each of them the class is not there (404): a parent, another school's coordinator, the class
        // teacher of another class.
        assertEquals(404, http.post(enrol, String.format(mark, "olga@example.org", ""), tokenFor(new Grant(Role.PARENT,
                ScopeRef.student(studentOf(fiveA, "Алиса"))))).status());
        assertEquals(404, http.post(enrol, String.format(mark, "olga@example.org", ""), tokenFor(new Grant(Role.SCHOOL_COORDINATOR,
                ScopeRef.school(other.id())))).status());
        assertEquals(404, http.post(enrol, String.format(mark, "olga@example.org", ""), tokenFor(new Grant(Role.CLASS_TEACHER,
                ScopeRef.schoolClass(cls(school.id(), "2Б").id())))).status());
        assertEquals(before, query.studentsOfClass(fiveA.id(), today).size());

        // Alisa's younger brother, by her class teacher: in 5А from today; their mother (the same name and phone) is linked.
        String classTeacher = tokenFor(new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id())));
        Http.Answer enrolled = http.post(enrol, String.format(mark, "olga@example.org", ""), classTeacher);
        assertEquals(enrolled.body(), 201, enrolled.status());
        String markId = enrolled.json().get("id").asText();
        assertTrue(enrolled.body(), enrolled.json().get("externalId").asText().startsWith("Z-"));
        assertEquals(before + 1, query.studentsOfClass(fiveA.id(), today).size());
        String olga = null;
        for (JsonNode st : http.get("/api/v1/roster/classes/" + fiveA.id(), admin).json().get("students")) {
            if (st.get("student").get("firstName").asText().equals("Алиса")) {
                for (JsonNode g : st.get("guardians")) {
                    olga = g.toString().contains("Ольга") ? g.get("guardian").get("id").asText() : olga;
                }
            }
        }
        assertNotNull(olga);
        assertEquals(List.of(olga), query.guardiansOf(markId).stream().map(g -> g.guardian().id()).toList());
        assertTrue(audit.find("person", markId, 5).stream().anyMatch(e -> e.action().equals("enrol")));
        // The same name and birth date again: asked (it may be the same boy); a namesake is enrolled when confirmed.
        Http.Answer again = http.post(enrol, String.format(mark, "olga@example.org", ""), admin);
        assertEquals(again.body(), 409, again.status());
        assertTrue(again.body(), again.body().contains("student-exists"));
        assertEquals(before + 1, query.studentsOfClass(fiveA.id(), today).size());
        // The school's export carries his code: importing it again creates nobody.
        Http.Answer roundTrip = importBytes(admin, school.id(), download(admin, "roster/schools/" + school.id() + "/export/students.csv"), false);
        assertEquals(roundTrip.body(), 200, roundTrip.status());
        assertEquals(roundTrip.body(), 0, roundTrip.json().get("created").path("students").asInt(0) + roundTrip.json().get("created").path("guardians")
                .asInt(0));
        assertEquals(before + 1, query.studentsOfClass(fiveA.id(), today).size());
    }

    private String studentOf(SchoolClass c, String firstName) {
        return query.studentsOfClass(c.id(), clock.today()).stream().filter(p -> p.firstName().equals(firstName)).findFirst()
                .orElseThrow().id();
    }

    private static List<String> fields(Http.Answer problem) {
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        if (fields.isEmpty() && problem.json().hasNonNull("field")) {
            fields.add(problem.json().get("field").asText());
        }
        return fields;
    }

    private Http.Answer put(String path, String json, String token) {
        return http.send("PUT", path, json, Map.of("Authorization", "Bearer " + token));
    }

    @Test
    public void groupsKeepTheirHistoryAndOpenOnlyTheirOwnStudents() throws Exception {
        School school = newSchool("Школа групп");
        School other = newSchool("Чужая школа групп");
        String admin = admin();
        assertEquals(200, importCsv(admin, school.id(), pupils(), false).status());
        assertEquals(200, importCsv(admin, school.id(), STAFF, false).status());
        assertEquals(200, importCsv(admin, other.id(), pupils(), false).status());
        SchoolClass fiveA = cls(school.id(), "5А");
        // A staff file naming another class teacher of 5А: its check names the change before anything is written; the
        // same file as before replaces nobody.
        String swapped = STAFF.replace("belova@example.org;5А\n", "belova@example.org;\n").replace("Английский язык;;;\n",
                "Английский язык;;;5А\n");
        Http.Answer swap = importCsv(admin, school.id(), swapped, true);
        assertEquals(swap.body(), 200, swap.status());
        assertEquals(swap.body(), "[{\"className\":\"5А\",\"before\":\"Белова Ирина Сергеевна\",\"after\":\"Смирнова Анна Павловна\"}]",
                swap.json().get("classTeacherChanges").toString());
        assertEquals(staffIds(admin, school.id()).get("Белова"), cls(school.id(), "5А").classTeacherId());
        Http.Answer same = importCsv(admin, school.id(), STAFF, true);
        assertEquals(same.body(), 0, same.json().get("classTeacherChanges").size());
        SchoolClass twoB = cls(school.id(), "2Б");
        String alisa = studentOf(fiveA, "Алиса");
        String vera = studentOf(fiveA, "Вера");
        String fedor = studentOf(fiveA, "Фёдор");
        String artem = studentOf(twoB, "Артём");
        String stranger = query.studentsOfClass(cls(other.id(), "5А").id(), clock.today()).get(0).id();
        String smirnova = staffIds(admin, school.id()).get("Смирнова");
        String groups = "/api/v1/roster/schools/" + school.id() + "/groups";

        // Bad input: every offending field is named, nothing is created.
        Http.Answer bad = http.post(groups, "{\"kind\":\"CHOIR\",\"name\":\" \",\"classId\":\"" + cls(other.id(), "5А").id()
                + "\",\"teacherId\":\"" + alisa + "\"}", admin);
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.body(), fields(bad).containsAll(List.of("kind", "name", "classId", "teacherId")));
        Http.Answer noClass = http.post(groups, "{\"kind\":\"SUBGROUP\",\"name\":\"Английский, группа 1\"}", admin);
        assertEquals(noClass.body(), 400, noClass.status());
        assertEquals(List.of("classId"), fields(noClass));
        Http.Answer longName = http.post(groups, "{\"kind\":\"ELECTIVE\",\"name\":\"" + "я".repeat(201) + "\"}", admin);
        assertEquals(List.of("name"), fields(longName));
        assertTrue(query.groups(school.id(), year()).isEmpty());

        // A subgroup of 5А; members as of today, then changed from next week: the history stays.
        Http.Answer created = http.post(groups, "{\"kind\":\"SUBGROUP\",\"classId\":\"" + fiveA.id()
                + "\",\"name\":\"Английский, группа 1\",\"teacherId\":\"" + smirnova + "\"}", admin);
        assertEquals(created.body(), 201, created.status());
        String group = created.json().get("id").asText();
        assertEquals("SUBGROUP", created.json().get("kind").asText());
        String members = "/api/v1/roster/groups/" + group + "/members";
        Http.Answer wrong = put(members, "{\"studentIds\":[\"" + alisa + "\",\"" + artem + "\",\"" + stranger + "\"]}", admin);
        assertEquals(wrong.body(), 400, wrong.status());
        assertEquals(List.of("studentIds[1]", "studentIds[2]"), fields(wrong));
        Http.Answer first = put(members, "{\"studentIds\":[\"" + alisa + "\",\"" + vera + "\"]}", admin);
        assertEquals(first.body(), 200, first.status());
        assertEquals(2, first.json().get("members").size());
        LocalDate today = clock.today();
        LocalDate later = today.plusDays(7);
        // Read (and so cached by the roster) before the change below: the change must show at once all the same.
        assertEquals(List.of("Гусева", "Лебедева"), query.studentsOfGroup(group, later).stream().map(p -> p.lastName()).toList());
        assertEquals(2, query.group(group).orElseThrow().memberCount());
        Http.Answer second = put(members, "{\"studentIds\":[\"" + alisa + "\",\"" + fedor + "\"],\"from\":\"" + later + "\"}", admin);
        assertEquals(second.body(), 200, second.status());
        assertEquals(List.of("Гусева", "Лебедева"), query.studentsOfGroup(group, today).stream().map(p -> p.lastName()).toList());
        assertEquals(List.of("Гусева", "Лебедева"), query.studentsOfGroup(group, later.minusDays(1)).stream().map(p -> p.lastName()).toList());
        assertEquals(List.of("Лебедева", "Орехов"), query.studentsOfGroup(group, later).stream().map(p -> p.lastName()).toList());
        assertEquals(List.of(group), query.groupsOfStudent(vera, today).stream().map(g -> g.id()).toList());
        assertTrue(query.groupsOfStudent(vera, later).isEmpty());
        assertEquals(2, query.groups(school.id(), year()).get(0).memberCount());
        Http.Answer card = http.get("/api/v1/roster/groups/" + group + "?date=" + later, admin);
        assertEquals(card.body(), 200, card.status());
        assertEquals(List.of(alisa, fedor), ids(card.json().get("members")));
        assertTrue(audit.find("group", group, 10).stream().anyMatch(e -> e.action().equals("create")));
        assertEquals(2, audit.find("group", group, 10).stream().filter(e -> e.action().equals("set-members")).count());

        // The group's teacher reads its students of today, and nothing else.
        String teacher = tokenFor(new Grant(Role.TEACHER, ScopeRef.group(group)));
        assertEquals(200, http.get("/api/v1/roster/persons/" + alisa, teacher).status());
        assertEquals(200, http.get("/api/v1/roster/persons/" + vera, teacher).status());
        assertEquals(200, http.get("/api/v1/roster/groups/" + group, teacher).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + artem, teacher).status());
        assertEquals(404, http.get("/api/v1/roster/persons/" + fedor, teacher).status()); // joins only next week
        assertEquals(404, http.get("/api/v1/roster/classes/" + fiveA.id(), teacher).status());
        assertEquals(403, put(members, "{\"studentIds\":[]}", teacher).status());
        // A parent still sees only their own child, not the group.
        String parent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(alisa)));
        assertEquals(404, http.get("/api/v1/roster/persons/" + vera, parent).status());
        assertEquals(404, http.get("/api/v1/roster/groups/" + group, parent).status());

        // The class teacher of 5А may divide the class, but not set up electives for the school or touch 2Б.
        String ctLogin = "ct" + UUID.randomUUID().toString().substring(0, 8);
        runAsSystem(() -> accounts.create(new NewAccount(ctLogin, "Белова Ирина Сергеевна", null, school.id(),
                List.of(new Grant(Role.TEACHER, ScopeRef.school(school.id())), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id()))),
                "Roster-Passw0rd-7")));
        String classTeacher = http.login(ctLogin, "Roster-Passw0rd-7");
        Http.Answer half = http.post(groups, "{\"kind\":\"SUBGROUP\",\"classId\":\"" + fiveA.id() + "\",\"name\":\"Английский, группа 2\"}",
                classTeacher);
        assertEquals(half.body(), 201, half.status());
        assertEquals(403, http.post(groups, "{\"kind\":\"ELECTIVE\",\"name\":\"Робототехника\"}", classTeacher).status());
        assertEquals(403, http.post(groups, "{\"kind\":\"SUBGROUP\",\"classId\":\"" + twoB.id() + "\",\"name\":\"Группа\"}", classTeacher)
                .status());
        assertEquals(200, put("/api/v1/roster/groups/" + half.json().get("id").asText() + "/members", "{\"studentIds\":[\"" + vera + "\"]}",
                classTeacher).status());
        assertEquals(2, http.get(groups, classTeacher).json().size());
        assertEquals(201, http.post(groups, "{\"kind\":\"ELECTIVE\",\"name\":\"Робототехника\"}", admin).status());
        assertEquals(3, http.get(groups, admin).json().size());
        assertEquals(List.of(group), ids(http.get(groups, teacher).json()));
    }

    /** pupils() with the «Группы» column: one cell per row, in the order P1..P4. */
    static String pupilsWithGroups(String... cells) {
        String[] lines = pupils().split("\n");
        StringBuilder out = new StringBuilder(lines[0]).append(";Группы\n");
        for (int i = 1; i < lines.length; i++) {
            out.append(lines[i]).append(';').append(cells[i - 1]).append('\n');
        }
        return out.toString();
    }

    /** The school's groups of the year by name → their teacher's surname («-» for none). */
    private Map<String, String> teachersOfGroups(String schoolId) {
        Map<String, String> out = new java.util.HashMap<>();
        query.groups(schoolId, year()).forEach(g -> out.put(g.name(), g.teacherId() == null ? "-"
                : query.person(g.teacherId()).orElseThrow().lastName()));
        return out;
    }

    /** The school's groups over REST: «name / kind / class / sorted members' surnames». */
    private List<String> describeGroups(String token, String schoolId) {
        Map<String, String> classNames = new java.util.HashMap<>();
        query.classes(schoolId, year()).forEach(c -> classNames.put(c.id(), c.name()));
        List<String> out = new ArrayList<>();
        for (JsonNode g : http.get("/api/v1/roster/schools/" + schoolId + "/groups", token).json()) {
            Http.Answer card = http.get("/api/v1/roster/groups/" + g.get("id").asText(), token);
            assertEquals(card.body(), 200, card.status());
            List<String> members = new ArrayList<>();
            card.json().get("members").forEach(m -> members.add(m.get("lastName").asText()));
            members.sort(null);
            assertEquals(members.size(), g.get("memberCount").asInt());
            out.add(g.get("name").asText() + " / " + g.get("kind").asText() + " / "
                    + (g.hasNonNull("classId") ? classNames.get(g.get("classId").asText()) : "-") + " / " + members);
        }
        out.sort(null);
        return out;
    }

    @Test
    public void groupsTravelInTheStudentsFileAndBackOut() throws Exception {
        School school = newSchool("Школа с группами в файле");
        String admin = admin();
        String file = pupilsWithGroups("\"5А англ. 1; Кружок робототехники\"", "ГПД 1-2 классов", "5А  англ. 2",
                "5А англ. 1, кружок робототехники");
        Http.Answer first = importCsv(admin, school.id(), file, false);
        assertEquals(first.body(), 200, first.status());
        assertEquals(4, first.json().get("created").get("groups").asInt());
        assertEquals(6, first.json().get("created").get("groupMembers").asInt());
        List<String> expected = List.of(
                "5А англ. 1 / SUBGROUP / 5А / [Лебедева, Орехов]",
                "5А англ. 2 / SUBGROUP / 5А / [Гусева]",
                "ГПД 1-2 классов / EXTENDED_DAY / - / [Лебедев]",
                "Кружок робототехники / CLUB / - / [Лебедева, Орехов]");
        assertEquals(expected, describeGroups(admin, school.id()));
        String club = query.groups(school.id(), year()).stream().filter(g -> g.name().equals("Кружок робототехники")).findFirst()
                .orElseThrow().id();
        assertTrue(audit.find("group", club, 10).stream().anyMatch(e -> e.action().equals("import-create")));

        // The staff file names the groups each teacher teaches; a group named for the first time is created.
        String staffWithGroups = STAFF.replace("Классный руководитель\n", "Классный руководитель;Группы\n")
                .replace("5А\n", "5А;Кружок робототехники\n").replace("директор;;;;\n", "директор;;;;;\n")
                .replace("Английский язык;;;\n", "Английский язык;;;;\"5А англ. 1; 5А англ. 2; Английский, группа 9\"\n");
        Http.Answer teachers = importCsv(admin, school.id(), staffWithGroups, false);
        assertEquals(teachers.body(), 200, teachers.status());
        assertEquals(teachers.body(), 1, teachers.json().get("created").get("groups").asInt());
        Map<String, String> expectedTeachers = Map.of("5А англ. 1", "Смирнова", "5А англ. 2", "Смирнова", "Английский, группа 9",
                "Смирнова", "Кружок робототехники", "Белова", "ГПД 1-2 классов", "-");
        assertEquals(expectedTeachers, teachersOfGroups(school.id()));
        List<String> withElective = java.util.stream.Stream.concat(expected.stream(),
                java.util.stream.Stream.of("Английский, группа 9 / ELECTIVE / - / []")).sorted().toList();
        assertEquals(withElective, describeGroups(admin, school.id()));
        // Two teachers for one group, or a subgroup of a class the school does not have: refused by row, nothing changed.
        Http.Answer twice = importCsv(admin, school.id(), staffWithGroups.replace("директор;;;;;\n", "директор;;;;;ГПД 1-2 классов\n")
                .replace("5А;Кружок робототехники\n", "5А;\"Кружок робототехники; ГПД 1-2 классов\"\n")
                .replace("5А англ. 2;", "9Я англ. 2;"), false);
        assertEquals(twice.body(), 400, twice.status());
        assertEquals(List.of("pupils.csv:3:Группы", "pupils.csv:4:Группы"), fields(twice));
        assertEquals(expectedTeachers, teachersOfGroups(school.id()));
        // Each row is the complete list: Смирнова's row without «5А англ. 2» leaves it without a teacher.
        assertEquals(200, importCsv(admin, school.id(), staffWithGroups.replace(" 5А англ. 2;", ""), false).status());
        assertEquals("-", teachersOfGroups(school.id()).get("5А англ. 2"));
        assertEquals(200, importCsv(admin, school.id(), staffWithGroups, false).status());
        assertEquals(expectedTeachers, teachersOfGroups(school.id()));

        // The same file again: nothing is created or changed.
        Http.Answer again = importCsv(admin, school.id(), file, false);
        assertEquals(again.body(), 200, again.status());
        assertEquals(again.body(), 0, again.json().get("created").size());
        assertEquals(again.body(), 0, again.json().get("updated").size());
        assertEquals(6, again.json().get("unchanged").get("groupMembers").asInt());
        assertEquals(withElective, describeGroups(admin, school.id()));

        // Export, then import into a new school: the same groups with the same members.
        byte[] students = download(admin, "roster/schools/" + school.id() + "/export/students.csv");
        assertTrue(new String(students, StandardCharsets.UTF_8).lines().findFirst().orElseThrow().endsWith(";Группы"));
        School copy = newSchool("Копия школы с группами");
        Http.Answer copied = importBytes(admin, copy.id(), students, false);
        assertEquals(copied.body(), 200, copied.status());
        assertEquals(expected, describeGroups(admin, copy.id()));
        assertEquals(200, importBytes(admin, copy.id(), download(admin, "roster/schools/" + school.id() + "/export/staff.csv"), false)
                .status());
        assertEquals(expectedTeachers, teachersOfGroups(copy.id()));
        assertEquals(withElective, describeGroups(admin, copy.id()));
        assertEquals(0, importBytes(admin, copy.id(), students, false).json().get("created").size());
        // The same through OneRoster: groups are scheduled classes of the zip, and come back with their members.
        byte[] zip = download(admin, "roster/schools/" + school.id() + "/export/oneroster.zip");
        School viaOneRoster = newSchool("Копия школы с группами из OneRoster");
        for (int i = 0; i < 2; i++) { // the second time, nothing is created
            java.net.http.HttpResponse<String> imported = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT + "/api/v1/roster/schools/"
                            + viaOneRoster.id() + "/import/oneroster")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/zip").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zip)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(imported.body(), 200, imported.statusCode());
            JsonNode created = new com.fasterxml.jackson.databind.ObjectMapper().readTree(imported.body()).get("created");
            assertEquals(imported.body(), i == 0 ? 5 : 0, created.path("groups").asInt(0)); // 4 by students, 1 by its teacher
            assertEquals(imported.body(), i == 0 ? 6 : 0, created.path("groupMembers").asInt(0));
            assertEquals(withElective, describeGroups(admin, viaOneRoster.id()));
            assertEquals(expectedTeachers, teachersOfGroups(viaOneRoster.id()));
        }

        // A bad group cell (a subgroup of another class): refused naming the row, nothing written.
        Http.Answer bad = importCsv(admin, school.id(), file.replace("5А  англ. 2", "6Б англ. 1").replace("P4;Орехов;Фёдор",
                "P4;Орехов;Фёдор-Новый"), false);
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertEquals(List.of("pupils.csv:4:Группы"), fields(bad));
        assertEquals(withElective, describeGroups(admin, school.id()));
        // A group of the school that cannot take the student (a subgroup of 5А for a 2Б pupil): the same, after the checks of
        // the file, against the school's groups.
        String fiveA = cls(school.id(), "5А").id();
        assertEquals(201, http.post("/api/v1/roster/schools/" + school.id() + "/groups", "{\"kind\":\"SUBGROUP\",\"classId\":\""
                + fiveA + "\",\"name\":\"Английский, группа 3\"}", admin).status());
        Http.Answer foreign = importCsv(admin, school.id(), file.replace("ГПД 1-2 классов", "\"Английский, группа 3;\"")
                .replace("P4;Орехов;Фёдор", "P4;Орехов;Фёдор-Новый"), false);
        assertEquals(foreign.body(), 400, foreign.status());
        assertEquals(List.of("pupils.csv:3:Группы"), fields(foreign));
        assertEquals("Фёдор", query.studentsOfClass(fiveA, clock.today()).stream().filter(p -> p.lastName().equals("Орехов"))
                .findFirst().orElseThrow().firstName());

        // A row lists all of the student's groups: Фёдор without groups leaves both of his.
        Http.Answer left = importCsv(admin, school.id(), pupilsWithGroups("\"5А англ. 1; Кружок робототехники\"",
                "ГПД 1-2 классов", "5А англ. 2", ""), false);
        assertEquals(left.body(), 200, left.status());
        assertEquals(2, left.json().get("updated").get("groupMembers").asInt());
        assertEquals(List.of("5А англ. 1 / SUBGROUP / 5А / [Лебедева]", "5А англ. 2 / SUBGROUP / 5А / [Гусева]",
                "ГПД 1-2 классов / EXTENDED_DAY / - / [Лебедев]", "Английский, группа 3 / SUBGROUP / 5А / []",
                "Английский, группа 9 / ELECTIVE / - / []",
                "Кружок робототехники / CLUB / - / [Лебедева]").stream().sorted().toList(), describeGroups(admin, school.id()));
    }

    @Test
    public void staffAccountsNeedConsentAndCarryTheGrantsOfTheRoster() throws Exception {
        School school = newSchool("Школа сотрудников");
        String admin = admin();
        assertEquals(200, importCsv(admin, school.id(), pupils(), false).status());
        assertEquals(200, importCsv(admin, school.id(), STAFF, false).status());
        SchoolClass fiveA = cls(school.id(), "5А");
        SchoolClass twoB = cls(school.id(), "2Б");
        Map<String, String> staff = staffIds(admin, school.id());
        String groups = "/api/v1/roster/schools/" + school.id() + "/groups";
        Http.Answer elective = http.post(groups, "{\"kind\":\"ELECTIVE\",\"name\":\"Английский клуб\",\"teacherId\":\""
                + staff.get("Смирнова") + "\"}", admin);
        assertEquals(elective.body(), 201, elective.status());
        String group = elective.json().get("id").asText();
        String path = "/api/v1/roster/schools/" + school.id() + "/staff-accounts";

        // Only for the school's administrators, and only with consents.
        String classTeacher = tokenFor(new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id())));
        assertTrue(http.post(path, null, classTeacher).status() >= 403);
        Http.Answer refused = http.post(path, null, admin);
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.body(), refused.body().contains("consent-missing"));
        assertEquals(3, refused.json().get("errors").size());
        assertTrue(accounts.byPersons(staff.values()).isEmpty());
        // The staff's standing, for the staff list: nobody has a consent or an account yet; not for a class teacher.
        Http.Answer standing = http.get(path, admin);
        assertEquals(standing.body(), 200, standing.status());
        assertEquals(3, standing.json().size());
        standing.json().forEach(x -> assertTrue(x.toString(), !x.get("consent").asBoolean() && x.get("login").isNull()));
        assertTrue(http.get(path, classTeacher).status() >= 403);
        for (String id : staff.values()) {
            assertEquals(201, http.post("/api/v1/roster/consents", "{\"personId\":\"" + id + "\",\"purpose\":\"Электронный журнал\"}",
                    admin).status());
        }
        Http.Answer issued = http.post(path + "?format=json", null, admin);
        assertEquals(issued.body(), 200, issued.status());
        assertEquals(3, issued.json().get("issued").size());
        assertTrue(issued.json().get("issued").get(0).hasNonNull("temporaryPassword"));
        http.get(path, admin).json().forEach(x -> assertTrue(x.toString(), x.get("consent").asBoolean() && !x.get("login").asText().isBlank()));
        ScopeRef schoolScope = ScopeRef.school(school.id());
        assertEquals(java.util.Set.of(new Grant(Role.TEACHER, schoolScope), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id()))),
                java.util.Set.copyOf(accounts.byPerson(staff.get("Белова")).orElseThrow().grants()));
        assertEquals(java.util.Set.of(new Grant(Role.DEPUTY_DIRECTOR, schoolScope)),
                java.util.Set.copyOf(accounts.byPerson(staff.get("Козлов")).orElseThrow().grants()));
        assertEquals(java.util.Set.of(new Grant(Role.TEACHER, schoolScope), new Grant(Role.TEACHER, ScopeRef.group(group))),
                java.util.Set.copyOf(accounts.byPerson(staff.get("Смирнова")).orElseThrow().grants()));

        // The grants follow the roster; roles given by hand stay.
        var kozlov = accounts.byPerson(staff.get("Козлов")).orElseThrow();
        runAsSystem(() -> accounts.setGrants(kozlov.id(), List.of(new Grant(Role.DEPUTY_DIRECTOR, schoolScope),
                new Grant(Role.SCHOOL_COORDINATOR, schoolScope))));
        String staff2 = STAFF.replace("T2;Козлов;Олег;Иванович;директор;;;;", "T2;Козлов;Олег;Иванович;директор;;;;2Б")
                + "T4;Зайцев;Павел;Андреевич;учитель;Физкультура;;;\n";
        assertEquals(200, importCsv(admin, school.id(), staff2, false).status());
        assertEquals(java.util.Set.of(new Grant(Role.DEPUTY_DIRECTOR, schoolScope), new Grant(Role.SCHOOL_COORDINATOR, schoolScope),
                new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(twoB.id()))),
                java.util.Set.copyOf(accounts.byPerson(staff.get("Козлов")).orElseThrow().grants()));
        Http.Answer moved = put("/api/v1/roster/groups/" + group, "{\"name\":\"Английский клуб\",\"teacherId\":\"" + staff.get("Белова")
                + "\"}", admin);
        assertEquals(moved.body(), 200, moved.status());
        assertEquals(List.of(new Grant(Role.TEACHER, schoolScope)), accounts.byPerson(staff.get("Смирнова")).orElseThrow().grants());
        assertTrue(accounts.byPerson(staff.get("Белова")).orElseThrow().grants().contains(new Grant(Role.TEACHER, ScopeRef.group(group))));

        // A newcomer: the receipt sheet lists only them.
        String zaitsev = staffIds(admin, school.id()).get("Зайцев");
        assertEquals(201, http.post("/api/v1/roster/consents", "{\"personId\":\"" + zaitsev + "\",\"purpose\":\"Электронный журнал\"}",
                admin).status());
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT + path + "?format=pdf"))
                .header("Authorization", "Bearer " + admin).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text, text.contains("Ведомость получения учётных данных — сотрудники"));
        assertTrue(text, text.contains(accounts.byPerson(zaitsev).orElseThrow().login()));
        assertFalse(text, text.contains(kozlov.login()));
        assertEquals(0, http.post(path, null, admin).json().get("issued").size());
    }

    // ---- Staff grants follow the academic year (StaffGrantsResync, zhurnal:roster-sync-grants, late promotion) ----

    /**
     * A reader of an account's grants finds them as they were before a change or after it, never a mix: a teacher whose
     * class-teacher grant a resync changes keeps their school while it is written. (Read from rows replaced one by one,
     * a concurrent reader now and then missed grants the change did not touch, and the teacher's own lesson answered
     * 404 — docs/benchmarks.md, Gradebook stop 26.)
     */
    @Test
    public void changingSomeGrantsNeverHidesTheGrantsThatStay() throws Exception {
        School school = newSchool("Школа смены ролей");
        ScopeRef schoolScope = ScopeRef.school(school.id());
        Grant stays = new Grant(Role.TEACHER, schoolScope);
        String login = "g" + UUID.randomUUID().toString().substring(0, 8);
        List<Grant> without = List.of(stays, new Grant(Role.TEACHER, ScopeRef.group("g-1")));
        String account = runAsSystem(() -> accounts.create(new NewAccount(login, "Сменова Анна Петровна", null, school.id(), without,
                "Roster-Passw0rd-7"))).account().id();
        List<Grant> with = List.of(stays, new Grant(Role.TEACHER, ScopeRef.group("g-1")), new Grant(Role.CLASS_TEACHER,
                ScopeRef.schoolClass("c-1")));
        java.util.concurrent.ConcurrentLinkedQueue<List<Grant>> torn = new java.util.concurrent.ConcurrentLinkedQueue<>();
        int reads = Races.readWhileWriting(3, () -> {
            List<Grant> seen = accounts.byId(account).orElseThrow().grants();
            java.util.Set<Grant> set = java.util.Set.copyOf(seen);
            if (!set.equals(java.util.Set.copyOf(with)) && !set.equals(java.util.Set.copyOf(without))) {
                torn.add(seen);
            }
        }, () -> {
            for (int i = 0; i < 150; i++) {
                List<Grant> next = i % 2 == 0 ? with : without;
                runAsSystem(() -> accounts.setGrants(account, next));
            }
        });
        assertTrue("the readers ran alongside the writes: " + reads, reads > 150);
        assertTrue("a reader found grants that were neither the old nor the new ones " + torn.size() + " times of " + reads + ", e.g. " + torn.peek(),
                torn.isEmpty());
        // The last write is the one in force, and each write was audited with what it changed.
        assertEquals(java.util.Set.copyOf(without), java.util.Set.copyOf(accounts.byId(account).orElseThrow().grants()));
        assertTrue(audit.find("account", account, 500).stream().filter(e -> "set-grants".equals(e.action())).count() >= 150);
    }

    @Test
    public void staffGrantsFollowTheAcademicYear() throws Exception {
        int june = LocalDate.now().getYear() + 1; // a calendar year: June belongs to academic year june-1, 1 September starts june
        String password = "Roster-Passw0rd-7";
        // An offset beyond ten years (a slip of the operator's keyboard) is refused with the unit and the bound; the clock stays.
        String farAhead = shell("zhurnal:clock --offset 99999999999999");
        assertTrue(farAhead, farAhead.contains("ten years"));
        assertTrue(clock.now().toString(), Math.abs(java.time.Duration.between(clock.now(), java.time.Instant.now()).toSeconds()) < 5);
        String badFixed = shell("zhurnal:clock --fixed yesterday");
        assertTrue(badFixed, badFixed.contains("2026-12-02T08:00:00Z"));
        try {
            setClock(LocalDate.of(june, 6, 15));
            assertEquals(june - 1, year());
            School school = newSchool("Школа нового года");
            School late = newSchool("Школа позднего перевода");
            String admin = admin();
            Map<String, String[]> teachers = new java.util.HashMap<>(); // school id → {account login, account id, 5А id}
            for (School s : List.of(school, late)) {
                assertEquals(200, importCsv(admin, s.id(), pupils(), false).status());
                assertEquals(200, importCsv(admin, s.id(), STAFF, false).status());
                String belova = staffIds(admin, s.id()).get("Белова");
                String login = "ny" + UUID.randomUUID().toString().substring(0, 8);
                String accountId = runAsSystem(() -> accounts.create(new NewAccount(login, "Белова Ирина Сергеевна", belova, s.id(),
                        List.of(new Grant(Role.TEACHER, ScopeRef.school(s.id()))), password))).account().id();
                teachers.put(s.id(), new String[] {login, accountId, cls(s.id(), "5А").id()});
            }
            ScopeRef schoolScope = ScopeRef.school(school.id());
            String fiveA = teachers.get(school.id())[2];
            java.util.function.Function<String, java.util.Set<Grant>> grantsOf = schoolId -> java.util.Set.copyOf(
                    accounts.byId(teachers.get(schoolId)[1]).orElseThrow().grants());

            // On demand, for one school: the account gets the class it leads (a second run changes nothing).
            String out = shell("zhurnal:roster-sync-grants " + school.id());
            assertTrue(out, out.matches("(?s).*Staff grants resynced for " + (june - 1) + "/" + june + ": 1 schools, [01] accounts changed.*"));
            assertEquals(java.util.Set.of(new Grant(Role.TEACHER, schoolScope), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA))),
                    grantsOf.apply(school.id()));
            assertTrue(shell("zhurnal:roster-sync-grants " + school.id()).contains("1 schools, 0 accounts changed"));
            String missing = shell("zhurnal:roster-sync-grants no-such-school");
            assertTrue(missing, missing.contains("FAILED: School no-such-school was not found"));

            // Promoted in June: the old year goes on until 31 August, and so does the grant on 5А.
            String promote = "{\"fromYear\":" + (june - 1) + "}";
            Http.Answer applied = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/apply", promote, admin);
            assertEquals(applied.body(), 200, applied.status());
            SchoolClass sixA = query.classes(school.id(), june).stream().filter(c -> c.name().equals("6А")).findFirst().orElseThrow();
            assertEquals(java.util.Set.of(new Grant(Role.TEACHER, schoolScope), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA))),
                    grantsOf.apply(school.id()));

            // 1 September: the resync moves the grant to 6А; the teacher opens 6А's card and no longer 5А's.
            setClock(LocalDate.of(june, 9, 1));
            out = shell("zhurnal:roster-sync-grants " + school.id());
            assertTrue(out, out.matches("(?s).*Staff grants resynced for " + june + "/" + (june + 1) + ": 1 schools, [01] accounts changed.*"));
            assertTrue(shell("zhurnal:roster-sync-grants").contains(" accounts changed"));
            assertEquals(java.util.Set.of(new Grant(Role.TEACHER, schoolScope), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(sixA.id()))),
                    grantsOf.apply(school.id()));
            assertFalse(audit.find("account", teachers.get(school.id())[1], 10).isEmpty());
            String teacher = http.login(teachers.get(school.id())[0], password);
            Http.Answer card = http.get("/api/v1/roster/classes/" + sixA.id(), teacher);
            assertEquals(card.body(), 200, card.status());
            assertTrue(card.body(), card.body().contains("Лебедева"));
            int refused = http.get("/api/v1/roster/classes/" + fiveA, teacher).status();
            assertTrue("5А of last year: " + refused, refused == 404 || refused == 403);

            // A promotion applied after 1 September gives the class teacher the new class at once.
            String lateFiveA = teachers.get(late.id())[2];
            runAsSystem(() -> accounts.setGrants(teachers.get(late.id())[1], List.of(new Grant(Role.TEACHER, ScopeRef.school(late.id())),
                    new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(lateFiveA)))));
            admin = admin();
            applied = http.post("/api/v1/roster/schools/" + late.id() + "/promotion/apply", promote, admin);
            assertEquals(applied.body(), 200, applied.status());
            SchoolClass lateSixA = query.classes(late.id(), june).stream().filter(c -> c.name().equals("6А")).findFirst().orElseThrow();
            assertEquals(java.util.Set.of(new Grant(Role.TEACHER, ScopeRef.school(late.id())),
                    new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(lateSixA.id()))), grantsOf.apply(late.id()));
        } finally {
            setClock(null);
        }
    }

    @Test
    public void theOperatorBacksUpTheRunningDatabaseWithOneCommand() throws Exception {
        Path dir = Files.createTempDirectory("zhurnal-backup");
        String out = shell("zhurnal:backup " + dir.resolve("2026-12-02"));
        assertTrue(out, out.contains("Backed up under"));
        // Derby's copy: a database directory with its service.properties and data segment, under the directory given.
        try (var files = Files.walk(dir.resolve("2026-12-02"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertTrue(names.toString(), names.contains("service.properties") && names.contains("seg0"));
        }
        String refused = shell("zhurnal:backup " + Files.createTempFile("zhurnal", ".txt"));
        assertTrue(refused, refused.contains("is a file, not a directory"));
    }

    /** Runs a shell command as the test's console user; @return what it printed (and the error, if it failed) */
    private String shell(String command) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, ps, ps);
        try {
            session.execute(command);
        } catch (Exception e) {
            ps.println("FAILED: " + e.getMessage());
        } finally {
            ps.flush();
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Stops the platform clock at 10:00 Moscow time of {@code day}, or lets it follow system time again ({@code null}). */
    private void setClock(LocalDate day) throws Exception {
        java.time.Instant target = day == null ? null : day.atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant();
        shell(target == null ? "zhurnal:clock --reset" : "zhurnal:clock --fixed " + target);
        long deadline = System.currentTimeMillis() + 30_000;
        while (Math.abs(java.time.Duration.between(clock.now(), target == null ? java.time.Instant.now() : target).toSeconds()) >= 5) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the clock did not move to " + target + " (it says " + clock.now() + ")");
            }
            Thread.sleep(100);
        }
    }

    // ---- end of the staff grants block ----

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
