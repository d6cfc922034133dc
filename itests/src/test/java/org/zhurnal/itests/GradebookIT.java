package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
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
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.NewAccount;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The gradebook on the real distribution: a school set up over REST, a teacher journaling lessons (atomic,
 * idempotent), substitutes, cancelled lessons, suggestions under a municipal policy changed at run time,
 * confirmed and closed periods, and a grading-scheme plug-in hot-deployed, removed and restored.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GradebookIT {
    static final String API = "/api/v1/gradebook/";
    static final String STAFF = "Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n"
            + "T1;Белова;Ирина;Сергеевна;учитель;Математика;;belova@example.org;5А\n"
            + "T3;Смирнова;Анна;Павловна;учитель;Русский язык;;;\n";
    static final String PASSWORD = "Gradebook-Passw0rd-7";

    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    RosterQuery roster;
    @Inject
    CalendarQuery calendar;
    @Inject
    GradebookQuery gradebook;
    @Inject
    AuditLog audit;
    @Inject
    ZhurnalClock clock;
    @Inject
    ConfigurationAdmin configAdmin;
    @Inject
    BundleContext context;
    @Inject
    @org.ops4j.pax.exam.util.Filter("(osgi.jndi.service.name=zhurnal)")
    javax.sql.DataSource dataSource;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution();
    }

    private School newSchool(String name) {
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals("Gradebook IT")).findFirst()
                .orElseGet(() -> RosterIT.runAsSystem(() -> tenants.createMunicipality("Gradebook IT")));
        return RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), name, name, "Europe/Moscow"));
    }

    private String tokenFor(String personId, String schoolId, Grant grant) {
        String login = "g" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Журналов Пётр Петрович", personId, schoolId, List.of(grant), PASSWORD)));
        return http.login(login, PASSWORD);
    }

    private void importCsv(String admin, String schoolId, String csv) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT
                + "/api/v1/roster/schools/" + schoolId + "/import?fileName=people.csv"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))).build();
        var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    /** The school's academic year {@code y} in quarters for grades 1–9 and four lessons a day, Monday to Friday; @return the year's id. */
    private String yearWithQuartersAndBells(String admin, String schoolId, int y) {
        LocalDate yearStart = LocalDate.of(y, 9, 1);
        Http.Answer year = http.post("/api/v1/calendar/schools/" + schoolId + "/years", "{\"year\":" + y + ",\"start\":\"" + yearStart
                + "\",\"end\":\"" + LocalDate.of(y + 1, 5, 31) + "\",\"workingDays\":5}", admin);
        assertEquals(year.body(), 201, year.status());
        assertEquals(201, http.post("/api/v1/calendar/years/" + year.json().get("id").asText() + "/periods",
                "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}", admin).status());
        Http.Answer bells = http.post("/api/v1/bells/schools/" + schoolId + "/schedules", "{\"name\":\"Основное\",\"kind\":\"REGULAR\","
                + "\"validFrom\":\"" + yearStart + "\",\"periods\":[{\"number\":1,\"start\":\"08:30\",\"end\":\"09:15\"},"
                + "{\"number\":2,\"start\":\"09:25\",\"end\":\"10:10\"},{\"number\":3,\"start\":\"10:20\",\"end\":\"11:05\"},"
                + "{\"number\":4,\"start\":\"11:25\",\"end\":\"12:10\"}]}", admin);
        assertEquals(bells.body(), 201, bells.status());
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            assertEquals(200, put("/api/v1/bells/schools/" + schoolId + "/weekdays/" + day,
                    "{\"scheduleId\":\"" + bells.json().get("id").asText() + "\"}", admin).status());
        }
        return year.json().get("id").asText();
    }

    /** Imports the pupils and the staff into the school; @return the staff's ids by last name. */
    private Map<String, String> importPeople(String admin, String schoolId) throws Exception {
        importCsv(admin, schoolId, RosterIT.pupils());
        importCsv(admin, schoolId, STAFF);
        Map<String, String> staff = new HashMap<>();
        http.get("/api/v1/roster/schools/" + schoolId + "/staff", admin).json().forEach(p -> staff.put(p.get("lastName").asText(),
                p.get("id").asText()));
        return staff;
    }

    private Http.Answer put(String path, String json, String token) {
        return http.send("PUT", path, json, Map.of("Authorization", "Bearer " + token));
    }

    private Http.Answer record(String occurrenceId, String key, String json, String token) {
        Map<String, String> h = new HashMap<>();
        h.put("Authorization", "Bearer " + token);
        if (key != null) {
            h.put("Idempotency-Key", key);
        }
        return http.post(API + "lessons/" + occurrenceId, json, h);
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(a.body(), field, a.json().get("field").asText());
        }
    }

    private static String entry(String classId, String subject, String teacherId, String weekday, int lesson, LocalDate validFrom) {
        return "{\"classId\":\"" + classId + "\",\"subject\":\"" + subject + "\",\"teacherId\":\"" + teacherId + "\",\"weekday\":\"" + weekday
                + "\",\"lessonNumber\":" + lesson + ",\"validFrom\":\"" + validFrom + "\"}";
    }

    private static String mark(String studentId, String value, String workType) {
        return "{\"studentId\":\"" + studentId + "\",\"value\":\"" + value + "\",\"workType\":\"" + workType + "\"}";
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    private List<String> schemeIds(String token) {
        List<String> ids = new ArrayList<>();
        http.get(API + "grading-schemes", token).json().forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private int marksOf(String studentId, LocalDate day) {
        return gradebook.marksOfStudent(studentId, day, day, false).size();
    }

    @Test
    public void journalMarksFinalsAndHotDeployedSchemes() throws Exception {
        School school = newSchool("Школа журнала");
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        LocalDate today = clock.today();
        int y = RosterQuery.academicYearOf(today);
        LocalDate yearStart = LocalDate.of(y, 9, 1);

        Map<String, String> staff = importPeople(admin, school.id());
        String belova = staff.get("Белова");
        String smirnova = staff.get("Смирнова");
        String fiveA = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        Map<String, String> pupils = new HashMap<>();
        roster.studentsOfClass(fiveA, today).forEach(s -> pupils.put(s.firstName(), s.id()));
        String alisa = pupils.get("Алиса");
        String vera = pupils.get("Вера");
        String fyodor = pupils.get("Фёдор");
        String artyom = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("2Б")).findFirst()
                .map(c -> roster.studentsOfClass(c.id(), today).get(0).id()).orElseThrow();

        String yearId = yearWithQuartersAndBells(admin, school.id(), y);
        String entries = "/api/v1/timetable/schools/" + school.id() + "/entries";
        String math = http.post(entries, entry(fiveA, "Математика", belova, "MONDAY", 1, yearStart), admin).json().get("id").asText();
        String russian = http.post(entries, entry(fiveA, "Русский язык", smirnova, "TUESDAY", 2, yearStart), admin).json().get("id").asText();
        String art = http.post(entries, entry(fiveA, "Изобразительное искусство", belova, "WEDNESDAY", 4, yearStart), admin).json().get("id")
                .asText();

        LocalDate monday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        LocalDate earlierMonday = monday.minusWeeks(1);
        ReportingPeriod quarter = calendar.periodOf(school.id(), 5, monday).orElseThrow();
        assertEquals(quarter.id(), calendar.periodOf(school.id(), 5, earlierMonday).orElseThrow().id());
        String mathMonday = math + ":" + monday;

        String teacher = tokenFor(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));
        String colleague = tokenFor(smirnova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));
        String deputy = tokenFor(null, school.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(school.id())));
        String parent = tokenFor(null, school.id(), new Grant(Role.PARENT, ScopeRef.student(alisa)));

        // Domain events published with the changes, seen by a listener like the diary's notifier.
        List<DomainEvent> seen = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        String listenerId = "gradebook-it-" + UUID.randomUUID();
        props.put(DomainEventListener.LISTENER_ID, listenerId);
        props.put(DomainEventListener.EVENT_TYPES, "gradebook.");
        ServiceRegistration<DomainEventListener> listener = context.registerService(DomainEventListener.class, seen::add, props);
        // The listener hears what is published once the dispatcher has met it, not before.
        Rows.awaitListener(dataSource, listenerId, java.time.Duration.ofSeconds(90));

        // The built-in schemes are there; the example plug-in is not (yet).
        List<String> schemes = schemeIds(teacher);
        assertTrue(schemes.toString(), schemes.containsAll(List.of("fivepoint", "passfail", "tenpoint", "hundredpoint")));
        assertFalse(schemes.contains("levels"));

        // A whole lesson in one request.
        String lesson = "{\"topic\":\"Сложение дробей\",\"homework\":\"№ 245, 246\",\"homeworkLinks\":[\"https://example.org/fractions\"],"
                + "\"attendance\":[{\"studentId\":\"" + vera + "\",\"code\":\"б\"}],\"marks\":[" + mark(alisa, "5", "ORAL") + ","
                + mark(fyodor, "4-", "CONTROL") + "]}";
        assertProblem(record(mathMonday, null, lesson, teacher), 400, "Idempotency-Key");
        Http.Answer first = record(mathMonday, "k-1", lesson, teacher);
        assertEquals(first.body(), 200, first.status());
        assertEquals(2, first.json().get("marks").size());
        assertEquals("Сложение дробей", first.json().get("journal").get("topic").asText());
        assertEquals("б", first.json().get("attendance").get(0).get("code").asText());
        assertEquals("fivepoint", first.json().get("schemeId").asText());
        // A retry with the same key records nothing new; the same key for another body is refused.
        Http.Answer retry = record(mathMonday, "k-1", lesson, teacher);
        assertEquals(retry.body(), 200, retry.status());
        assertEquals(2, retry.json().get("marks").size());
        assertEquals(1, marksOf(alisa, monday));
        assertProblem(record(mathMonday, "k-1", "{\"topic\":\"Другое\"}", teacher), 409, null);
        // If-Match with the revision as read: an entry made meanwhile elsewhere makes it 412, and nothing changes.
        long revision = first.json().get("revision").asLong();
        assertTrue(first.body(), revision > 0);
        Map<String, String> ifMatch = new HashMap<>(Map.of("Authorization", "Bearer " + teacher, "Idempotency-Key", "k-1a",
                "If-Match", "\"" + (revision - 1) + "\""));
        assertProblem(http.post(API + "lessons/" + mathMonday, "{\"topic\":\"Чужая тема\"}", ifMatch), 412, "If-Match");
        assertEquals("Сложение дробей", http.get(API + "lessons/" + mathMonday, teacher).json().get("journal").get("topic").asText());
        ifMatch.put("If-Match", "yesterday");
        assertProblem(http.post(API + "lessons/" + mathMonday, "{\"topic\":\"Сложение дробей\"}", ifMatch), 400, "If-Match");
        ifMatch.put("If-Match", "\"" + revision + "\"");
        ifMatch.put("Idempotency-Key", "k-1b");
        Http.Answer matched = http.post(API + "lessons/" + mathMonday, "{\"topic\":\"Сложение дробей\"}", ifMatch);
        assertEquals(matched.body(), 200, matched.status());
        assertTrue(matched.body(), matched.json().get("revision").asLong() > revision);
        assertEquals(matched.json().get("revision").asLong(), http.get(API + "lessons/" + mathMonday, teacher).json().get("revision").asLong());

        // One bad mark: nothing of the request is stored, and the error names the student and the field.
        Http.Answer bad = record(mathMonday, "k-2", "{\"topic\":\"Другая тема\",\"marks\":[" + mark(fyodor, "5", "ORAL") + ","
                + mark(alisa, "7", "ORAL") + "]}", teacher);
        assertProblem(bad, 400, "marks[1].value");
        assertTrue(bad.body(), bad.json().get("detail").asText().contains(alisa));
        assertEquals(1, marksOf(fyodor, monday));
        assertEquals("Сложение дробей", gradebook.lessons(List.of(mathMonday)).get(0).topic());
        // The same in the Russian UI (Accept-Language: ru): the student by name, the scheme's marks; nothing stored either.
        Map<String, String> inRussian = Map.of("Authorization", "Bearer " + teacher, "Idempotency-Key", "k-2ru", "Accept-Language",
                "ru-RU,ru;q=0.9,en;q=0.8");
        Http.Answer badRu = http.post(API + "lessons/" + mathMonday, "{\"topic\":\"Другая тема\",\"marks\":[" + mark(fyodor, "5", "ORAL")
                + "," + mark(alisa, "7", "ORAL") + "," + mark(artyom, "5", "ORAL") + "," + mark(UUID.randomUUID().toString(), "5", "ORAL") + "]}",
                inRussian);
        assertProblem(badRu, 400, "marks[1].value");
        String alisaName = roster.person(alisa).orElseThrow().fullName();
        String artyomName = roster.person(artyom).orElseThrow().fullName();
        assertEquals(badRu.body(), alisaName + ": «7» — недопустимая оценка (система оценивания «Пятибалльная»); допустимые: 5 5- 4+ 4 4- 3+ 3 3- 2+ 2 2- 1+ 1 н/а",
                badRu.json().get("errors").get(0).get("message").asText());
        assertTrue(badRu.body(), badRu.json().get("detail").asText().startsWith("Ошибок: 3; ничего не записано. " + alisaName));
        // A student of the school outside the class is named; an id from nowhere stays an id (no names of other schools).
        assertTrue(badRu.body(), badRu.json().get("errors").get(1).get("message").asText().startsWith(artyomName + ": не числится в классе этого урока на "));
        assertTrue(badRu.body(), badRu.json().get("errors").get(2).get("message").asText().matches("[0-9a-f-]{36}: не числится в классе.*"));
        assertEquals(1, marksOf(fyodor, monday));
        assertEquals("Сложение дробей", gradebook.lessons(List.of(mathMonday)).get(0).topic());
        assertProblem(record(mathMonday, "k-3", "{\"marks\":[" + mark(artyom, "5", "ORAL") + "]}", teacher), 400, "marks[0].studentId");
        assertProblem(record(mathMonday, "k-4", "{\"marks\":[" + mark(alisa, "5", "DANCE") + "]}", teacher), 400, "marks[0].workType");
        assertProblem(record(mathMonday, "k-5", "{\"attendance\":[{\"studentId\":\"" + vera + "\",\"code\":\"x\"}]}", teacher), 400,
                "attendance[0].code");
        // A future lesson: homework in advance is welcome, marks are not. Two weeks on from last week's Monday, so it is
        // in the future on every day of the week (on a Monday, one week on is today in the school's time zone).
        String nextMath = math + ":" + monday.plusWeeks(2);
        assertProblem(record(nextMath, "k-6", "{\"marks\":[" + mark(alisa, "5", "ORAL") + "]}", teacher), 400, "marks");
        assertEquals(200, record(nextMath, "k-7", "{\"homework\":\"Повторить дроби\"}", teacher).status());
        // A dot or a dash typed to fill the fields in time is refused, naming both fields, and changes nothing.
        Http.Answer dots = record(nextMath, "k-7a", "{\"topic\":\" — \",\"homework\":\".\"}", teacher);
        assertProblem(dots, 400, null);
        Set<String> dotFields = new HashSet<>();
        dots.json().get("errors").forEach(e -> dotFields.add(e.get("field").asText()));
        assertEquals(dots.body(), Set.of("topic", "homework"), dotFields);
        JsonNode planned = http.get(API + "lessons/" + nextMath, teacher).json().get("journal");
        assertEquals("Повторить дроби", planned.get("homework").asText());
        assertFalse(planned.get("homeworkRecordedAt").isNull());
        // Withdrawn homework is no longer posted: its time goes with it (posted again, it is posted then).
        JsonNode withdrawn = record(nextMath, "k-7b", "{\"homework\":\"\"}", teacher).json().get("journal");
        assertTrue(withdrawn.toString(), withdrawn.get("homework").isNull());
        assertTrue(withdrawn.toString(), withdrawn.get("homeworkRecordedAt").isNull());
        assertEquals(200, record(nextMath, "k-7c", "{\"homework\":\"Повторить дроби\"}", teacher).status());

        // Who may write: only the teacher of the lesson; a substitute only the substituted lesson.
        assertProblem(record(mathMonday, "k-8", "{\"topic\":\"x\"}", colleague), 403, null);
        assertProblem(record(mathMonday, "k-9", "{\"topic\":\"x\"}", parent), 403, null);
        assertProblem(record(mathMonday, "k-10", "{\"topic\":\"x\"}", tokenFor(null, null, new Grant(Role.PARENT,
                ScopeRef.student(UUID.randomUUID().toString())))), 404, null);
        String mathEarlier = math + ":" + earlierMonday;
        assertEquals(200, put("/api/v1/timetable/lessons/" + mathEarlier + "/change", "{\"kind\":\"SUBSTITUTION\",\"substituteTeacherId\":\""
                + smirnova + "\",\"reason\":\"болезнь учителя\"}", admin).status());
        Http.Answer bySubstitute = record(mathEarlier, "k-11", "{\"topic\":\"Дроби\",\"attendance\":[],\"marks\":[" + mark(alisa, "4", "TEST")
                + "]}", colleague);
        assertEquals(bySubstitute.body(), 200, bySubstitute.status());
        assertEquals(smirnova, bySubstitute.json().get("journal").get("taughtBy").asText());
        assertProblem(record(mathEarlier, "k-12", "{\"topic\":\"x\"}", teacher), 403, null);
        // A cancelled lesson is not journaled.
        String russianTuesday = russian + ":" + monday.plusDays(1);
        assertEquals(200, put("/api/v1/timetable/lessons/" + russianTuesday + "/change", "{\"kind\":\"CANCELLATION\",\"reason\":\"карантин\"}",
                admin).status());
        assertProblem(record(russianTuesday, "k-13", "{\"topic\":\"x\",\"marks\":[" + mark(alisa, "5", "ORAL") + "]}", colleague), 409, null);
        // A lesson with journal entries is neither cancelled, nor removed by ending its weekly entry in the past, nor
        // recorded as not held while its marks and absences stand (they would keep counting): 409, nothing changes.
        Http.Answer keepsMarks = put("/api/v1/timetable/lessons/" + mathMonday + "/change", "{\"kind\":\"CANCELLATION\",\"reason\":\"карантин\"}",
                admin);
        assertProblem(keepsMarks, 409, null);
        assertEquals(keepsMarks.body(), "urn:zhurnal:problem:lesson-has-records", keepsMarks.json().get("type").asText());
        assertTrue(keepsMarks.body(), keepsMarks.json().get("detail").asText().contains(monday.toString()));
        Http.Answer ended = put("/api/v1/timetable/entries/" + math + "/end", "{\"date\":\"" + earlierMonday + "\"}", admin);
        assertProblem(ended, 409, null);
        assertTrue(ended.body(), ended.json().get("detail").asText().contains(earlierMonday.toString()));
        assertProblem(record(mathMonday, "k-14", "{\"held\":false}", teacher), 409, "held");
        Http.Answer still = http.get(API + "lessons/" + mathMonday, teacher);
        assertEquals(still.body(), "SCHEDULED", still.json().get("lesson").get("status").asText());
        assertTrue(still.body(), still.json().get("journal").get("held").asBoolean());
        assertTrue(still.body(), still.json().get("marks").size() >= 2);

        // The «Today» page's overdue list: the teacher's held lessons of the last days without topic or attendance.
        // The Monday lesson is filled in; the Wednesday art lessons are not (the last one up to yesterday is listed); the
        // substituted Monday belongs to the substitute, who filled it in; the cancelled Tuesday is nobody's.
        List<String> artInWindow = new ArrayList<>();
        http.get("/api/v1/timetable/teachers/" + belova + "/lessons?from=" + today.minusDays(14) + "&to=" + today.minusDays(1), admin).json()
                .forEach(l -> {
                    if (l.get("occurrenceId").asText().startsWith(art + ":") && !"CANCELLED".equals(l.get("status").asText())) {
                        artInWindow.add(l.get("occurrenceId").asText());
                    }
                });
        assertFalse("the art lessons of the last two weeks", artInWindow.isEmpty());
        JsonNode overdue = http.get(API + "unfilled?before=" + today + "&days=14", teacher).json();
        List<String> overdueIds = new ArrayList<>();
        overdue.forEach(x -> overdueIds.add(x.get("lesson").get("occurrenceId").asText()));
        assertTrue(overdueIds + " ⊇ " + artInWindow, overdueIds.containsAll(artInWindow));
        assertFalse(overdueIds.toString(), overdueIds.contains(mathMonday));
        assertFalse(overdueIds.toString(), overdueIds.contains(mathEarlier));
        assertFalse(overdueIds.toString(), overdueIds.stream().anyMatch(o -> !o.startsWith(art + ":") && !o.startsWith(math + ":")));
        for (JsonNode x : overdue) {
            LocalDate d = LocalDate.parse(x.get("lesson").get("date").asText());
            assertTrue(x.toString(), !d.isBefore(today.minusDays(14)) && d.isBefore(today));
            assertFalse(x.toString(), x.get("topic").asBoolean() && x.get("attendance").asBoolean());
        }
        List<String> substitutesOverdue = new ArrayList<>();
        http.get(API + "unfilled?before=" + today + "&days=14", colleague).json()
                .forEach(x -> substitutesOverdue.add(x.get("lesson").get("occurrenceId").asText()));
        assertFalse(substitutesOverdue.toString(), substitutesOverdue.contains(mathEarlier));
        assertFalse(substitutesOverdue.toString(), substitutesOverdue.contains(russianTuesday));
        assertProblem(http.get(API + "unfilled?days=63", teacher), 400, "days");
        assertProblem(http.get(API + "unfilled?days=two", teacher), 400, "days");
        assertProblem(http.get(API + "unfilled", parent), 404, null); // a parent has no lessons of their own

        // Events in the same transaction as the marks: the diary gets them.
        await("mark events", () -> seen.stream().filter(e -> e.type().equals("gradebook.mark.recorded")).count() == 3);
        assertTrue(seen.stream().anyMatch(e -> e.type().equals("gradebook.absence.recorded") && e.payload().contains(vera)));
        assertTrue(seen.stream().anyMatch(e -> e.type().equals("gradebook.homework.posted")));

        // The journal grid: the teacher and the deputy director read it; a colleague of another subject does not.
        String grid = API + "journal?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика", StandardCharsets.UTF_8)
                + "&from=" + quarter.start() + "&to=" + quarter.end();
        Http.Answer page = http.get(grid, teacher);
        assertEquals(page.body(), 200, page.status());
        assertEquals(3, page.json().get("students").size());
        assertEquals(3, page.json().get("marks").size());
        assertTrue(page.json().get("lessons").size() >= 7);
        assertEquals(200, http.get(grid, deputy).status());
        // A past range (here one day, so its first day, last day and "today" all fall back to one date): its class and lesson.
        Http.Answer pastDay = http.get(API + "journal?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика",
                StandardCharsets.UTF_8) + "&from=" + earlierMonday + "&to=" + earlierMonday, teacher);
        assertEquals(pastDay.body(), 200, pastDay.status());
        assertEquals(3, pastDay.json().get("students").size());
        assertEquals(math + ":" + earlierMonday, pastDay.json().get("lessons").get(0).get("occurrenceId").asText());
        // The colleague substituted one lesson of the quarter: the grid opens for them with that lesson alone (to enter it),
        // and nothing of the other lessons.
        Http.Answer asSubstitute = http.get(grid, colleague);
        assertEquals(asSubstitute.body(), 200, asSubstitute.status());
        assertEquals(asSubstitute.body(), 1, asSubstitute.json().get("lessons").size());
        String substitutedLesson = asSubstitute.json().get("lessons").get(0).get("occurrenceId").asText();
        assertTrue(asSubstitute.body(), asSubstitute.json().get("lessons").get(0).get("yours").asBoolean());
        asSubstitute.json().get("marks").forEach(m -> assertEquals(substitutedLesson, m.get("occurrenceId").asText()));
        asSubstitute.json().get("attendance").forEach(a -> assertEquals(substitutedLesson, a.get("occurrenceId").asText()));
        assertTrue(asSubstitute.body(), asSubstitute.json().get("marks").size() < page.json().get("marks").size());
        assertFalse(page.json().get("lessons").get(0).get("yours").isNull());
        assertProblem(http.get(grid, parent), 403, null);
        // A weekend has no lessons: the teacher gets an empty grid, not a refusal; the colleague is still refused.
        String weekend = API + "journal?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика", StandardCharsets.UTF_8)
                + "&from=" + monday.plusDays(5) + "&to=" + monday.plusDays(6);
        Http.Answer empty = http.get(weekend, teacher);
        assertEquals(empty.body(), 200, empty.status());
        assertEquals(0, empty.json().get("lessons").size());
        assertProblem(http.get(weekend, colleague), 403, null);

        // Suggestions: (5·1 + 4·2 [TEST] + 4.75·3 [CONTROL, «4-»]) … for Alisa: 5 ORAL, 4 TEST, then a CONTROL «4».
        Http.Answer more = record(mathMonday, "k-14", "{\"marks\":[" + mark(alisa, "4", "CONTROL") + "]}", teacher);
        assertEquals(more.body(), 200, more.status());
        // Alisa: 5×1 + 4×2 + 4×3 = 25 over 6 = 4.17 → 4 with threshold 0.5.
        assertEquals("4", gradebook.forecast(alisa, "Математика", quarter.id(), false).orElseThrow().suggested());
        Http.Answer extra = record(mathMonday, "k-15", "{\"marks\":[" + mark(alisa, "5", "CONTROL") + "]}", teacher);
        assertEquals(extra.body(), 200, extra.status());
        // Now 5×1 + 4×2 + 4×3 + 5×3 = 40 over 9 = 4.44 → 4; with the threshold at 0.4 it becomes 5 at once, no restart.
        assertEquals("4.44", gradebook.forecast(alisa, "Математика", quarter.id(), false).orElseThrow().average().toPlainString());
        org.osgi.service.cm.Configuration policy = configAdmin.getFactoryConfiguration("org.zhurnal.grading.policy", "it", "?");
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("municipality", school.municipalityId());
        p.put("roundingThreshold", "0.4");
        p.put("minimumMarks", 3);
        policy.update(p);
        await("the municipal policy", () -> "5".equals(gradebook.forecast(alisa, "Математика", quarter.id(), false).orElseThrow().suggested()));
        // A slip in one value (a threshold of «abc», fewer than one mark) is refused as a whole: the policy as it was stays in
        // force, not the built-in defaults; «0,45» with a Russian decimal comma is taken as 0.45.
        for (String[] slip : new String[][] { { "roundingThreshold", "abc" }, { "minimumMarks", "-2" }, { "roundingThreshold", "1,5" } }) {
            Dictionary<String, Object> wrong = new Hashtable<>();
            wrong.put("municipality", school.municipalityId());
            wrong.put("roundingThreshold", "0.4");
            wrong.put("minimumMarks", 3);
            wrong.put(slip[0], "minimumMarks".equals(slip[0]) ? (Object) Integer.valueOf(slip[1]) : slip[1]);
            policy.update(wrong);
            Thread.sleep(1500); // the configuration reaches the component asynchronously
            assertEquals(slip[0] + " = " + slip[1], "5", gradebook.forecast(alisa, "Математика", quarter.id(), false).orElseThrow().suggested());
        }
        Dictionary<String, Object> comma = new Hashtable<>();
        comma.put("municipality", school.municipalityId());
        comma.put("minimumMarks", 3);
        comma.put("roundingThreshold", "0,45");
        policy.update(comma);
        await("a threshold with a decimal comma", () -> "4".equals(gradebook.forecast(alisa, "Математика", quarter.id(), false).orElseThrow()
                .suggested()));
        policy.update(p);
        await("the municipal policy again", () -> "5".equals(gradebook.forecast(alisa, "Математика", quarter.id(), false).orElseThrow()
                .suggested()));
        Http.Answer finals = http.get(API + "finals/period?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика",
                StandardCharsets.UTF_8) + "&periodId=" + quarter.id(), teacher);
        assertEquals(finals.body(), 200, finals.status());
        JsonNode alisaRow = null;
        for (JsonNode row : finals.json()) {
            if (row.get("studentId").asText().equals(alisa)) {
                alisaRow = row;
            }
        }
        assertNotNull(finals.body(), alisaRow);
        assertEquals("5", alisaRow.get("suggested").asText());
        // Fyodor has one mark: fewer than the minimum, nothing suggested.
        assertNull(gradebook.forecast(fyodor, "Математика", quarter.id(), false).orElseThrow().suggested());

        // The teacher confirms (a final grade has no «+»/«-»); a colleague cannot.
        String confirm = "{\"studentId\":\"" + alisa + "\",\"subject\":\"Математика\",\"kind\":\"PERIOD\",\"periodId\":\"" + quarter.id()
                + "\",\"value\":\"%s\"}";
        // Several at once (the period's suggestions accepted), all or none: a wrong value or a student given twice refuses
        // them all, each named by its place; a colleague is refused; then two are confirmed in one request.
        String item = "{\"studentId\":\"%s\",\"subject\":\"Математика\",\"kind\":\"PERIOD\",\"periodId\":\"" + quarter.id()
                + "\",\"value\":\"%s\"}";
        Http.Answer refused = put(API + "finals/bulk", "[" + String.format(item, fyodor, "4") + "," + String.format(item, vera, "6") + ","
                + String.format(item, fyodor, "3") + "]", teacher);
        assertProblem(refused, 400, "[1].value");
        assertEquals(refused.body(), "[2].studentId", refused.json().get("errors").get(1).get("field").asText());
        assertTrue(gradebook.finalsOfStudent(fyodor, y).isEmpty());
        assertTrue(gradebook.finalsOfStudent(vera, y).isEmpty());
        assertProblem(put(API + "finals/bulk", "[" + String.format(item, fyodor, "4") + "]", colleague), 403, "[0]");
        assertProblem(put(API + "finals/bulk", "[]", teacher), 400, "body");
        Http.Answer both = put(API + "finals/bulk", "[" + String.format(item, fyodor, "4") + "," + String.format(item, vera, "3") + "]", teacher);
        assertEquals(both.body(), 200, both.status());
        assertEquals(List.of(fyodor, vera), List.of(both.json().get(0).get("studentId").asText(), both.json().get(1).get("studentId").asText()));
        assertEquals("4", gradebook.finalsOfStudent(fyodor, y).get(0).value());
        assertEquals("3", gradebook.finalsOfStudent(vera, y).get(0).value());
        assertEquals("create", audit.find("final-grade", both.json().get(1).get("id").asText(), 5).get(0).action());

        assertProblem(put(API + "finals", String.format(confirm, "5-"), teacher), 400, "value");
        assertProblem(put(API + "finals", String.format(confirm, "5"), colleague), 403, null);
        Http.Answer confirmed = put(API + "finals", String.format(confirm, "5"), teacher);
        assertEquals(confirmed.body(), 200, confirmed.status());
        assertEquals("5", confirmed.json().get("suggested").asText());
        await("final event", () -> seen.stream().anyMatch(e -> e.type().equals("gradebook.final.confirmed")));
        // The year page suggests the year grade from the confirmed period grades; the teacher confirms it.
        Http.Answer yearPage = http.get(API + "finals/year?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика",
                StandardCharsets.UTF_8) + "&academicYear=" + y, teacher);
        assertEquals(yearPage.body(), 200, yearPage.status());
        JsonNode alisaYear = null;
        for (JsonNode row : yearPage.json()) {
            if (row.get("student").get("id").asText().equals(alisa)) {
                alisaYear = row;
            }
        }
        assertNotNull(yearPage.body(), alisaYear);
        assertEquals(1, alisaYear.get("periodGrades").size());
        assertEquals("5", alisaYear.get("suggested").asText());
        // A period «н/а» (not assessed) is not averaged away into a year grade: no suggestion, and why.
        assertEquals(200, put(API + "finals", String.format(item, fyodor, "н/а"), teacher).status());
        JsonNode fyodorYear = null;
        for (JsonNode row : http.get(API + "finals/year?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика",
                StandardCharsets.UTF_8) + "&academicYear=" + y, teacher).json()) {
            fyodorYear = row.get("student").get("id").asText().equals(fyodor) ? row : fyodorYear;
        }
        assertNotNull(fyodorYear);
        assertTrue(fyodorYear.toString(), fyodorYear.get("suggested").isNull());
        assertEquals(fyodorYear.toString(), "not assessed in 1 period", fyodorYear.get("reason").asText());
        assertEquals(200, put(API + "finals", String.format(item, fyodor, "4"), teacher).status());
        // Year grades are given from the first day of the year's last quarter; a quarter's grades not before it starts.
        String yearConfirm = "{\"studentId\":\"" + alisa + "\",\"subject\":\"Математика\",\"kind\":\"%s\",\"academicYear\":" + y
                + ",\"value\":\"5\"}";
        ReportingPeriod fourth = calendar.periods(school.id(), y, 5).stream().max(java.util.Comparator.comparing(ReportingPeriod::end))
                .orElseThrow();
        assertEquals(4, fourth.number());
        try {
            Clocks.set(configAdmin, clock, fourth.start().minusDays(1), java.time.LocalTime.of(12, 0));
            String early = tokenFor(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));
            for (String kind : List.of("YEAR", "EXAM", "FINAL")) {
                Http.Answer tooEarly = put(API + "finals", String.format(yearConfirm, kind), early);
                assertProblem(tooEarly, 409, null);
                assertEquals(tooEarly.body(), "urn:zhurnal:problem:year-not-ending", tooEarly.json().get("type").asText());
                assertTrue(tooEarly.body(), tooEarly.json().get("detail").asText().contains(fourth.start().toString()));
            }
            Http.Answer notStarted = put(API + "finals", "{\"studentId\":\"" + alisa + "\",\"subject\":\"Математика\",\"kind\":\"PERIOD\","
                    + "\"periodId\":\"" + fourth.id() + "\",\"value\":\"5\"}", early);
            assertProblem(notStarted, 409, null);
            assertEquals(notStarted.body(), "urn:zhurnal:problem:period-not-started", notStarted.json().get("type").asText());
            assertEquals(1, gradebook.finalsOfStudent(alisa, y).size());
            Clocks.set(configAdmin, clock, fourth.start(), java.time.LocalTime.of(8, 0));
            Http.Answer yearGrade = put(API + "finals", String.format(yearConfirm, "YEAR"), tokenFor(belova, school.id(),
                    new Grant(Role.TEACHER, ScopeRef.school(school.id()))));
            assertEquals(yearGrade.body(), 200, yearGrade.status());
            // A failing year grade is an academic debt, which the promotion preview names next to the student below.
            Http.Answer failing = put(API + "finals", String.format(yearConfirm, "YEAR").replace(alisa, fyodor).replace("\"value\":\"5\"",
                    "\"value\":\"2\""), tokenFor(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id()))));
            assertEquals(failing.body(), 200, failing.status());
            // Once the year's last quarter is closed the year's grades are final: changed only after it is reopened. (A
            // session opened before the clock moved has expired by its time: a new one.)
            String lateDeputy = tokenFor(null, school.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(school.id())));
            // Exam and final grades are also the school administration's to enter (exam results come from the examination
            // board); a teacher of another subject is still refused, and the year grade stays the subject teacher's.
            String lateColleague = tokenFor(smirnova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));
            assertProblem(put(API + "finals", String.format(yearConfirm, "EXAM"), lateColleague), 403, null);
            assertProblem(put(API + "finals", String.format(yearConfirm, "YEAR"), lateDeputy), 403, null);
            Http.Answer exam = put(API + "finals", String.format(yearConfirm, "EXAM"), lateDeputy);
            assertEquals(exam.body(), 200, exam.status());
            assertTrue(gradebook.finalsOfStudent(alisa, y).stream().anyMatch(f -> f.kind().equals("EXAM") && f.value().equals("5")));
            // Grade 5 is not a graduating grade: the year page shows the exam grade, and suggests no final grade.
            JsonNode alisaExam = null;
            for (JsonNode row : http.get(API + "finals/year?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика",
                    StandardCharsets.UTF_8) + "&academicYear=" + y, lateDeputy).json()) {
                alisaExam = row.get("student").get("id").asText().equals(alisa) ? row : alisaExam;
            }
            assertNotNull(alisaExam);
            assertEquals(alisaExam.toString(), "5", alisaExam.get("exam").get("value").asText());
            assertEquals(5, alisaExam.get("grade").asInt());
            assertTrue(alisaExam.toString(), alisaExam.get("suggestedFinal").isNull());
            assertEquals(200, http.post("/api/v1/calendar/periods/" + fourth.id() + "/close", null, lateDeputy).status());
            Http.Answer frozen = put(API + "finals", String.format(yearConfirm, "YEAR").replace("\"value\":\"5\"", "\"value\":\"4\""),
                    tokenFor(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id()))));
            assertProblem(frozen, 409, null);
            assertTrue(frozen.body(), frozen.body().contains("period-closed") && frozen.body().contains(fourth.name()));
            assertTrue(gradebook.finalsOfStudent(alisa, y).stream().anyMatch(f -> f.kind().equals("YEAR") && f.value().equals("5")));
            assertEquals(200, http.post("/api/v1/calendar/periods/" + fourth.id() + "/reopen", "{\"reason\":\"проверка\"}", lateDeputy)
                    .status());
        } finally {
            Clocks.set(configAdmin, clock, null, null);
        }
        assertEquals(3, gradebook.finalsOfStudent(alisa, y).size()); // the period, year and exam grades
        // The promotion preview (roster) shows the debts the gradebook knows of (PromotionConcerns): Фёдор's year «2» in
        // mathematics; Алиса's «5» is none.
        Http.Answer plan = http.post("/api/v1/roster/schools/" + school.id() + "/promotion/preview", "{\"fromYear\":" + y + "}",
                http.login("admin", KarafOptions.ADMIN_PASSWORD));
        assertEquals(plan.body(), 200, plan.status());
        Map<String, JsonNode> concerns = new java.util.HashMap<>();
        plan.json().get("moves").forEach(m -> concerns.put(m.get("studentId").asText(), m.get("concerns")));
        assertEquals(plan.body(), 1, concerns.get(fyodor).size());
        assertEquals(plan.body(), "Математика: годовая «2»", concerns.get(fyodor).get(0).get("ru").asText());
        assertEquals(plan.body(), "Математика: year grade «2»", concerns.get(fyodor).get(0).get("en").asText());
        assertEquals(plan.body(), 0, concerns.get(alisa).size());
        // A reporting period with period grades given for it is not deleted: they would belong to no period (the calendar asks
        // the gradebook, calendar API 1.4 PeriodRecordsCheck).
        Http.Answer keep = http.send("DELETE", "/api/v1/calendar/periods/" + quarter.id(), null, Map.of("Authorization", "Bearer "
                + http.login("admin", KarafOptions.ADMIN_PASSWORD)));
        assertProblem(keep, 409, null);
        assertEquals(keep.body(), "urn:zhurnal:problem:period-has-grades", keep.json().get("type").asText());
        assertTrue(keep.body(), keep.json().get("detail").asText().contains("period grades: "));
        assertTrue(calendar.period(quarter.id()).isPresent());
        // A period of other grades (the senior grades' half-years) is not a fifth-grader's: refused, nothing stored.
        assertEquals(201, http.post("/api/v1/calendar/years/" + yearId + "/periods", "{\"scheme\":\"HALF_YEARS\",\"grades\":[10,11]}", admin)
                .status());
        String seniorHalf = calendar.periods(school.id(), y, 10).get(0).id();
        assertProblem(put(API + "finals", "{\"studentId\":\"" + alisa + "\",\"subject\":\"Математика\",\"periodId\":\"" + seniorHalf
                + "\",\"value\":\"5\"}", teacher), 400, "periodId");
        assertProblem(http.get(API + "finals/period?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика",
                StandardCharsets.UTF_8) + "&periodId=" + seniorHalf, teacher), 400, "periodId");
        assertEquals(3, gradebook.finalsOfStudent(alisa, y).size());
        // Parameters out of range or missing are named.
        String yearOf = API + "finals/year?classId=" + fiveA + "&subject=" + java.net.URLEncoder.encode("Математика", StandardCharsets.UTF_8);
        assertProblem(http.get(yearOf + "&academicYear=999999999", teacher), 400, "academicYear");
        assertProblem(http.get(yearOf + "&academicYear=abc", teacher), 400, "academicYear");
        assertProblem(http.get(API + "finals/year?classId=" + fiveA + "&academicYear=" + y, teacher), 400, "subject");
        assertProblem(http.get(API + "finals/period?classId=" + fiveA + "&subject=x", teacher), 400, "periodId");
        assertProblem(put(API + "finals", "{\"studentId\":\"" + alisa + "\",\"subject\":\"Математика\",\"kind\":\"YEAR\","
                + "\"academicYear\":999999999,\"value\":\"5\"}", teacher), 400, "academicYear");
        assertProblem(http.get("/api/v1/roster/schools/" + school.id() + "/classes?year=abc", admin), 400, "year");
        // Every module refuses a wrong academic year the same way: 400 naming the parameter, this year as the example.
        String example = "e.g. " + y + " for " + y + "/" + (y + 1);
        for (String wrong : List.of("/api/v1/roster/schools/" + school.id() + "/groups?year=1999",
                "/api/v1/roster/schools/" + school.id() + "/export/students.csv?year=2101",
                "/api/v1/calendar/schools/" + school.id() + "/years/2026-2027",
                "/api/v1/archive/schools/" + school.id() + "/documents?year=1812",
                "/api/v1/reports/classes?year=twenty")) {
            Http.Answer a = http.get(wrong, admin);
            assertProblem(a, 400, "year");
            assertTrue(wrong + ": " + a.body(), a.json().get("detail").asText().contains(example));
        }
        assertTrue(http.get(yearOf + "&academicYear=abc", teacher).json().get("detail").asText().contains(example));

        // Edits keep history in the audit log.
        String markId = first.json().get("marks").get(1).get("id").asText();
        Http.Answer edited = put(API + "marks/" + markId, "{\"value\":\"3\",\"comment\":\"исправлено\"}", teacher);
        assertEquals(edited.body(), 200, edited.status());
        assertProblem(put(API + "marks/" + markId, "{\"value\":\"3\"}", colleague), 403, null);
        assertEquals(List.of("update", "create"), audit.find("mark", markId, 10).stream().map(AuditEntry::action).toList());

        // A closed period refuses writes until the deputy director reopens it (audited, with a reason).
        assertEquals(200, http.post("/api/v1/calendar/periods/" + quarter.id() + "/close", null, deputy).status());
        assertProblem(record(mathMonday, "k-16", "{\"topic\":\"x\"}", teacher), 409, null);
        assertProblem(put(API + "marks/" + markId, "{\"value\":\"4\"}", teacher), 409, null);
        assertProblem(put(API + "finals", String.format(confirm, "4"), teacher), 409, null);
        assertProblem(put(API + "finals/bulk", "[" + String.format(item, fyodor, "5") + "]", teacher), 409, "[0]");
        assertEquals(200, http.post("/api/v1/calendar/periods/" + quarter.id() + "/reopen", "{\"reason\":\"исправление ошибки\"}", deputy)
                .status());
        assertEquals(200, put(API + "marks/" + markId, "{\"value\":\"4\"}", teacher).status());

        // The mark's history for those who read the journal: its creation and both changes, oldest first, with the values.
        Http.Answer history = http.get(API + "marks/" + markId + "/history", teacher);
        assertEquals(history.body(), 200, history.status());
        JsonNode changes = history.json();
        assertEquals(history.body(), 3, changes.size());
        JsonNode original = first.json().get("marks").get(1); // Alisa's «5» or Fyodor's «4-», by the answer's order
        assertEquals("create", changes.get(0).get("action").asText());
        assertTrue(changes.get(0).get("before").isNull());
        assertEquals(original.get("value").asText(), changes.get(0).get("after").get("value").asText());
        assertEquals(original.get("studentId").asText(), changes.get(0).get("after").get("studentId").asText());
        assertEquals("update", changes.get(1).get("action").asText());
        assertEquals(original.get("value").asText(), changes.get(1).get("before").get("value").asText());
        assertEquals("3", changes.get(1).get("after").get("value").asText());
        assertEquals("исправлено", changes.get(1).get("after").get("comment").asText());
        assertEquals("3", changes.get(2).get("before").get("value").asText());
        assertEquals("4", changes.get(2).get("after").get("value").asText());
        assertFalse(changes.get(2).get("byLogin").asText().isBlank());
        assertTrue(Instant.parse(changes.get(1).get("at").asText()).compareTo(Instant.parse(changes.get(2).get("at").asText())) <= 0);
        assertEquals(200, http.get(API + "marks/" + markId + "/history", deputy).status());
        assertProblem(http.get(API + "marks/" + markId + "/history", colleague), 403, null);
        String alisasMark = null;
        for (JsonNode m : first.json().get("marks")) {
            alisasMark = m.get("studentId").asText().equals(alisa) ? m.get("id").asText() : alisasMark;
        }
        assertNotNull(first.body(), alisasMark);
        assertProblem(http.get(API + "marks/" + alisasMark + "/history", parent), 403, null); // her own child's mark: not for parents
        assertProblem(http.get(API + "marks/no-such-mark/history", teacher), 404, null);

        // Timeliness: this week's lessons were entered late (today), the substituted one too; the deputy sees it, a teacher does not.
        Http.Answer timeliness = http.get(API + "schools/" + school.id() + "/timeliness?from=" + earlierMonday + "&to=" + monday, deputy);
        assertEquals(timeliness.body(), 200, timeliness.status());
        JsonNode mathRow = null;
        for (JsonNode row : timeliness.json()) {
            if (row.get("occurrenceId").asText().equals(mathMonday)) {
                mathRow = row;
            }
        }
        assertNotNull(timeliness.body(), mathRow);
        assertFalse(mathRow.get("topicOnTime").asBoolean());
        assertTrue(mathRow.get("homeworkRecorded").asBoolean());
        assertEquals(4, mathRow.get("marks").asInt());
        assertProblem(http.get(API + "schools/" + school.id() + "/timeliness?from=" + earlierMonday + "&to=" + monday, teacher), 403, null);

        // Hot deploy: the example scheme bundle dropped into deploy/ appears, is used, removed (marks stay readable, new ones 409) and restored.
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy", "org.zhurnal.example.grading.jar");
        long t0 = System.nanoTime();
        Files.copy(Path.of(System.getProperty("zhurnal.grading.jar")), deploy, StandardCopyOption.REPLACE_EXISTING);
        await("levels deployed", () -> schemeIds(teacher).contains("levels"));
        System.out.println("Hot deploy of the levels scheme took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        Http.Answer rule = http.post(API + "schools/" + school.id() + "/scheme-rules",
                "{\"subject\":\"Изобразительное искусство\",\"gradeFrom\":1,\"gradeTo\":5,\"schemeId\":\"levels\"}", admin);
        assertEquals(rule.body(), 201, rule.status());
        // A second rule over the same subject and grades would leave it to chance which scheme a grade follows: refused, naming
        // the rule in the way; an empty subject is not «every subject».
        assertProblem(http.post(API + "schools/" + school.id() + "/scheme-rules",
                "{\"subject\":\"изобразительное искусство\",\"gradeFrom\":5,\"gradeTo\":6,\"schemeId\":\"passfail\"}", admin), 409, null);
        assertProblem(http.post(API + "schools/" + school.id() + "/scheme-rules",
                "{\"subject\":\" \",\"gradeFrom\":1,\"gradeTo\":1,\"schemeId\":\"passfail\"}", admin), 400, "subject");
        assertEquals(1, http.get(API + "schools/" + school.id() + "/scheme-rules", admin).json().size());
        // The latest Wednesday up to today: monday + 2, except on a Tuesday, when this week's Wednesday is still ahead
        // and its marks would be refused as future ones (this failed every Tuesday, Moscow time).
        LocalDate artDate = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        String artDay = art + ":" + artDate;
        Http.Answer levels = record(artDay, "k-17", "{\"marks\":[" + mark(alisa, "в", "PROJECT") + "]}", teacher);
        assertEquals(levels.body(), 200, levels.status());
        assertEquals("levels", levels.json().get("schemeId").asText());
        assertEquals("В", levels.json().get("marks").get(0).get("value").asText());
        Files.delete(deploy);
        await("levels removed", () -> !schemeIds(teacher).contains("levels"));
        Http.Answer kept = http.get(API + "lessons/" + artDay, teacher);
        assertEquals(kept.body(), 200, kept.status());
        assertFalse(kept.json().get("schemeInstalled").asBoolean());
        assertEquals("В", kept.json().get("marks").get(0).get("value").asText());
        assertEquals("levels", kept.json().get("marks").get(0).get("schemeId").asText());
        Mark stored = gradebook.marksOfStudent(alisa, artDate, artDate, true).get(0);
        assertEquals("В", stored.value());
        assertProblem(record(artDay, "k-18", "{\"marks\":[" + mark(fyodor, "П", "PROJECT") + "]}", teacher), 409, null);
        Files.copy(Path.of(System.getProperty("zhurnal.grading.jar")), deploy, StandardCopyOption.REPLACE_EXISTING);
        await("levels restored", () -> schemeIds(teacher).contains("levels"));
        assertEquals(200, record(artDay, "k-19", "{\"marks\":[" + mark(fyodor, "П", "PROJECT") + "]}", teacher).status());
        Files.delete(deploy);
        await("levels removed again", () -> !schemeIds(teacher).contains("levels"));

        // The same scheme as a KAR (feature + bundle in one file, install="auto"): deployed, used, removed.
        Path kar = Path.of(System.getProperty("karaf.base"), "deploy", "example-grading-levels.kar");
        t0 = System.nanoTime();
        Files.copy(Path.of(System.getProperty("zhurnal.grading.kar")), kar, StandardCopyOption.REPLACE_EXISTING);
        await("levels deployed from the KAR", () -> schemeIds(teacher).contains("levels"));
        System.out.println("Hot deploy of the levels KAR took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(200, record(artDay, "k-20", "{\"marks\":[" + mark(fyodor, "Б", "PROJECT") + "]}", teacher).status());
        Files.delete(kar);
        await("levels removed with the KAR", () -> !schemeIds(teacher).contains("levels"));
        assertProblem(record(artDay, "k-21", "{\"marks\":[" + mark(fyodor, "Н", "PROJECT") + "]}", teacher), 409, null);
        // Deleting the rule while this year's marks are in its scheme is asked about first (409 naming how many; nothing
        // deleted), then done when confirmed.
        String ruleUrl = API + "schools/" + school.id() + "/scheme-rules/" + rule.json().get("id").asText();
        Http.Answer ask = http.send("DELETE", ruleUrl, null, Map.of("Authorization", "Bearer " + admin));
        assertProblem(ask, 409, null);
        assertEquals(ask.body(), "urn:zhurnal:problem:marks-in-scheme", ask.json().get("type").asText());
        assertTrue(ask.body(), ask.json().get("detail").asText().contains("3 marks"));
        assertEquals(1, http.get(API + "schools/" + school.id() + "/scheme-rules", admin).json().size());
        assertEquals(204, http.send("DELETE", ruleUrl + "?confirm=true", null, Map.of("Authorization", "Bearer " + admin)).status());
        assertEquals(0, http.get(API + "schools/" + school.id() + "/scheme-rules", admin).json().size());
        // A deleted mark's history stays readable: its creation and its deletion.
        Http.Answer doomed = record(mathMonday, "k-22", "{\"marks\":[" + mark(alisa, "2", "ORAL") + "]}", teacher);
        assertEquals(doomed.body(), 200, doomed.status());
        String doomedId = null;
        for (JsonNode m : doomed.json().get("marks")) {
            doomedId = m.get("studentId").asText().equals(alisa) && m.get("value").asText().equals("2") ? m.get("id").asText() : doomedId;
        }
        assertNotNull(doomed.body(), doomedId);
        assertEquals(204, http.send("DELETE", API + "marks/" + doomedId, null, Map.of("Authorization", "Bearer " + teacher)).status());
        Http.Answer gone = http.get(API + "marks/" + doomedId + "/history", teacher);
        assertEquals(gone.body(), 200, gone.status());
        assertEquals(List.of("create", "delete"), List.of(gone.json().get(0).get("action").asText(), gone.json().get(1).get("action").asText()));
        assertEquals("2", gone.json().get(1).get("before").get("value").asText());
        assertTrue(gone.json().get(1).get("after").isNull());
        assertProblem(http.get(API + "marks/" + doomedId + "/history", colleague), 403, null);
        policy.delete();
        listener.unregister();
    }

    /**
     * The journal of a language subgroup names a student who was a member only for a while inside the range (joined,
     * was absent once, left): the grid lists the members of its first day, last day and today, and everyone with a
     * mark or an absence in it.
     */
    @Test
    public void aGroupsJournalNamesAStudentWhoLeftWithinTheRange() throws Exception {
        School school = newSchool("Школа подгрупп");
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        LocalDate today = clock.today();
        int y = RosterQuery.academicYearOf(today);
        LocalDate yearStart = LocalDate.of(y, 9, 1);
        String belova = importPeople(admin, school.id()).get("Белова");
        String fiveA = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        Map<String, String> pupils = new HashMap<>();
        roster.studentsOfClass(fiveA, today).forEach(s -> pupils.put(s.firstName(), s.id()));
        String alisa = pupils.get("Алиса");
        String vera = pupils.get("Вера");
        yearWithQuartersAndBells(admin, school.id(), y);
        LocalDate monday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        LocalDate earlierMonday = monday.minusWeeks(1);
        ReportingPeriod quarter = calendar.periodOf(school.id(), 5, earlierMonday).orElseThrow();

        Http.Answer group = http.post("/api/v1/roster/schools/" + school.id() + "/groups", "{\"classId\":\"" + fiveA
                + "\",\"kind\":\"SUBGROUP\",\"name\":\"5А англ. 1\",\"teacherId\":\"" + belova + "\"}", admin);
        assertEquals(group.body(), 201, group.status());
        String groupId = group.json().get("id").asText();
        String members = "/api/v1/roster/groups/" + groupId + "/members";
        // Alisa all year; Vera only on the earlier Monday.
        assertEquals(200, put(members, "{\"studentIds\":[\"" + alisa + "\"],\"from\":\"" + yearStart + "\"}", admin).status());
        assertEquals(200, put(members, "{\"studentIds\":[\"" + alisa + "\",\"" + vera + "\"],\"from\":\"" + earlierMonday + "\"}", admin)
                .status());
        assertEquals(200, put(members, "{\"studentIds\":[\"" + alisa + "\"],\"from\":\"" + earlierMonday.plusDays(1) + "\"}", admin)
                .status());
        Http.Answer english = http.post("/api/v1/timetable/schools/" + school.id() + "/entries", "{\"groupId\":\"" + groupId
                + "\",\"subject\":\"Английский язык\",\"teacherId\":\"" + belova + "\",\"weekday\":\"MONDAY\",\"lessonNumber\":3,"
                + "\"validFrom\":\"" + yearStart + "\"}", admin);
        assertEquals(english.body(), 201, english.status());
        String teacher = tokenFor(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));

        String lesson = english.json().get("id").asText() + ":" + earlierMonday;
        Http.Answer entered = record(lesson, "g-1", "{\"topic\":\"Present Simple\",\"attendance\":[{\"studentId\":\"" + vera
                + "\",\"code\":\"б\"}]}", teacher);
        assertEquals(entered.body(), 200, entered.status());
        // Vera is in the lesson's list (a member that day) but not in the group on the quarter's first or last day.
        assertTrue(entered.body(), entered.body().contains(vera));

        Http.Answer grid = http.get(API + "journal?groupId=" + groupId + "&subject=" + java.net.URLEncoder.encode("Английский язык",
                StandardCharsets.UTF_8) + "&from=" + quarter.start() + "&to=" + quarter.end(), teacher);
        assertEquals(grid.body(), 200, grid.status());
        Map<String, String> names = new HashMap<>();
        grid.json().get("students").forEach(s -> names.put(s.get("id").asText(), s.get("name").asText()));
        assertEquals(grid.body(), Set.of(alisa, vera), names.keySet());
        assertTrue(names.toString(), names.get(vera).contains("Вера"));
        assertTrue(grid.body(), grid.json().get("lessons").size() >= 2);
        assertEquals(lesson, grid.json().get("attendance").get(0).get("occurrenceId").asText());
        // The page learns when each partial member was in the group: Vera on the earlier Monday alone; Alisa throughout.
        JsonNode veraSpans = grid.json().get("memberships").get(vera);
        assertNotNull(grid.body(), veraSpans);
        assertEquals(veraSpans.toString(), 1, veraSpans.size());
        assertEquals(earlierMonday.toString(), veraSpans.get(0).get("from").asText());
        assertEquals(earlierMonday.toString(), veraSpans.get(0).get("to").asText());
        assertFalse(grid.body(), grid.json().get("memberships").has(alisa));

        // A mark of Alisa's on the Monday after: a leaving on the earlier Monday is asked about first, naming the mark, and
        // changes nothing until confirmed.
        Http.Answer later = record(english.json().get("id").asText() + ":" + monday, "g-1b", "{\"marks\":[" + mark(alisa, "4", "ORAL") + "]}",
                teacher);
        assertEquals(later.body(), 200, later.status());
        Http.Answer asked = put("/api/v1/roster/persons/" + alisa, "{\"leavingDate\":\"" + earlierMonday + "\",\"leavingReason\":\"переезд\"}",
                admin);
        assertProblem(asked, 409, "leavingDate");
        assertTrue(asked.body(), asked.body().contains("marks: 1 (the last on " + monday + ")"));
        assertFalse(asked.body(), asked.body().contains("absences"));
        assertNull(roster.person(alisa).orElseThrow().leavingDate());
        assertTrue(roster.studentsOfClass(fiveA, today).stream().anyMatch(p -> p.id().equals(alisa)));

        // Alisa leaves the school (confirmed); the earlier Monday is her last day. From the next day on she is in neither the
        // class nor the group: the Monday after has no place for her marks. Up to her last day the history stays.
        Http.Answer left = put("/api/v1/roster/persons/" + alisa, "{\"leavingDate\":\"" + earlierMonday + "\",\"leavingReason\":\"переезд\","
                + "\"confirmLeaving\":true}", admin);
        assertEquals(left.body(), 200, left.status());
        assertFalse(roster.studentsOfClass(fiveA, today).stream().anyMatch(p -> p.id().equals(alisa)));
        assertTrue(roster.studentsOfClass(fiveA, earlierMonday).stream().anyMatch(p -> p.id().equals(alisa)));
        assertFalse(roster.studentsOfGroup(groupId, monday).stream().anyMatch(p -> p.id().equals(alisa)));
        assertTrue(roster.studentsOfGroup(groupId, earlierMonday).stream().anyMatch(p -> p.id().equals(alisa)));
        Http.Answer afterLeaving = record(english.json().get("id").asText() + ":" + monday, "g-2", "{\"marks\":[" + mark(alisa, "5", "ORAL") + "]}",
                teacher);
        assertProblem(afterLeaving, 400, "marks[0].studentId");
        // The grid now shows her span ending on her last day, so the page closes her later cells.
        JsonNode regrid = http.get(API + "journal?groupId=" + groupId + "&subject=" + java.net.URLEncoder.encode("Английский язык",
                StandardCharsets.UTF_8) + "&from=" + quarter.start() + "&to=" + quarter.end(), teacher).json();
        JsonNode alisaSpans = regrid.get("memberships").get(alisa);
        assertNotNull(regrid.toString(), alisaSpans);
        assertEquals(earlierMonday.toString(), alisaSpans.get(alisaSpans.size() - 1).get("to").asText());

        // Vera moves to 2Б from the earlier Monday: her absence that day is asked about first (it stays in the subgroup's
        // lesson, where it was recorded); confirmed, she is in 2Б from that day, in 5А up to the day before, and no longer in
        // 5А's subgroup.
        String twoB = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("2Б")).findFirst().orElseThrow().id();
        String move = "{\"classId\":\"" + twoB + "\",\"date\":\"" + earlierMonday + "\"";
        Http.Answer ask = http.post("/api/v1/roster/persons/" + vera + "/transfer", move + "}", admin);
        assertProblem(ask, 409, "date");
        assertTrue(ask.body(), ask.body().contains("records-after-transfer") && ask.body().contains("absences and lateness: 1"));
        assertTrue(roster.studentsOfClass(fiveA, today).stream().anyMatch(p -> p.id().equals(vera)));
        Http.Answer moved = http.post("/api/v1/roster/persons/" + vera + "/transfer", move + ",\"confirm\":true}", admin);
        assertEquals(moved.body(), 200, moved.status());
        assertTrue(roster.studentsOfClass(twoB, earlierMonday).stream().anyMatch(p -> p.id().equals(vera)));
        assertFalse(roster.studentsOfClass(fiveA, earlierMonday).stream().anyMatch(p -> p.id().equals(vera)));
        assertTrue(roster.studentsOfClass(fiveA, earlierMonday.minusDays(1)).stream().anyMatch(p -> p.id().equals(vera)));
        assertFalse(roster.studentsOfGroup(groupId, earlierMonday).stream().anyMatch(p -> p.id().equals(vera)));
        assertEquals(200, http.get(API + "lessons/" + lesson, teacher).status());
    }
}
