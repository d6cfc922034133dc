package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Hashtable;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.mail.internet.MimeMessage;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.diary.spi.Notification;
import org.zhurnal.diary.spi.NotificationChannel;
import org.zhurnal.gradebook.api.Forecast;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.NewAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The diary on the real distribution: a school set up over REST, a journaled week with a substitution, a
 * cancellation and a holiday seen by the family; hidden marks never shown; forecasts equal to the gradebook's;
 * every diary endpoint tried by someone else's parent; notifications through the outbox to a real SMTP server
 * (GreenMail) that is down for a while, daily digests, and the class teacher's delivery log. The reports built on the
 * journal run here too (a school set up the same way, one container fewer).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DiaryIT {
    static final String API = "/api/v1/diary/";
    static final String PASSWORD = "Diary-Passw0rd-7";
    static final String MATH = "Математика";

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
    ZhurnalClock clock;
    @Inject
    org.zhurnal.timetable.api.TimetableQuery timetable;
    @Inject
    BundleContext context;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution();
    }

    /** The school of one test: its people, lesson entries and accounts. */
    record Setup(School school, String admin, String fiveA, Map<String, String> pupils, Map<String, String> guardians, String belova,
            String smirnova, String math, String russian, String art, String reading, LocalDate monday, ReportingPeriod period,
            String teacher) {
    }

    private Setup setUp(String name) throws Exception {
        return setUp(name, RosterIT.pupils());
    }

    /** @param pupils the roster CSV to import (the notification test gives its guardians addresses of their own) */
    private Setup setUp(String name, String pupilsCsv) throws Exception {
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals("Diary IT")).findFirst()
                .orElseGet(() -> RosterIT.runAsSystem(() -> tenants.createMunicipality("Diary IT")));
        School school = RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), name, name, "Europe/Moscow"));
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        LocalDate today = clock.today();
        int y = RosterQuery.academicYearOf(today);
        LocalDate yearStart = LocalDate.of(y, 9, 1);
        importCsv(admin, school.id(), pupilsCsv);
        importCsv(admin, school.id(), GradebookIT.STAFF);
        Map<String, String> staff = new HashMap<>();
        http.get("/api/v1/roster/schools/" + school.id() + "/staff", admin).json()
                .forEach(p -> staff.put(p.get("lastName").asText(), p.get("id").asText()));
        String fiveA = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        Map<String, String> pupils = new HashMap<>();
        Map<String, String> guardians = new HashMap<>();
        roster.studentsOfClass(fiveA, today).forEach(s -> {
            pupils.put(s.firstName(), s.id());
            roster.guardiansOf(s.id()).forEach(g -> guardians.put(g.guardian().firstName(), g.guardian().id()));
        });

        Http.Answer year = http.post("/api/v1/calendar/schools/" + school.id() + "/years", "{\"year\":" + y + ",\"start\":\"" + yearStart
                + "\",\"end\":\"" + LocalDate.of(y + 1, 5, 31) + "\",\"workingDays\":5}", admin);
        assertEquals(year.body(), 201, year.status());
        String yearId = year.json().get("id").asText();
        assertEquals(201, http.post("/api/v1/calendar/years/" + yearId + "/periods", "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}",
                admin).status());
        // The journaled week lies wholly in the past (marks are not given in advance).
        LocalDate monday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY)).minusWeeks(1);
        Http.Answer holiday = http.post("/api/v1/calendar/years/" + yearId + "/days-off", "{\"kind\":\"HOLIDAY\",\"name\":\"День здоровья\","
                + "\"start\":\"" + monday.plusDays(3) + "\",\"end\":\"" + monday.plusDays(3) + "\"}", admin);
        assertEquals(holiday.body(), 201, holiday.status());
        Http.Answer bells = http.post("/api/v1/bells/schools/" + school.id() + "/schedules", "{\"name\":\"Основное\",\"kind\":\"REGULAR\","
                + "\"validFrom\":\"" + yearStart + "\",\"periods\":[{\"number\":1,\"start\":\"08:30\",\"end\":\"09:15\"},"
                + "{\"number\":2,\"start\":\"09:25\",\"end\":\"10:10\"},{\"number\":3,\"start\":\"10:20\",\"end\":\"11:05\"},"
                + "{\"number\":4,\"start\":\"11:25\",\"end\":\"12:10\"}]}", admin);
        assertEquals(bells.body(), 201, bells.status());
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            assertEquals(200, http.send("PUT", "/api/v1/bells/schools/" + school.id() + "/weekdays/" + day,
                    "{\"scheduleId\":\"" + bells.json().get("id").asText() + "\"}", Map.of("Authorization", "Bearer " + admin)).status());
        }
        String entries = "/api/v1/timetable/schools/" + school.id() + "/entries";
        String belova = staff.get("Белова");
        String smirnova = staff.get("Смирнова");
        String math = create(entries, fiveA, MATH, belova, "MONDAY", 1, yearStart, admin);
        String russian = create(entries, fiveA, "Русский язык", smirnova, "TUESDAY", 2, yearStart, admin);
        String art = create(entries, fiveA, "Изобразительное искусство", belova, "WEDNESDAY", 4, yearStart, admin);
        String reading = create(entries, fiveA, "Литература", smirnova, "THURSDAY", 1, yearStart, admin);
        ReportingPeriod period = calendar.periodOf(school.id(), 5, monday).orElseThrow();
        String teacher = token(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));
        return new Setup(school, admin, fiveA, pupils, guardians, belova, smirnova, math, russian, art, reading, monday, period, teacher);
    }

    private String create(String entries, String classId, String subject, String teacherId, String weekday, int lesson, LocalDate from,
            String admin) {
        Http.Answer a = http.post(entries, "{\"classId\":\"" + classId + "\",\"subject\":\"" + subject + "\",\"teacherId\":\"" + teacherId
                + "\",\"weekday\":\"" + weekday + "\",\"lessonNumber\":" + lesson + ",\"validFrom\":\"" + from + "\"}", admin);
        assertEquals(a.body(), 201, a.status());
        return a.json().get("id").asText();
    }

    private void importCsv(String admin, String schoolId, String csv) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT
                + "/api/v1/roster/schools/" + schoolId + "/import?fileName=people.csv"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))).build();
        var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    private String token(String personId, String schoolId, Grant... grants) {
        String login = "d" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Дневников Пётр", personId, schoolId, List.of(grants), PASSWORD)));
        return http.login(login, PASSWORD);
    }

    private Http.Answer record(Setup s, String occurrenceId, String json) {
        return http.post("/api/v1/gradebook/lessons/" + occurrenceId, json, Map.of("Authorization", "Bearer " + s.teacher(),
                "Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static String mark(String studentId, String value, String workType, boolean visible) {
        return "{\"studentId\":\"" + studentId + "\",\"value\":\"" + value + "\",\"workType\":\"" + workType + "\",\"visibleToFamily\":" + visible
                + "}";
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(a.body(), field, a.json().get("field").asText());
        }
    }

    private static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode day(JsonNode week, LocalDate date) {
        for (JsonNode d : week.get("days")) {
            if (d.get("date").asText().equals(date.toString())) {
                return d;
            }
        }
        throw new AssertionError("no day " + date + " in " + week);
    }

    @Test
    public void weekAndPeriodForTheFamilyOnlyAndNothingHidden() throws Exception {
        Setup s = setUp("Школа дневника");
        String alisa = s.pupils().get("Алиса");
        String vera = s.pupils().get("Вера");
        String fyodor = s.pupils().get("Фёдор");
        LocalDate monday = s.monday();

        // Monday's mathematics: topic, homework, a visible and a hidden mark, an absence.
        String mathMonday = s.math() + ":" + monday;
        Http.Answer lesson = record(s, mathMonday, "{\"topic\":\"Дроби\",\"homework\":\"№ 12\",\"homeworkLinks\":[\"https://example.org/hw\"],"
                + "\"comment\":\"Хорошая работа класса\",\"attendance\":[{\"studentId\":\"" + vera + "\",\"code\":\"б\"}],\"marks\":["
                + mark(alisa, "5", "CONTROL", true) + "," + mark(alisa, "2", "ORAL", false) + "," + mark(fyodor, "4", "CONTROL", true) + ","
                + mark(fyodor, "3", "ORAL", true) + "]}");
        assertEquals(lesson.body(), 200, lesson.status());
        String hiddenId = null;
        for (JsonNode m : lesson.json().get("marks")) {
            if (m.get("value").asText().equals("2")) {
                hiddenId = m.get("id").asText();
            }
        }
        assertTrue(hiddenId != null);
        // Tuesday's Russian by a substitute, Wednesday's art cancelled, Thursday a holiday.
        assertEquals(200, http.send("PUT", "/api/v1/timetable/lessons/" + s.russian() + ":" + monday.plusDays(1) + "/change",
                "{\"kind\":\"SUBSTITUTION\",\"substituteTeacherId\":\"" + s.belova() + "\",\"reason\":\"болезнь учителя\"}",
                Map.of("Authorization", "Bearer " + s.admin())).status());
        // Vera's marks at the substituted lesson (the substitute journals it): one visible, one hidden.
        Http.Answer russian = record(s, s.russian() + ":" + monday.plusDays(1), "{\"topic\":\"Орфограммы\",\"attendance\":[],\"marks\":["
                + mark(vera, "4", "DICTATION", true) + "," + mark(vera, "3", "ORAL", false) + "]}");
        assertEquals(russian.body(), 200, russian.status());
        assertEquals(200, http.send("PUT", "/api/v1/timetable/lessons/" + s.art() + ":" + monday.plusDays(2) + "/change",
                "{\"kind\":\"CANCELLATION\",\"reason\":\"экскурсия\"}", Map.of("Authorization", "Bearer " + s.admin())).status());

        String olga = token(s.guardians().get("Ольга"), s.school().id(), new Grant(Role.PARENT, ScopeRef.student(alisa)),
                new Grant(Role.PARENT, ScopeRef.student(roster.childrenOf(s.guardians().get("Ольга")).stream()
                        .filter(c -> !c.id().equals(alisa)).findFirst().orElseThrow().id())));
        String marina = token(s.guardians().get("Марина"), s.school().id(), new Grant(Role.PARENT, ScopeRef.student(vera)));

        // The mother of two sees both children.
        JsonNode children = http.get(API + "children", olga).json();
        assertEquals(children.toString(), 2, children.size());

        Http.Answer weekAnswer = http.get(API + "students/" + alisa + "/week?date=" + monday.plusDays(2), olga);
        assertEquals(weekAnswer.body(), 200, weekAnswer.status());
        JsonNode week = weekAnswer.json();
        assertEquals(monday.toString(), week.get("from").asText());
        assertEquals(7, week.get("days").size());
        assertEquals("5А", week.get("className").asText());
        JsonNode mon = day(week, monday).get("lessons").get(0);
        assertEquals(MATH, mon.get("subject").asText());
        assertTrue(mon.toString(), mon.get("start").asText().startsWith("08:30"));
        assertEquals("Дроби", mon.get("topic").asText());
        assertEquals("№ 12", mon.get("homework").asText());
        assertEquals("https://example.org/hw", mon.get("homeworkLinks").get(0).asText());
        assertEquals("Хорошая работа класса", mon.get("comment").asText());
        assertEquals("Белова И. С.", mon.get("teacherName").asText());
        assertEquals(mon.toString(), 1, mon.get("marks").size());
        assertEquals("5", mon.get("marks").get(0).get("value").asText());
        assertEquals("CONTROL", mon.get("marks").get(0).get("workType").asText());
        assertTrue(mon.get("marks").get(0).get("weight").asDouble() > 0);
        assertFalse("a hidden mark leaked", weekAnswer.body().contains(hiddenId));
        JsonNode tue = day(week, monday.plusDays(1)).get("lessons").get(0);
        assertEquals("SUBSTITUTED", tue.get("status").asText());
        assertEquals("Белова И. С.", tue.get("teacherName").asText());
        assertEquals("болезнь учителя", tue.get("changeReason").asText());
        JsonNode wed = day(week, monday.plusDays(2)).get("lessons").get(0);
        assertEquals("CANCELLED", wed.get("status").asText());
        assertEquals("экскурсия", wed.get("changeReason").asText());
        JsonNode thu = day(week, monday.plusDays(3));
        assertEquals("День здоровья", thu.get("dayOff").asText());
        assertEquals(0, thu.get("lessons").size());
        assertTrue(day(week, monday.plusDays(5)).get("lessons").isEmpty());

        // Vera's absence shows in her diary (for her mother), not in Alisa's.
        JsonNode veraMon = day(http.get(API + "students/" + vera + "/week?date=" + monday, marina).json(), monday).get("lessons").get(0);
        assertEquals("б", veraMon.get("absence").get("code").asText());
        assertEquals("ILLNESS", veraMon.get("absence").get("category").asText());
        // The diary page names it by the school's label of the code: the reference book, for the family, through the diary.
        JsonNode codes = http.get(API + "students/" + vera + "/absence-codes", marina).json();
        boolean labelled = false;
        for (JsonNode c : codes) {
            labelled |= "б".equals(c.get("code").asText()) && "пропуск по болезни".equals(c.get("label").asText());
        }
        assertTrue(codes.toString(), labelled);
        assertProblem(http.get(API + "students/" + vera + "/absence-codes", olga), 403, null);
        assertTrue(mon.get("absence").isNull());

        // The period view: the gradebook's own forecast, over what the family sees.
        Http.Answer periodAnswer = http.get(API + "students/" + alisa + "/period?date=" + monday, olga);
        assertEquals(periodAnswer.body(), 200, periodAnswer.status());
        assertFalse("a hidden mark leaked", periodAnswer.body().contains(hiddenId));
        assertEquals(s.period().id(), periodAnswer.json().get("periodId").asText());
        JsonNode alisaMath = subject(periodAnswer.json(), MATH);
        assertEquals(1, alisaMath.get("marks").size());
        Forecast family = gradebook.forecast(alisa, MATH, s.period().id(), true).orElseThrow();
        assertEquals(family.average().doubleValue(), alisaMath.get("average").asDouble(), 0.001);
        assertEquals(String.valueOf(family.suggested()), alisaMath.get("forecast").isNull() ? "null" : alisaMath.get("forecast").asText());
        // Her hidden «2» counts for the teacher: the family is told that one mark is not shown yet (not which), and the
        // teacher's view counts it among the marks it holds.
        assertEquals(alisaMath.toString(), 1, alisaMath.get("notShown").asInt());
        Forecast teachersOfAlisa = gradebook.forecast(alisa, MATH, s.period().id(), false).orElseThrow();
        assertEquals(1, teachersOfAlisa.notShown());
        assertEquals(family.marks().size() + 1, teachersOfAlisa.marks().size());
        // For a student without hidden marks the diary's forecast is exactly the teacher's suggestion.
        String fedorMother = token(s.guardians().get("Анна"), s.school().id(), new Grant(Role.PARENT, ScopeRef.student(fyodor)));
        JsonNode fyodorMath = subject(http.get(API + "students/" + fyodor + "/period?date=" + monday, fedorMother).json(), MATH);
        Forecast teachers = gradebook.forecast(fyodor, MATH, s.period().id(), false).orElseThrow();
        assertEquals(teachers.average().doubleValue(), fyodorMath.get("average").asDouble(), 0.001);
        assertEquals(String.valueOf(teachers.suggested()), fyodorMath.get("forecast").isNull() ? "null" : fyodorMath.get("forecast").asText());
        assertEquals(2, fyodorMath.get("marks").size());
        assertEquals(0, fyodorMath.get("notShown").asInt());
        // A confirmed period grade shows with its period's name (two period grades of a subject are otherwise alike).
        Http.Answer confirmed = http.send("PUT", "/api/v1/gradebook/finals", "{\"studentId\":\"" + fyodor + "\",\"subject\":\"" + MATH
                + "\",\"kind\":\"PERIOD\",\"periodId\":\"" + s.period().id() + "\",\"value\":\"4\"}", Map.of("Authorization", "Bearer "
                + s.teacher()));
        assertEquals(confirmed.body(), 200, confirmed.status());
        JsonNode grades = http.get(API + "students/" + fyodor + "/period?date=" + monday, fedorMother).json().get("yearGrades");
        boolean named = false;
        for (JsonNode g : grades) {
            named |= "PERIOD".equals(g.get("kind").asText()) && s.period().name().equals(g.get("periodName").asText());
        }
        assertTrue(grades.toString(), named);
        // The report card of the year: the subject's row with the grade under its period's column, the periods in the
        // year's order, the student's class; last year (no class then) an empty card; a year that is not one is named.
        JsonNode card = http.get(API + "students/" + fyodor + "/year", fedorMother).json();
        assertEquals(card.toString(), "5А", card.get("className").asText());
        JsonNode columns = card.get("periods");
        assertTrue(card.toString(), columns.size() >= 1);
        for (int i = 1; i < columns.size(); i++) {
            assertTrue(card.toString(), columns.get(i - 1).get("start").asText().compareTo(columns.get(i).get("start").asText()) < 0);
        }
        JsonNode mathRow = null;
        for (JsonNode r : card.get("subjects")) {
            mathRow = MATH.equals(r.get("subject").asText()) ? r : mathRow;
        }
        assertNotNull(card.toString(), mathRow);
        assertEquals(card.toString(), "4", mathRow.get("periods").get(s.period().id()).asText());
        int thisYear = card.get("academicYear").asInt();
        JsonNode lastYear = http.get(API + "students/" + fyodor + "/year?year=" + (thisYear - 1), fedorMother).json();
        assertEquals(0, lastYear.get("subjects").size());
        assertTrue(lastYear.get("className").isNull());
        assertEquals(card.get("years").toString(), 1, card.get("years").size());
        assertEquals(card.get("years").toString(), thisYear, card.get("years").get(0).asInt());
        assertProblem(http.get(API + "students/" + fyodor + "/year?year=abc", fedorMother), 400, "year");

        // Another family's child: refused on every endpoint, with no data.
        for (String path : List.of("students/" + alisa + "/week", "students/" + alisa + "/period?date=" + monday,
                "students/" + alisa + "/preferences", "students/" + alisa + "/year")) {
            Http.Answer refused = http.get(API + path, marina);
            assertProblem(refused, 403, null);
            assertFalse(refused.body(), refused.body().contains("Дроби") || refused.body().contains("Лебедева"));
        }
        assertProblem(http.send("PUT", API + "students/" + alisa + "/preferences", "{\"mode\":\"NONE\"}",
                Map.of("Authorization", "Bearer " + marina)), 403, null);
        assertProblem(http.get(API + "students/" + UUID.randomUUID() + "/week", marina), 403, null);
        assertProblem(http.get(API + "students/" + UUID.randomUUID() + "/week", s.admin()), 404, null);
        // A teacher of the school at large is not a reader of diaries; the class teacher and the student are.
        assertProblem(http.get(API + "students/" + alisa + "/week", s.teacher()), 403, null);
        String classTeacher = token(s.belova(), s.school().id(), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(s.fiveA())));
        assertEquals(200, http.get(API + "students/" + alisa + "/week?date=" + monday, classTeacher).status());
        String alisaHerself = token(alisa, s.school().id(), new Grant(Role.STUDENT, ScopeRef.student(alisa)));
        Http.Answer own = http.get(API + "students/" + alisa + "/week?date=" + monday, alisaHerself);
        assertEquals(own.body(), 200, own.status());
        assertFalse(own.body().contains(hiddenId));
        assertProblem(http.get(API + "students/" + vera + "/week", alisaHerself), 403, null);
        // The delivery log is the class teacher's, not a parent's or a subject teacher's.
        assertEquals(200, http.get(API + "classes/" + s.fiveA() + "/deliveries", classTeacher).status());
        assertProblem(http.get(API + "classes/" + s.fiveA() + "/deliveries", olga), 403, null);
        assertProblem(http.get(API + "classes/" + s.fiveA() + "/deliveries", s.teacher()), 403, null);

        // Weekly printouts: only Vera's mother has no electronic access; one page with her week, hidden marks left out.
        String printouts = API + "classes/" + s.fiveA() + "/printouts?week=" + monday;
        JsonNode list = http.get(printouts, classTeacher).json();
        assertEquals(list.toString(), 1, list.get("students").size());
        assertEquals(vera, list.get("students").get(0).get("studentId").asText());
        assertTrue(list.toString(), list.get("students").get(0).get("guardians").get(0).asText().startsWith("Гусева Марина Олеговна"));
        assertTrue(list.get("students").get(0).get("handedAt").isNull());
        Http.Bytes pdf = http.getBytes(API + "classes/" + s.fiveA() + "/printouts.pdf?week=" + monday, classTeacher);
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType(), pdf.contentType().startsWith("application/pdf"));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            assertEquals(1, doc.getNumberOfPages());
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertTrue(text, text.contains("Сводка электронного дневника: Гусева Вера, 5А"));
        assertTrue(text, text.contains("Гусева Марина Олеговна (мать)"));
        // The absence as the school's reference book names its code «б», not the bare code (a table cell may wrap it).
        assertTrue(text, text.replaceAll("\\s+", " ").contains("пропуск по болезни") && text.contains("Дроби")
                && text.contains("День здоровья"));
        String russianRow = text.lines().filter(l -> l.contains("Орфограммы")).findFirst().orElseThrow(() -> new AssertionError(text));
        assertTrue(russianRow, russianRow.contains(" 4") && !russianRow.contains(" 3"));
        assertTrue(text, text.contains("(замена)") && text.contains("(отменён)"));
        assertFalse(text, text.contains("Лебедева Алиса"));
        Http.Answer handed = http.send("PUT", API + "classes/" + s.fiveA() + "/printouts/" + vera + "?week=" + monday, "",
                Map.of("Authorization", "Bearer " + classTeacher));
        assertEquals(handed.body(), 200, handed.status());
        String at = handed.json().get("handedAt").asText();
        // Who handed it over reads as the person's name; the login stays beside it.
        String handedByName = handed.json().get("handedByName").asText();
        assertFalse(handed.body(), handedByName.isBlank() || handedByName.equals(handed.json().get("handedBy").asText()));
        assertEquals(at, http.get(printouts, classTeacher).json().get("students").get(0).get("handedAt").asText());
        assertEquals(at, http.send("PUT", API + "classes/" + s.fiveA() + "/printouts/" + vera + "?week=" + monday, "",
                Map.of("Authorization", "Bearer " + classTeacher)).json().get("handedAt").asText());
        assertProblem(http.send("PUT", API + "classes/" + s.fiveA() + "/printouts/" + alisa + "?week=" + monday, "",
                Map.of("Authorization", "Bearer " + classTeacher)), 400, "studentId");
        // A week whose printouts are not ready yet: nothing can have been handed over (409, in Russian for the Russian UI).
        Http.Answer early = http.send("PUT", API + "classes/" + s.fiveA() + "/printouts/" + vera + "?week=" + monday.plusWeeks(5), "",
                Map.of("Authorization", "Bearer " + classTeacher, "Accept-Language", "ru"));
        assertProblem(early, 409, null);
        assertTrue(early.body(), early.json().get("detail").asText().startsWith("Распечатки за неделю с "));
        for (JsonNode later : http.get(API + "classes/" + s.fiveA() + "/printouts?week=" + monday.plusWeeks(5), classTeacher).json().get("students")) {
            assertTrue(later.toString(), later.get("handedAt").isNull());
        }
        assertProblem(http.get(printouts, marina), 403, null);
        assertProblem(http.get(API + "classes/" + s.fiveA() + "/printouts.pdf?week=" + monday, s.teacher()), 403, null);
        Http.Bytes school = http.getBytes(API + "schools/" + s.school().id() + "/printouts.pdf?week=" + monday, s.admin());
        assertEquals(200, school.status());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(school.bytes())) {
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(doc).contains("Гусева Вера"));
        }

        // Bad input: a clear problem naming the field.
        assertProblem(http.get(API + "students/" + alisa + "/week?date=2026-13-01", olga), 400, "date");
        assertProblem(http.get(API + "students/" + alisa + "/week?date=1812-09-07", olga), 400, "date");
        assertProblem(http.send("PUT", API + "students/" + alisa + "/preferences", "{\"mode\":\"SOMETIMES\"}",
                Map.of("Authorization", "Bearer " + olga)), 400, "mode");
        assertProblem(http.send("PUT", API + "students/" + alisa + "/preferences", "{\"channel\":\"pigeon\",\"mode\":\"DAILY\"}",
                Map.of("Authorization", "Bearer " + olga)), 400, "channel");
        // A body without the mode is a 400 naming it (it was a NullPointerException, a 500), in Russian for the Russian UI.
        for (String body : List.of("{}", "{\"channel\":\"email\"}")) {
            Http.Answer noMode = http.send("PUT", API + "students/" + alisa + "/preferences", body,
                    Map.of("Authorization", "Bearer " + olga, "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"));
            assertProblem(noMode, 400, "mode");
            assertTrue(noMode.body(), noMode.json().get("detail").asText().startsWith("Не выбрано, как часто сообщать"));
        }
        assertProblem(http.post(API + "digests", "{}", s.admin()), 400, "mode");
        assertProblem(http.get(API + "classes/" + s.fiveA() + "/deliveries?from=2026-02-30", classTeacher), 400, "from");
    }

    private static JsonNode subject(JsonNode period, String name) {
        for (JsonNode x : period.get("subjects")) {
            if (x.get("subject").asText().equals(name)) {
                return x;
            }
        }
        throw new AssertionError("no " + name + " in " + period);
    }

    /** The decoded plain-text body (the content handlers of Jakarta Mail are not visible to the probe). */
    private static String text(MimeMessage m) throws Exception {
        try (java.io.InputStream in = m.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The subjects of the messages to the address received so far. */
    private static List<String> subjects(GreenMail smtp, String address) {
        try {
            return to(smtp, address).stream().map(DiaryIT::subjectOf).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<MimeMessage> to(GreenMail smtp, String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    public void notificationsGoThroughTheOutboxExactlyOnceAndDigestsCollectTheDay() throws Exception {
        // etc/org.zhurnal.diary.notifications.cfg (KarafOptions): 1 s rounds and retries, no scheduled digest.
        MailSetup m = mailSetUp("Школа оповещений");
        Setup s = m.s();
        String olgaMail = m.olgaMail();
        String annaMail = m.annaMail();
        String classTeacher = m.classTeacher();
        String alisa = s.pupils().get("Алиса");
        String fyodor = s.pupils().get("Фёдор");
        String anna = token(s.guardians().get("Анна"), s.school().id(), new Grant(Role.PARENT, ScopeRef.student(fyodor)));
        // Fyodor's mother wants one message a day.
        Http.Answer pref = http.send("PUT", API + "students/" + fyodor + "/preferences", "{\"channel\":\"email\",\"mode\":\"DAILY\"}",
                Map.of("Authorization", "Bearer " + anna));
        assertEquals(pref.body(), 200, pref.status());
        assertEquals(annaMail, pref.json().get("address").asText());
        // While she changes her mind, a reader of her choice (as the notifier is) finds the old or the new one, never the
        // default (instant) in between: 40 changes against two readers. (A guard: the choice was deleted and inserted
        // again before stop 26, and this check did not catch that version either.)
        java.util.concurrent.ConcurrentLinkedQueue<String> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Races.readWhileWriting(2, () -> {
            for (JsonNode p : http.get(API + "students/" + fyodor + "/preferences", anna).json()) {
                if ("email".equals(p.get("channel").asText())) {
                    seen.add(p.get("mode").asText());
                }
            }
        }, () -> {
            for (int i = 0; i < 40; i++) {
                assertEquals(200, http.send("PUT", API + "students/" + fyodor + "/preferences", "{\"channel\":\"email\",\"mode\":\""
                        + (i % 2 == 0 ? "WEEKLY" : "DAILY") + "\"}", Map.of("Authorization", "Bearer " + anna)).status());
            }
        });
        assertTrue("the readers ran alongside the changes: " + seen.size(), seen.size() > 40);
        assertTrue("only her own choices were read: " + new java.util.TreeSet<>(seen), java.util.Set.of("DAILY", "WEEKLY").containsAll(seen));

        // The SMTP server is down: the mark is recorded, its message waits in the outbox and is retried.
        String mathMonday = s.math() + ":" + s.monday();
        Http.Answer lesson = record(s, mathMonday, "{\"topic\":\"Уравнения\",\"marks\":[" + mark(alisa, "5", "CONTROL", true) + ","
                + mark(alisa, "3", "ORAL", false) + "," + mark(fyodor, "4", "CONTROL", true) + "," + mark(fyodor, "5", "ORAL", true) + "]}");
        assertEquals(lesson.body(), 200, lesson.status());
        String log = API + "classes/" + s.fiveA() + "/deliveries";
        await("failed attempts in the delivery log", 30_000, () -> {
            JsonNode rows = http.get(log, classTeacher).json();
            return rows.size() == 1 && rows.get(0).get("attempts").asInt() >= 2 && "PENDING".equals(rows.get(0).get("status").asText());
        });
        JsonNode waiting = http.get(log, classTeacher).json().get(0);
        assertEquals(olgaMail, waiting.get("address").asText());
        assertFalse(waiting.get("lastError").isNull());
        // The class teacher reads what it means; the technical text stays for an administrator.
        JsonNode inRussian = http.get(log, Map.of("Authorization", "Bearer " + classTeacher, "Accept-Language", "ru")).json().get(0);
        assertEquals(inRussian.toString(), "Почтовый сервер недоступен; письмо будет отправлено повторно", inRussian.get("failure").asText());
        assertTrue(inRussian.toString(), inRussian.get("lastError").asText().startsWith("MailDeliveryException"));

        GreenMail smtp = new GreenMail(new ServerSetup(KarafOptions.SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            // It comes back: the one message arrives, once.
            await("Olga's message", 30_000, () -> {
                try {
                    return !to(smtp, olgaMail).isEmpty();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            Thread.sleep(4_000); // several sender rounds later, still exactly one
            List<MimeMessage> olgas = to(smtp, olgaMail);
            assertEquals(1, olgas.size());
            assertTrue(olgas.get(0).getSubject(), olgas.get(0).getSubject().contains("новая оценка 5"));
            // The outbox id is the Message-ID: were it sent again after a crash, it would be the same message.
            assertEquals("<diary." + waiting.get("id").asText() + "@zhurnal>", olgas.get(0).getMessageID());
            String body = text(olgas.get(0));
            assertTrue(body, body.contains("Оценка 5 по предмету «Математика»") && body.contains("Лебедева Алиса"));
            assertFalse("the hidden mark was sent", body.contains("Оценка 3"));
            assertEquals(0, to(smtp, annaMail).size()); // daily: nothing instant
            await("sent in the log", 10_000, () -> "SENT".equals(http.get(log, classTeacher).json().get(0).get("status").asText()));

            // The day's digest for Fyodor's mother: both marks in one message; a second run queues nothing.
            Http.Answer run = http.post(API + "digests", "{\"mode\":\"DAILY\",\"date\":\"" + clock.today() + "\"}", s.admin());
            assertEquals(run.body(), 200, run.status());
            assertTrue(run.body(), run.json().get("queued").asInt() >= 1);
            await("the digest", 20_000, () -> {
                try {
                    return to(smtp, annaMail).size() == 1;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            String digest = text(to(smtp, annaMail).get(0));
            assertTrue(digest, digest.contains("Оценка 4 по предмету «Математика»") && digest.contains("Оценка 5 по предмету «Математика»"));
            assertTrue(digest, digest.contains("Орехов Фёдор"));
            assertEquals(0, http.post(API + "digests", "{\"mode\":\"DAILY\",\"date\":\"" + clock.today() + "\"}", s.admin()).json()
                    .get("queued").asInt());
            assertProblem(http.post(API + "digests", "{\"mode\":\"HOURLY\"}", s.admin()), 400, "mode");
            assertProblem(http.post(API + "digests", "{\"mode\":\"DAILY\"}", classTeacher), 403, null);
            Thread.sleep(2_000);
            assertEquals(1, to(smtp, annaMail).size());
            assertEquals(1, to(smtp, olgaMail).size());

            // Informing families (for the reports): a parent's view and a delivered message count, a teacher's view does not.
            String vera = s.pupils().get("Вера");
            assertEquals(200, http.get(API + "students/" + fyodor + "/week", anna).status());
            assertEquals(200, http.get(API + "students/" + vera + "/week", classTeacher).status());
            Map<String, JsonNode> reach = new HashMap<>();
            http.get(API + "classes/" + s.fiveA() + "/reach", classTeacher).json().forEach(r -> reach.put(r.get("studentId").asText(), r));
            assertTrue(reach.get(fyodor).toString(), reach.get(fyodor).get("openedByFamily").asBoolean());
            assertTrue(reach.get(alisa).toString(), reach.get(alisa).get("notified").asBoolean() && !reach.get(alisa).get("openedByFamily").asBoolean());
            assertFalse(reach.get(vera).toString(), reach.get(vera).get("openedByFamily").asBoolean() || reach.get(vera).get("notified").asBoolean());
            assertProblem(http.get(API + "classes/" + s.fiveA() + "/reach", anna), 403, null);

            // A week just read (and reused for 30 s) shows a new mark as soon as the mark's event is delivered.
            String fyodorWeek = API + "students/" + fyodor + "/week?date=" + s.monday();
            int before = day(http.get(fyodorWeek, anna).json(), s.monday()).get("lessons").get(0).get("marks").size();
            assertEquals(200, record(s, mathMonday, "{\"marks\":[" + mark(fyodor, "3", "HOMEWORK", true) + "]}").status());
            await("the new mark in the cached week", 10_000, () -> day(http.get(fyodorWeek, anna).json(), s.monday()).get("lessons").get(0)
                    .get("marks").size() == before + 1);

            // A mark the family was told of is corrected, then withdrawn: Alisa's mother hears of each. The correction of
            // a mark hidden from the family is not hers to hear about.
            String visibleFive = null;
            String hiddenThree = null;
            for (JsonNode mk : lesson.json().get("marks")) {
                if (mk.get("studentId").asText().equals(alisa)) {
                    visibleFive = mk.get("value").asText().equals("5") ? mk.get("id").asText() : visibleFive;
                    hiddenThree = mk.get("value").asText().equals("3") ? mk.get("id").asText() : hiddenThree;
                }
            }
            Map<String, String> asTeacher = Map.of("Authorization", "Bearer " + s.teacher());
            assertEquals(200, http.send("PUT", "/api/v1/gradebook/marks/" + hiddenThree, "{\"value\":\"4\"}", asTeacher).status());
            assertEquals(200, http.send("PUT", "/api/v1/gradebook/marks/" + visibleFive, "{\"value\":\"4\",\"comment\":\"ошибка в задаче 3\"}",
                    asTeacher).status());
            await("the correction", 30_000, () -> subjects(smtp, olgaMail).stream().anyMatch(x -> x.contains("оценка исправлена на 4")));
            String correction = text(to(smtp, olgaMail).stream().filter(x -> subjectOf(x).contains("оценка исправлена")).findFirst().orElseThrow());
            assertTrue(correction, correction.contains("Исправлена оценка по предмету «Математика» (Контрольная работа, ")
                    && correction.contains("): теперь 4. Комментарий учителя: ошибка в задаче 3"));
            assertEquals(204, http.send("DELETE", "/api/v1/gradebook/marks/" + visibleFive, null, asTeacher).status());
            await("the withdrawal", 30_000, () -> subjects(smtp, olgaMail).stream().anyMatch(x -> x.contains("оценка отменена")));
            String withdrawal = text(to(smtp, olgaMail).stream().filter(x -> subjectOf(x).contains("оценка отменена")).findFirst().orElseThrow());
            assertTrue(withdrawal, withdrawal.contains("Отменена оценка 4 по предмету «Математика» (Контрольная работа, "));
            Thread.sleep(2_000); // several sender rounds: nothing about the hidden mark
            assertEquals(subjects(smtp, olgaMail).toString(), 3, to(smtp, olgaMail).size());
        } finally {
            smtp.stop();
        }
    }

    @Test
    public void messagesOfAChannelThatWasUninstalledHoldUpNoOtherMessages() throws Exception {
        MailSetup m = mailSetUp("Школа каналов");
        Setup s = m.s();
        String log = API + "classes/" + s.fiveA() + "/deliveries";
        // A second channel plug-in (to e-mail addresses too) whose first delivery waits until the test lets it go.
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        NotificationChannel probe = new NotificationChannel() {
            @Override
            public String id() {
                return "probe";
            }

            @Override
            public String contactKind() {
                return "EMAIL";
            }

            @Override
            public void deliver(Notification notification) throws Exception {
                inside.countDown();
                release.await(60, TimeUnit.SECONDS);
            }
        };
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(NotificationChannel.CHANNEL, "probe");
        ServiceRegistration<NotificationChannel> registration = context.registerService(NotificationChannel.class, probe, props);
        GreenMail smtp = new GreenMail(new ServerSetup(KarafOptions.SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            // 110 marks for Alisa: each queues an e-mail and a probe message to her mother — more probe messages than a
            // sender round takes.
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < 110; i++) {
                marks.append(i == 0 ? "" : ",").append(mark(s.pupils().get("Алиса"), "5", "ORAL", true));
            }
            Http.Answer many = record(s, s.math() + ":" + s.monday(), "{\"marks\":[" + marks + "]}");
            assertEquals(many.body(), 200, many.status());
            await("the probe messages queued", 30_000, () -> count(http.get(log, m.classTeacher()).json(), "probe", null) == 110);
            // The sender holds a round inside the probe's first delivery; meanwhile the plug-in is uninstalled.
            assertTrue("the sender never reached the probe channel", inside.await(30, TimeUnit.SECONDS));
            registration.unregister();
            registration = null;
            // A mark for Fyodor: its e-mail to his mother is queued after all the probe messages.
            Http.Answer one = record(s, s.art() + ":" + s.monday().plusDays(2), "{\"marks\":[" + mark(s.pupils().get("Фёдор"), "4", "ORAL", true) + "]}");
            assertEquals(one.body(), 200, one.status());
            await("Anna's message queued", 30_000, () -> count(http.get(log, m.classTeacher()).json(), "email", m.annaMail()) == 1);
            release.countDown();
            // It goes out although the uninstalled channel's messages, due earlier, fill more than a round.
            await("Anna's e-mail", 30_000, () -> {
                try {
                    return to(smtp, m.annaMail()).size() == 1;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            await("Olga's 110 e-mails", 30_000, () -> {
                try {
                    return to(smtp, m.olgaMail()).size() == 110;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            // The probe's messages wait for their channel: pending, no attempt used up (but the one it was holding, sent).
            JsonNode rows = http.get(log, m.classTeacher()).json();
            int pending = 0;
            for (JsonNode r : rows) {
                if ("probe".equals(r.get("channel").asText()) && "PENDING".equals(r.get("status").asText())) {
                    assertEquals(r.toString(), 0, r.get("attempts").asInt());
                    pending++;
                }
            }
            assertEquals(rows.toString(), 109, pending);
        } finally {
            release.countDown();
            if (registration != null) {
                registration.unregister();
            }
            smtp.stop();
        }
    }

    /** A notification test's school, its guardians' addresses, and its class teacher's token. */
    record MailSetup(Setup s, String olgaMail, String annaMail, String classTeacher) {
    }

    /**
     * A school whose guardians Olga and Anna have addresses of this test's own: other tests of this container queue
     * messages to the same people of their schools, and this test's SMTP server would receive them too.
     */
    private MailSetup mailSetUp(String name) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String olgaMail = "olga." + tag + "@example.org";
        String annaMail = "anna." + tag + "@example.net";
        Setup s = setUp(name, RosterIT.pupils().replace("olga@example.org", olgaMail).replace("anna@example.net", annaMail));
        return new MailSetup(s, olgaMail, annaMail, token(s.belova(), s.school().id(), new Grant(Role.CLASS_TEACHER,
                ScopeRef.schoolClass(s.fiveA()))));
    }

    /** @return the delivery log's rows of the channel (and address, when given) */
    private static int count(JsonNode rows, String channel, String address) {
        int n = 0;
        for (JsonNode r : rows) {
            if (channel.equals(r.get("channel").asText()) && (address == null || address.equals(r.get("address").asText()))) {
                n++;
            }
        }
        return n;
    }

    private static List<String[]> csvRows(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String[]> rows = new ArrayList<>();
        text.lines().forEach(l -> rows.add(l.split(";", -1)));
        return rows;
    }

    @Test
    public void theAttendanceReportCountsTheJournalAndOnlyStaffOfTheClassRunIt() throws Exception {
        Setup s = setUp("Школа отчётов");
        String vera = s.pupils().get("Вера");
        String fyodor = s.pupils().get("Фёдор");
        LocalDate monday = s.monday();
        assertEquals(200, record(s, s.math() + ":" + monday, "{\"topic\":\"Дроби\",\"attendance\":[{\"studentId\":\"" + vera
                + "\",\"code\":\"б\"},{\"studentId\":\"" + fyodor + "\",\"code\":\"оп\",\"lateMinutes\":5}]}").status());
        assertEquals(200, record(s, s.art() + ":" + monday.plusDays(2), "{\"topic\":\"Натюрморт\",\"attendance\":[{\"studentId\":\"" + vera
                + "\",\"code\":\"у\"}]}").status());
        String classTeacher = token(s.belova(), s.school().id(), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(s.fiveA())));
        String run = "/api/v1/reports/attendance/run";
        String params = "\"parameters\":{\"classId\":\"" + s.fiveA() + "\",\"periodId\":\"" + s.period().id() + "\"}";

        JsonNode catalogue = http.get("/api/v1/reports", classTeacher).json();
        assertTrue(catalogue.toString(), catalogue.toString().contains("\"id\":\"attendance\"") && catalogue.toString().contains("Посещаемость"));

        Http.Answer csv = http.post(run, "{\"format\":\"CSV\"," + params + "}", classTeacher);
        assertEquals(csv.body(), 200, csv.status());
        assertTrue(csv.contentType(), csv.contentType().startsWith("text/csv"));
        Map<String, String[]> rows = new HashMap<>();
        csvRows(csv.body().getBytes(StandardCharsets.UTF_8)).forEach(r -> rows.put(r[0], r));
        LocalDate to = s.period().end().isBefore(clock.today()) ? s.period().end() : clock.today();
        long held = timetable.forStudent(vera, s.period().start(), to).stream().filter(l -> !l.cancelled()).count();
        assertTrue(rows.keySet().toString(), rows.containsKey("Гусева Вера"));
        // lessons held, missed, illness, excused, unexcused, late
        assertEquals(List.of(String.valueOf(held), "2", "1", "1", "0", "0"), java.util.Arrays.asList(rows.get("Гусева Вера")).subList(1, 7));
        assertEquals("1", rows.get("Орехов Фёдор")[6]);
        assertEquals("0", rows.get("Орехов Фёдор")[2]);
        assertEquals("2", rows.get("Итого")[2]);

        // The same run as a background job: 202 with a Location, progress until DONE, the same file; the job is its owner's.
        Http.Answer queued = http.post("/api/v1/reports/attendance/jobs", "{\"format\":\"CSV\"," + params + "}", classTeacher);
        assertEquals(queued.body(), 202, queued.status());
        String jobPath = java.net.URI.create(queued.raw().headers().firstValue("Location").orElseThrow()).getPath();
        assertTrue(jobPath, jobPath.startsWith("/api/v1/reports/jobs/"));
        JsonNode job = queued.json();
        long until = System.currentTimeMillis() + 60_000;
        while (!"DONE".equals(job.get("status").asText()) && System.currentTimeMillis() < until) {
            assertFalse(job.toString(), "FAILED".equals(job.get("status").asText()));
            Thread.sleep(100);
            job = http.get(jobPath, classTeacher).json();
        }
        assertEquals(job.toString(), "DONE", job.get("status").asText());
        Http.Bytes jobFile = http.getBytes(jobPath + "/file", classTeacher);
        assertEquals(200, jobFile.status());
        assertEquals(csv.body(), new String(jobFile.bytes(), StandardCharsets.UTF_8));
        assertTrue(http.get("/api/v1/reports/jobs", classTeacher).body().contains(job.get("id").asText()));
        String deputy = token(null, s.school().id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(s.school().id())));
        assertProblem(http.get(jobPath, deputy), 404, null);
        assertProblem(http.get(jobPath + "/file", deputy), 404, null);
        assertFalse(http.get("/api/v1/reports/jobs", deputy).body().contains(job.get("id").asText()));
        // Bad input is refused when queued, not as a failed job.
        assertProblem(http.post("/api/v1/reports/attendance/jobs", "{\"format\":\"CSV\",\"parameters\":{\"classId\":\"" + s.fiveA() + "\"}}",
                classTeacher), 400, "parameters.periodId");

        // XLSX holds what CSV holds, numbers as numbers.
        Http.Bytes xlsx = http.postBytes(run, "{\"format\":\"XLSX\"," + params + "}", classTeacher);
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType(), xlsx.contentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        List<List<String>> sheet = org.zhurnal.sheets.api.Sheets.readXlsx(xlsx.bytes()).get(0).rows();
        List<List<String>> csvAsLists = new ArrayList<>();
        csvRows(csv.body().getBytes(StandardCharsets.UTF_8)).forEach(r -> csvAsLists.add(List.of(r)));
        assertEquals(csvAsLists, sheet);

        Http.Bytes pdf = http.postBytes(run, "{\"format\":\"PDF\"," + params + "}", classTeacher);
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType(), pdf.contentType().startsWith("application/pdf"));
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text, text.contains("Гусева Вера") && text.contains("Лебедева Алиса") && text.contains("Итого"));
        }

        // Refused: a parent, a subject teacher, another school's deputy director.
        String olga = token(s.guardians().get("Ольга"), s.school().id(), new Grant(Role.PARENT, ScopeRef.student(s.pupils().get("Алиса"))));
        assertProblem(http.get("/api/v1/reports", olga), 403, null);
        assertProblem(http.post(run, "{\"format\":\"CSV\"," + params + "}", olga), 403, null);
        assertProblem(http.post(run, "{\"format\":\"CSV\"," + params + "}", s.teacher()), 403, null);
        School other = RosterIT.runAsSystem(() -> tenants.createSchool(s.school().municipalityId(), "Другая школа отчётов", "Другая", "Europe/Moscow"));
        String otherDeputy = token(null, other.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(other.id())));
        Http.Answer foreign = http.post(run, "{\"format\":\"CSV\"," + params + "}", otherDeputy);
        assertProblem(foreign, 403, null);
        assertFalse(foreign.body().contains("Гусева"));

        // Bad input: named in the problem, nothing rendered.
        assertProblem(http.post("/api/v1/reports/nonexistent/run", "{\"format\":\"CSV\"}", classTeacher), 404, null);
        assertProblem(http.post(run, "{\"format\":\"DOCX\"," + params + "}", classTeacher), 400, "format");
        assertProblem(http.post(run, "{\"format\":\"CSV\",\"parameters\":{\"classId\":\"" + s.fiveA() + "\"}}", classTeacher), 400,
                "parameters.periodId");
        assertProblem(http.post(run, "{\"format\":\"CSV\",\"parameters\":{\"classId\":\"" + s.fiveA() + "\",\"periodId\":\""
                + UUID.randomUUID() + "\"}}", classTeacher), 400, "parameters.periodId");
        assertProblem(http.post(run, "{\"format\":\"CSV\",\"parameters\":{\"classId\":\"" + s.fiveA() + "\",\"periodId\":\""
                + s.period().id() + "\",\"colour\":\"red\"}}", classTeacher), 400, "parameters.colour");
    }
}
