package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
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
 * The deputy director's control reports on the real distribution: a school whose lessons are journaled on time and
 * late — the platform clock ({@code org.zhurnal.clock} {@code fixedInstant}) is set back to the lesson days for the
 * entries made on time —, the timeliness report (CSV, XLSX, PDF, the dashboard's JSON) flagging exactly the late
 * entries, the municipal ranking over three schools, informing parents (a diary visit, a handed-over printout), the
 * activity rating with exact numbers, refused actors and bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ControlReportsIT {
    static final String STAFF = "Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n"
            + "T1;Белова;Ирина;Сергеевна;учитель;Математика;;;5А\n"
            + "T3;Смирнова;Анна;Павловна;учитель;Русский язык;;;\n";
    static final String PASSWORD = "Control-Passw0rd-7";
    static final String RUN = "/api/v1/reports/";

    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    RosterQuery roster;
    @Inject
    ZhurnalClock clock;
    @Inject
    ConfigurationAdmin configAdmin;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution();
    }

    /** A school's ids after its set-up. */
    record Setup(School school, String belova, String smirnova, String fiveA, Map<String, String> pupils, String math, String russian) {
    }

    private Setup setUp(School school, String admin, boolean russian) throws Exception {
        LocalDate today = clock.today();
        int y = RosterQuery.academicYearOf(today);
        LocalDate yearStart = LocalDate.of(y, 9, 1);
        importCsv(admin, school.id(), RosterIT.pupils());
        importCsv(admin, school.id(), STAFF);
        Map<String, String> staff = new HashMap<>();
        http.get("/api/v1/roster/schools/" + school.id() + "/staff", admin).json()
                .forEach(p -> staff.put(p.get("lastName").asText(), p.get("id").asText()));
        String fiveA = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        Map<String, String> pupils = new HashMap<>();
        roster.studentsOfClass(fiveA, today).forEach(s -> pupils.put(s.firstName(), s.id()));
        Http.Answer year = http.post("/api/v1/calendar/schools/" + school.id() + "/years", "{\"year\":" + y + ",\"start\":\"" + yearStart
                + "\",\"end\":\"" + LocalDate.of(y + 1, 5, 31) + "\",\"workingDays\":5}", admin);
        assertEquals(year.body(), 201, year.status());
        assertEquals(201, http.post("/api/v1/calendar/years/" + year.json().get("id").asText() + "/periods",
                "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}", admin).status());
        Http.Answer bells = http.post("/api/v1/bells/schools/" + school.id() + "/schedules", "{\"name\":\"Основное\",\"kind\":\"REGULAR\","
                + "\"validFrom\":\"" + yearStart + "\",\"periods\":[{\"number\":1,\"start\":\"08:30\",\"end\":\"09:15\"},"
                + "{\"number\":2,\"start\":\"09:25\",\"end\":\"10:10\"}]}", admin);
        assertEquals(bells.body(), 201, bells.status());
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            assertEquals(200, http.send("PUT", "/api/v1/bells/schools/" + school.id() + "/weekdays/" + day,
                    "{\"scheduleId\":\"" + bells.json().get("id").asText() + "\"}", Map.of("Authorization", "Bearer " + admin)).status());
        }
        String entries = "/api/v1/timetable/schools/" + school.id() + "/entries";
        String math = http.post(entries, entry(fiveA, "Математика", staff.get("Белова"), "MONDAY", 1, yearStart), admin).json().get("id").asText();
        String rus = !russian ? null
                : http.post(entries, entry(fiveA, "Русский язык", staff.get("Смирнова"), "TUESDAY", 2, yearStart), admin).json().get("id").asText();
        return new Setup(school, staff.get("Белова"), staff.get("Смирнова"), fiveA, pupils, math, rus);
    }

    private void importCsv(String admin, String schoolId, String csv) throws Exception {
        Http.Answer a = http.send("POST", "/api/v1/roster/schools/" + schoolId + "/import?fileName=people.csv", "text/csv", csv,
                Map.of("Authorization", "Bearer " + admin));
        assertEquals(a.body(), 200, a.status());
    }

    private static String entry(String classId, String subject, String teacherId, String weekday, int lesson, LocalDate validFrom) {
        return "{\"classId\":\"" + classId + "\",\"subject\":\"" + subject + "\",\"teacherId\":\"" + teacherId + "\",\"weekday\":\"" + weekday
                + "\",\"lessonNumber\":" + lesson + ",\"validFrom\":\"" + validFrom + "\"}";
    }

    private String account(String personId, String schoolId, Grant grant) {
        String login = "c" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Контролёр Пётр Петрович", personId, schoolId, List.of(grant), PASSWORD)));
        return login;
    }

    private String token(String login) {
        return http.login(login, PASSWORD);
    }

    /** Records a lesson's entries as the teacher (signed in at the clock's current time). */
    private void journal(String teacherLogin, String occurrenceId, String json) {
        Http.Answer a = http.post("/api/v1/gradebook/lessons/" + occurrenceId, json,
                Map.of("Authorization", "Bearer " + token(teacherLogin), "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(a.body(), 200, a.status());
    }

    /** Stops the platform clock at {@code at} (Moscow time of {@code day}), or lets it run again ({@code day} null). */
    private void setClock(LocalDate day, LocalTime at) throws Exception {
        Clocks.set(configAdmin, clock, day, at);
    }

    private Http.Answer run(String report, String format, String params, String token) {
        return http.post(RUN + report + "/run", "{\"format\":\"" + format + "\",\"parameters\":{" + params + "}}", token);
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(a.body(), field, a.json().get("field").asText());
        }
    }

    /** CSV lines (BOM dropped) split into cells. */
    private static List<List<String>> csv(String body) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.replace("\uFEFF", "").split("\r\n", -1)) {
            rows.add(List.of(line.split(";", -1)));
        }
        return rows;
    }

    private static List<String> row(List<List<String>> rows, String first) {
        return rows.stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow(() -> new AssertionError(first + " not in " + rows));
    }

    @Test
    public void controlReportsFlagExactlyTheLateEntriesRankSchoolsAndRefuseOutsiders() throws Exception {
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Municipality m1 = RosterIT.runAsSystem(() -> tenants.createMunicipality("Control IT " + suffix));
        Municipality m2 = RosterIT.runAsSystem(() -> tenants.createMunicipality("Control IT other " + suffix));
        School a = RosterIT.runAsSystem(() -> tenants.createSchool(m1.id(), "Школа А", "Школа А", "Europe/Moscow"));
        School b = RosterIT.runAsSystem(() -> tenants.createSchool(m1.id(), "Школа Б", "Школа Б", "Europe/Moscow"));
        School c = RosterIT.runAsSystem(() -> tenants.createSchool(m1.id(), "Школа В", "Школа В", "Europe/Moscow"));
        School d = RosterIT.runAsSystem(() -> tenants.createSchool(m2.id(), "Школа Г", "Школа Г", "Europe/Moscow"));
        Setup sa = setUp(a, admin, true);
        Setup sb = setUp(b, admin, false);

        LocalDate today = clock.today();
        LocalDate m1day = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(2);
        LocalDate t1day = m1day.plusDays(1);
        LocalDate m2day = m1day.plusWeeks(1);
        LocalDate t2day = m2day.plusDays(1);
        LocalDate from = m1day;
        LocalDate to = m1day.plusDays(13);
        String alisa = sa.pupils().get("Алиса");
        String vera = sa.pupils().get("Вера");
        String fyodor = sa.pupils().get("Фёдор");
        String olga = roster.guardiansOf(alisa).stream().filter(g -> g.guardian().firstName().equals("Ольга")).findFirst().orElseThrow()
                .guardian().id();

        String belovaA = account(sa.belova(), a.id(), new Grant(Role.TEACHER, ScopeRef.school(a.id())));
        String smirnovaA = account(sa.smirnova(), a.id(), new Grant(Role.TEACHER, ScopeRef.school(a.id())));
        String belovaB = account(sb.belova(), b.id(), new Grant(Role.TEACHER, ScopeRef.school(b.id())));
        String deputyA = account(null, a.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(a.id())));
        String classTeacherA = account(null, a.id(), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(sa.fiveA())));
        String parentA = account(olga, a.id(), new Grant(Role.PARENT, ScopeRef.student(alisa)));
        String deputyD = account(null, d.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(d.id())));
        String munAdmin1 = account(null, null, new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality(m1.id())));
        String munAdmin2 = account(null, null, new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality(m2.id())));
        // A personal-data consent for Fyodor, in force over the whole range.
        Http.Answer consent = http.post("/api/v1/roster/consents", "{\"personId\":\"" + fyodor + "\",\"status\":\"GIVEN\","
                + "\"purpose\":\"Электронный журнал\",\"date\":\"" + m1day + "\"}", admin);
        assertEquals(consent.body(), 201, consent.status());

        String lessonOnTime = "{\"topic\":\"Тема\",\"homework\":\"§ 1\",\"attendance\":[]}";
        try {
            // Entered on time: the clock stands at 10:30 on the lesson's day (after the lesson, before the homework deadline).
            setClock(m1day, LocalTime.of(10, 30));
            journal(belovaA, sa.math() + ":" + m1day, lessonOnTime);
            journal(belovaB, sb.math() + ":" + m1day, lessonOnTime);
            Http.Answer week = http.get("/api/v1/diary/students/" + alisa + "/week?date=" + m1day, token(parentA)); // the family opens the diary
            assertEquals(week.body(), 200, week.status());
            setClock(t1day, LocalTime.of(10, 30));
            journal(smirnovaA, sa.russian() + ":" + t1day, lessonOnTime);
            setClock(m2day, LocalTime.of(10, 30));
            journal(belovaB, sb.math() + ":" + m2day, lessonOnTime);
            setClock(m2day.plusDays(4), LocalTime.of(12, 0)); // Friday of week 2: Vera's printout is handed over
            Http.Answer handed = http.send("PUT", "/api/v1/diary/classes/" + sa.fiveA() + "/printouts/" + vera + "?week=" + m2day, "",
                    Map.of("Authorization", "Bearer " + token(classTeacherA)));
            assertEquals(handed.body(), 200, handed.status());
        } finally {
            setClock(null, null);
        }
        // Entered late (now): Monday of week 2 in full; a mark on Tuesday of week 1 (whose topic came on the day); Tuesday of
        // week 2 never.
        journal(belovaA, sa.math() + ":" + m2day, lessonOnTime);
        journal(smirnovaA, sa.russian() + ":" + t1day, "{\"marks\":[{\"studentId\":\"" + alisa + "\",\"value\":\"5\",\"workType\":\"ORAL\"}]}");

        String deputy = token(deputyA);
        String range = "\"from\":\"" + from + "\",\"to\":\"" + to + "\"";
        String schoolA = "\"schoolId\":\"" + a.id() + "\"," + range;

        // The catalogue lists the reports with the new parameter type; the form's choices follow the caller's grants.
        JsonNode catalogue = http.get("/api/v1/reports", deputy).json();
        Set<String> ids = new TreeSet<>();
        catalogue.forEach(r -> ids.add(r.get("id").asText()));
        assertTrue(ids.toString(), ids.containsAll(List.of("journal-timeliness", "informing-parents")));
        // The reports over a municipality's schools are offered to the municipality's administrator, not to a school's deputy.
        assertFalse(ids.toString(), ids.contains("journal-timeliness-municipal") || ids.contains("school-activity-rating"));
        Set<String> municipalIds = new TreeSet<>();
        http.get("/api/v1/reports", token(munAdmin1)).json().forEach(r -> municipalIds.add(r.get("id").asText()));
        assertTrue(municipalIds.toString(), municipalIds.containsAll(List.of("journal-timeliness-municipal", "school-activity-rating")));
        JsonNode schools = http.get("/api/v1/reports/schools", deputy).json();
        assertEquals(schools.toString(), 1, schools.size());
        assertEquals(a.id(), schools.get(0).get("id").asText());
        assertEquals(0, http.get("/api/v1/reports/municipalities", deputy).json().size());
        String mun = token(munAdmin1);
        // The dashboard is in the municipal administrator's menu too, without becoming the page they start on.
        JsonNode munPages = http.get("/api/v1/ui/contributions", mun).json();
        JsonNode munDashboard = null;
        for (JsonNode page : munPages) {
            munDashboard = "/ui/timeliness/timeliness.html".equals(page.get("path").asText()) ? page : munDashboard;
        }
        assertNotNull(munPages.toString(), munDashboard);
        assertFalse(munDashboard.toString(), munDashboard.get("landing").asBoolean());
        JsonNode municipalities = http.get("/api/v1/reports/municipalities", mun).json();
        assertEquals(municipalities.toString(), 1, municipalities.size());
        assertEquals(m1.id(), municipalities.get(0).get("id").asText());
        assertEquals(3, http.get("/api/v1/reports/schools", mun).json().size());

        // Timeliness of school A: per teacher, the total, and exactly the three late lessons.
        Http.Answer csv = run("journal-timeliness", "CSV", schoolA, deputy);
        assertEquals(csv.body(), 200, csv.status());
        List<List<String>> rows = csv(csv.body());
        assertEquals(List.of("Белова Ирина Сергеевна", "2", "1", "50,0", "1", "0"), row(rows, "Белова Ирина Сергеевна"));
        assertEquals(List.of("Смирнова Анна Павловна", "2", "1", "50,0", "1", "1"), row(rows, "Смирнова Анна Павловна"));
        assertEquals(List.of("Итого по школе", "4", "2", "50,0", "2", "1"), row(rows, "Итого по школе"));
        List<List<String>> violations = rows.stream().filter(r -> r.get(0).matches("\\d{4}-\\d{2}-\\d{2}")).toList();
        assertEquals(csv.body(), 3, violations.size());
        assertEquals(List.of(t1day.toString(), "5А", "Русский язык", "Смирнова Анна Павловна", "оценки с опозданием: 1"), violations.get(0));
        assertEquals(List.of(m2day.toString(), "5А", "Математика", "Белова Ирина Сергеевна", "с опозданием: тема, посещаемость, домашнее задание"),
                violations.get(1));
        assertEquals(List.of(t2day.toString(), "5А", "Русский язык", "Смирнова Анна Павловна", "не записано: тема, посещаемость, домашнее задание"),
                violations.get(2));

        // The dashboard's JSON: the same numbers and the drill-down per teacher.
        Http.Answer dash = http.get("/api/v1/timeliness/schools/" + a.id() + "?from=" + from + "&to=" + to, deputy);
        assertEquals(dash.body(), 200, dash.status());
        assertEquals(4, dash.json().get("total").get("lessons").asInt());
        assertEquals(50.0, dash.json().get("total").get("share").asDouble(), 0.0);
        Set<String> late = new TreeSet<>();
        dash.json().get("violations").forEach(v -> late.add(v.get("occurrenceId").asText()));
        assertEquals(new TreeSet<>(List.of(sa.math() + ":" + m2day, sa.russian() + ":" + t1day, sa.russian() + ":" + t2day)), late);
        // The deadlines it was judged by, as configured (the defaults of org.zhurnal.gradebook.timeliness here).
        assertEquals(dash.body(), 2, dash.json().get("deadlines").get("homeworkHours").asInt());
        assertEquals(dash.body(), 7, dash.json().get("deadlines").get("markDays").asInt());
        assertEquals(200, http.getBytes("/ui/timeliness/timeliness.html", deputy).status());

        // XLSX: two sheets; PDF: the teachers and the violations in the text.
        Http.Bytes xlsx = http.postBytes(RUN + "journal-timeliness/run", "{\"format\":\"XLSX\",\"parameters\":{" + schoolA + "}}", deputy);
        assertEquals(200, xlsx.status());
        List<org.zhurnal.sheets.api.Sheets.SheetData> sheets = org.zhurnal.sheets.api.Sheets.readXlsx(xlsx.bytes());
        assertEquals(2, sheets.size());
        assertEquals(4, sheets.get(0).rows().size()); // header, two teachers, the total
        assertEquals(4, sheets.get(1).rows().size()); // header, three violations
        Http.Bytes pdf = http.postBytes(RUN + "journal-timeliness/run", "{\"format\":\"PDF\",\"parameters\":{" + schoolA + "},\"lang\":\"en\"}",
                deputy);
        assertEquals(200, pdf.status());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text, text.contains("Timeliness of the journal") && text.contains("Смирнова Анна Павловна") && text.contains("Violations")
                    && text.contains("late marks: 1") && text.contains("School total"));
        }

        // The municipal ranking: B (all on the day), A (half), C (no lessons) last.
        String m1range = "\"municipalityId\":\"" + m1.id() + "\"," + range;
        long t0 = System.nanoTime();
        Http.Answer ranking = run("journal-timeliness-municipal", "CSV", m1range, mun);
        System.out.println("Municipal timeliness ranking over 3 schools took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(ranking.body(), 200, ranking.status());
        List<List<String>> ranked = csv(ranking.body());
        assertEquals(List.of("1", "Школа Б", "2", "2", "100,0"), ranked.get(1));
        assertEquals(List.of("2", "Школа А", "4", "2", "50,0"), ranked.get(2));
        assertEquals(List.of("3", "Школа В", "0", "0", ""), ranked.get(3));

        // Informing parents: week 1 Alisa's family opened the diary, week 2 Vera's printout was handed over.
        Http.Answer informing = run("informing-parents", "CSV", schoolA, deputy);
        assertEquals(informing.body(), 200, informing.status());
        List<List<String>> inf = csv(informing.body());
        List<List<String>> fiveARows = inf.stream().filter(r -> r.get(0).equals("5А")).toList();
        assertEquals(List.of("5А", m1day.toString(), m1day.toString(), m1day.plusDays(6).toString(), "3", "1", "33,3"), fiveARows.get(0));
        assertEquals(List.of("5А", m2day.toString(), m2day.toString(), to.toString(), "3", "1", "33,3"), fiveARows.get(1));
        List<List<String>> twoB = inf.stream().filter(r -> r.get(0).equals("2Б")).toList();
        assertEquals(List.of("2Б", m1day.toString(), m1day.toString(), m1day.plusDays(6).toString(), "1", "0", "0,0"), twoB.get(0));
        List<List<String>> schoolRows = inf.stream().filter(r -> r.get(0).equals("Школа")).toList();
        assertEquals(List.of("Школа", m1day.toString(), m1day.toString(), m1day.plusDays(6).toString(), "4", "1", "25,0"), schoolRows.get(0));
        assertEquals(List.of("Школа", m2day.toString(), m2day.toString(), to.toString(), "4", "1", "25,0"), schoolRows.get(1));
        // The municipal view: school А's lines are its school rows above; the municipality's rows sum every school.
        Http.Answer bySchool = run("informing-parents-municipal", "CSV", m1range, mun);
        assertEquals(bySchool.body(), 200, bySchool.status());
        List<List<String>> schoolsInf = csv(bySchool.body());
        assertEquals(List.of(List.of("Школа А", m1day.toString(), "4", "1", "25,0"), List.of("Школа А", m2day.toString(), "4", "1", "25,0")),
                schoolsInf.stream().filter(r -> r.get(0).equals("Школа А")).toList());
        assertTrue(bySchool.body(), schoolsInf.stream().anyMatch(r -> r.get(0).equals("Муниципалитет")));

        // The activity rating: A = 40·2/4 + 30·2/4 + 15·1/8 + 15·1/4 = 20 + 15 + 1.875 + 3.75 = 40.625 → 40.6;
        // B = 40·2/2 + 0 + 0 + 0 = 40.0; C = 0.0.
        Http.Answer rating = run("school-activity-rating", "CSV", m1range, mun);
        assertEquals(rating.body(), 200, rating.status());
        List<List<String>> rated = csv(rating.body());
        assertEquals(List.of("1", "Школа А", "50,0", "50,0", "12,5", "25,0", "40,6"), rated.get(1));
        assertEquals(List.of("2", "Школа Б", "100,0", "0,0", "0,0", "0,0", "40,0"), rated.get(2));
        assertEquals(List.of("3", "Школа В", "", "", "", "", "0,0"), rated.get(3));
        Http.Bytes ratingPdf = http.postBytes(RUN + "school-activity-rating/run", "{\"format\":\"PDF\",\"parameters\":{" + m1range + "}}", mun);
        assertEquals(200, ratingPdf.status());

        // Refused: a class teacher, a parent, another school's deputy director, another municipality's admin — 403, no data.
        String classTeacher = token(classTeacherA);
        String parent = token(parentA);
        String otherDeputy = token(deputyD);
        String otherMun = token(munAdmin2);
        for (String who : List.of(classTeacher, parent, otherDeputy, otherMun)) {
            Http.Answer refused = run("journal-timeliness", "CSV", schoolA, who);
            assertProblem(refused, 403, null);
            assertFalse(refused.body(), refused.body().contains("Белова"));
            assertProblem(run("informing-parents", "CSV", schoolA, who), 403, null);
            assertProblem(http.get("/api/v1/timeliness/schools/" + a.id() + "?from=" + from + "&to=" + to, who), 403, null);
        }
        for (String who : List.of(otherMun, deputy, parent)) {
            assertProblem(run("journal-timeliness-municipal", "CSV", m1range, who), 403, null);
            assertProblem(run("school-activity-rating", "CSV", m1range, who), 403, null);
            assertProblem(run("informing-parents-municipal", "CSV", m1range, who), 403, null);
        }

        // Bad input: 400 naming the field.
        assertProblem(run("journal-timeliness", "CSV", "\"schoolId\":\"" + a.id() + "\",\"from\":\"" + to + "\",\"to\":\"" + from + "\"", deputy),
                400, "parameters.to");
        // The plug-in's own refusal in the caller's language (reporting SPI 1.2: a Russian message beside the English one).
        Http.Answer reversedRu = http.post(RUN + "journal-timeliness/run", "{\"format\":\"CSV\",\"parameters\":{\"schoolId\":\"" + a.id()
                + "\",\"from\":\"" + to + "\",\"to\":\"" + from + "\"}}", Map.of("Authorization", "Bearer " + deputy, "Accept-Language", "ru-RU,ru;q=0.9"));
        assertProblem(reversedRu, 400, "parameters.to");
        assertEquals(reversedRu.body(), "Конец периода раньше его начала", reversedRu.json().get("detail").asText());
        // The same as a background job is refused at once (ReportPlugin.validate, reporting SPI 1.3), in the caller's language:
        // no job is queued to fail afterwards.
        Http.Answer refusedJob = http.post(RUN + "journal-timeliness/jobs", "{\"format\":\"CSV\",\"parameters\":{\"schoolId\":\"" + a.id()
                + "\",\"from\":\"" + to + "\",\"to\":\"" + from + "\"}}", Map.of("Authorization", "Bearer " + deputy, "Accept-Language", "ru"));
        assertProblem(refusedJob, 400, "parameters.to");
        assertEquals(refusedJob.body(), "Конец периода раньше его начала", refusedJob.json().get("detail").asText());
        Http.Answer refusedJobEn = http.post(RUN + "journal-timeliness/jobs", "{\"format\":\"CSV\",\"parameters\":{\"schoolId\":\"" + a.id()
                + "\",\"from\":\"" + to + "\",\"to\":\"" + from + "\"}}", deputy);
        assertProblem(refusedJobEn, 400, "parameters.to");
        assertEquals("to must not be before from", refusedJobEn.json().get("detail").asText());
        assertProblem(run("journal-timeliness", "CSV", "\"schoolId\":\"" + a.id() + "\",\"from\":\"" + from + "\",\"to\":\"" + from.plusYears(1)
                .plusDays(1) + "\"", deputy), 400, "parameters.to");
        assertProblem(run("journal-timeliness", "CSV", "\"schoolId\":\"" + a.id() + "\",\"from\":\"2026-13-01\",\"to\":\"" + to + "\"", deputy),
                400, "parameters.from");
        assertProblem(run("journal-timeliness", "CSV", range, deputy), 400, "parameters.schoolId");
        assertProblem(run("journal-timeliness", "DOCX", schoolA, deputy), 400, "format");
        assertProblem(run("journal-timeliness-municipal", "CSV", "\"municipalityId\":\"" + UUID.randomUUID() + "\"," + range, admin), 400,
                "parameters.municipalityId");
        assertProblem(http.get("/api/v1/timeliness/schools/" + a.id() + "?from=" + to + "&to=" + from, deputy), 400, "to");
        assertProblem(http.get("/api/v1/timeliness/schools/" + a.id() + "?from=x&to=" + to, deputy), 400, "from");
        assertEquals(c.municipalityId(), m1.id());
    }
}
