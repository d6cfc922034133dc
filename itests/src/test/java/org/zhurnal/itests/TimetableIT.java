package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
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
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableQuery;

import com.fasterxml.jackson.databind.JsonNode;

/** The timetable module on the real distribution: a school set up over REST, conflicts, lessons, access. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TimetableIT {
    static final String API = "/api/v1/timetable/";
    static final String STAFF = "Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n"
            + "T1;Белова;Ирина;Сергеевна;учитель;Математика;;belova@example.org;5А\n"
            + "T3;Смирнова;Анна;Павловна;учитель;Английский язык;;;\n";

    @Inject
    org.osgi.framework.BundleContext context;
    @Inject
    TenantService tenants;
    @Inject
    AccountService accounts;
    @Inject
    RosterQuery roster;
    @Inject
    TimetableQuery timetable;
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
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals("Timetable IT")).findFirst()
                .orElseGet(() -> RosterIT.runAsSystem(() -> tenants.createMunicipality("Timetable IT")));
        return RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), name, name, "Europe/Moscow"));
    }

    /** Signs in as the system administrator once the REST application answers (it registers after the probe on a busy machine). */
    private String admin() throws InterruptedException {
        Http.Answer health = http.await("/api/v1/health", 200, java.time.Duration.ofSeconds(120));
        assertEquals(health.body(), 200, health.status());
        return http.login("admin", KarafOptions.ADMIN_PASSWORD);
    }

    private String tokenFor(Grant grant) {
        String login = "t" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Расписанов Пётр Петрович", null, "system", List.of(grant),
                "Timetable-Passw0rd-7")));
        return http.login(login, "Timetable-Passw0rd-7");
    }

    /** Posts a CSV body (UTF-8) and returns the answer. */
    private static Http.Answer postCsv(String path, String csv, String token) throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + KarafOptions.HTTP_PORT + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))).build();
        var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Http.Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    }

    private void importCsv(String admin, String schoolId, String csv) throws Exception {
        Http.Answer a = postCsv("/api/v1/roster/schools/" + schoolId + "/import?fileName=pupils.csv", csv, admin);
        assertEquals(a.body(), 200, a.status());
    }

    /** A school with pupils, two teachers (Белова T1, Смирнова T3), a calendar year and bells Monday to Friday. */
    record Setup(School school, String belova, String smirnova, String fiveA, String twoB, String alisa, LocalDate yearStart) {}

    private Setup setUp(String name, String admin) throws Exception {
        School school = newSchool(name);
        int y = RosterQuery.academicYearOf(clock.today());
        LocalDate yearStart = LocalDate.of(y, 9, 1);
        importCsv(admin, school.id(), RosterIT.pupils());
        importCsv(admin, school.id(), STAFF);
        Map<String, String> staff = new HashMap<>();
        http.get("/api/v1/roster/schools/" + school.id() + "/staff", admin).json()
                .forEach(p -> staff.put(p.get("lastName").asText(), p.get("id").asText()));
        String fiveA = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        String twoB = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("2Б")).findFirst().orElseThrow().id();
        String alisa = roster.studentsOfClass(fiveA, clock.today()).stream().filter(s -> s.firstName().equals("Алиса")).findFirst()
                .orElseThrow().id();

        Http.Answer year = http.post("/api/v1/calendar/schools/" + school.id() + "/years", "{\"year\":" + y + ",\"start\":\"" + yearStart
                + "\",\"end\":\"" + LocalDate.of(y + 1, 5, 31) + "\",\"workingDays\":5}", admin);
        assertEquals(year.body(), 201, year.status());
        Http.Answer quarters = http.post("/api/v1/calendar/years/" + year.json().get("id").asText() + "/periods",
                "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}", admin);
        assertEquals(quarters.body(), 201, quarters.status());
        Http.Answer bells = http.post("/api/v1/bells/schools/" + school.id() + "/schedules", "{\"name\":\"Основное\",\"kind\":\"REGULAR\","
                + "\"validFrom\":\"" + yearStart + "\",\"periods\":[{\"number\":1,\"start\":\"08:30\",\"end\":\"09:15\"},"
                + "{\"number\":2,\"start\":\"09:25\",\"end\":\"10:10\"},{\"number\":3,\"start\":\"10:20\",\"end\":\"11:05\"},"
                + "{\"number\":4,\"start\":\"11:25\",\"end\":\"12:10\"},{\"number\":5,\"start\":\"12:30\",\"end\":\"13:15\"},"
                + "{\"number\":6,\"start\":\"13:25\",\"end\":\"14:10\"},{\"number\":7,\"start\":\"14:20\",\"end\":\"15:05\"}]}", admin);
        assertEquals(bells.body(), 201, bells.status());
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            Http.Answer a = put("/api/v1/bells/schools/" + school.id() + "/weekdays/" + day,
                    "{\"scheduleId\":\"" + bells.json().get("id").asText() + "\"}", admin);
            assertEquals(a.body(), 200, a.status());
        }
        return new Setup(school, staff.get("Белова"), staff.get("Смирнова"), fiveA, twoB, alisa, yearStart);
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

    private static String entry(String classId, String groupId, String subject, String teacherId, String room, String weekday, int lesson,
            LocalDate validFrom) {
        return "{" + (classId == null ? "" : "\"classId\":\"" + classId + "\",") + (groupId == null ? "" : "\"groupId\":\"" + groupId + "\",")
                + "\"subject\":\"" + subject + "\",\"teacherId\":\"" + teacherId + "\"," + (room == null ? "" : "\"room\":\"" + room + "\",")
                + "\"weekday\":\"" + weekday + "\",\"lessonNumber\":" + lesson + ",\"validFrom\":\"" + validFrom + "\"}";
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(name).asText()));
        return out;
    }

    @Test
    public void entriesConflictsLessonsAndAccess() throws Exception {
        String admin = admin();
        Setup setup = setUp("Школа расписания", admin);
        School school = setup.school();
        int y = RosterQuery.academicYearOf(clock.today());
        LocalDate yearStart = setup.yearStart();
        String belova = setup.belova();
        String smirnova = setup.smirnova();
        String fiveA = setup.fiveA();
        String twoB = setup.twoB();
        String alisa = setup.alisa();
        String groups = "/api/v1/roster/schools/" + school.id() + "/groups";
        Http.Answer g1 = http.post(groups, "{\"kind\":\"SUBGROUP\",\"classId\":\"" + fiveA + "\",\"name\":\"Английский, группа 1\"}", admin);
        assertEquals(g1.body(), 201, g1.status());
        Http.Answer g2 = http.post(groups, "{\"kind\":\"SUBGROUP\",\"classId\":\"" + fiveA + "\",\"name\":\"Английский, группа 2\"}", admin);
        assertEquals(g2.body(), 201, g2.status());
        String group1 = g1.json().get("id").asText();
        String group2 = g2.json().get("id").asText();
        assertEquals(200, put("/api/v1/roster/groups/" + group1 + "/members", "{\"studentIds\":[\"" + alisa + "\"]}", admin).status());

        String entries = API + "schools/" + school.id() + "/entries";
        // Validation: 400 naming the field.
        assertProblem(http.post(entries, entry(fiveA, null, "Математика", belova, "12", "MONDAY", 13, yearStart), admin), 400, "lessonNumber");
        assertProblem(http.post(entries, entry(fiveA, null, "Математика", belova, "12", "SATURDAY", 1, yearStart), admin), 400, "weekday");
        assertProblem(http.post(entries, entry(fiveA, null, "Математика", alisa, "12", "MONDAY", 1, yearStart), admin), 400, "teacherId");
        assertProblem(http.post(entries, entry(fiveA, null, " ", belova, "12", "MONDAY", 1, yearStart), admin), 400, "subject");
        assertProblem(http.post(entries, entry(fiveA, group1, "Математика", belova, "12", "MONDAY", 1, yearStart), admin), 400, "classId");
        assertProblem(http.post(entries, entry(fiveA, null, "Математика", belova, "12", "MONDAY", 1, yearStart.minusDays(1)), admin), 400,
                "validFrom");

        Http.Answer math = http.post(entries, entry(fiveA, null, "Математика", belova, "12", "MONDAY", 1, yearStart), admin);
        assertEquals(math.body(), 201, math.status());
        // The same teacher elsewhere at the same time: 409 naming the other entry.
        Http.Answer teacherTwice = http.post(entries, entry(twoB, null, "Математика", belova, "14", "MONDAY", 1, yearStart), admin);
        assertProblem(teacherTwice, 409, null);
        String detail = teacherTwice.json().get("detail").asText();
        assertTrue(detail, detail.contains("Математика") && detail.contains("5А") && detail.contains("MONDAY") && detail.contains("lesson 1"));
        // The same class twice: 409.
        Http.Answer classTwice = http.post(entries, entry(fiveA, null, "Русский язык", smirnova, "15", "MONDAY", 1, yearStart), admin);
        assertProblem(classTwice, 409, null);
        assertTrue(classTwice.body(), classTwice.json().get("detail").asText().contains("Математика"));
        // Two subgroups of 5А in parallel: fine.
        Http.Answer half1 = http.post(entries, entry(null, group1, "Английский язык", smirnova, "21", "MONDAY", 2, yearStart), admin);
        assertEquals(half1.body(), 201, half1.status());
        Http.Answer half2 = http.post(entries, entry(null, group2, "Английский язык", belova, "22", "MONDAY", 2, yearStart), admin);
        assertEquals(half2.body(), 201, half2.status());
        Http.Answer russian = http.post(entries, entry(fiveA, null, "Русский язык", smirnova, "15", "WEDNESDAY", 3, yearStart), admin);
        assertEquals(russian.body(), 201, russian.status());
        Http.Answer literature = http.post(entries, entry(fiveA, null, "Литература", smirnova, "15", "FRIDAY", 7, yearStart), admin);
        assertEquals(literature.body(), 201, literature.status());
        Http.Answer listed = http.get(entries + "?classId=" + fiveA, admin);
        assertEquals(listed.body(), 200, listed.status());
        assertEquals(List.of("Математика", "Русский язык", "Литература"), field(listed.json(), "subject"));

        // One school week of 5А: its own lessons and both subgroups', with the bell times.
        LocalDate monday = clock.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        Http.Answer week = http.get(API + "classes/" + fiveA + "/lessons?from=" + monday + "&to=" + sunday, admin);
        assertEquals(week.body(), 200, week.status());
        assertEquals(week.body(), 5, week.json().size());
        JsonNode first = week.json().get(0);
        assertEquals("Математика", first.get("subject").asText());
        assertEquals(monday.toString(), first.get("date").asText());
        assertTrue(first.toString(), first.get("start").asText().startsWith("08:30"));
        assertTrue(first.toString(), first.get("end").asText().startsWith("09:15"));
        assertEquals(math.json().get("id").asText() + ":" + monday, first.get("occurrenceId").asText());
        JsonNode last = week.json().get(4);
        assertEquals("Литература", last.get("subject").asText());
        assertTrue(last.toString(), last.get("start").asText().startsWith("14:20"));
        assertEquals(5, timetable.forClass(fiveA, monday, sunday).size());
        // Alisa: her class and her subgroup; Belova: the mathematics and the second subgroup.
        List<Lesson> alisas = timetable.forStudent(alisa, monday, sunday);
        assertEquals(alisas.toString(), 4, alisas.size());
        Http.Answer belovas = http.get(API + "teachers/" + belova + "/lessons?from=" + monday + "&to=" + sunday, admin);
        assertEquals(belovas.body(), 200, belovas.status());
        assertEquals(List.of("Математика", "Английский язык"), field(belovas.json(), "subject"));
        assertProblem(http.get(API + "classes/" + fiveA + "/lessons?from=" + monday + "&to=" + monday.plusDays(400), admin), 400, "to");

        // A mid-year change: Russian on Wednesdays becomes Literature from the next week on; the past stays.
        LocalDate change = monday.plusDays(7);
        String russianId = russian.json().get("id").asText();
        Http.Answer ended = put(API + "entries/" + russianId + "/end", "{\"date\":\"" + change + "\"}", admin);
        assertEquals(ended.body(), 200, ended.status());
        assertEquals(change.minusDays(1).toString(), ended.json().get("validTo").asText());
        Http.Answer replacement = http.post(entries, entry(fiveA, null, "Чтение", smirnova, "15", "WEDNESDAY", 3, change), admin);
        assertEquals(replacement.body(), 201, replacement.status());
        List<String> wednesdays = timetable.forClass(fiveA, monday, monday.plusDays(13)).stream()
                .filter(l -> l.date().getDayOfWeek() == DayOfWeek.WEDNESDAY).map(Lesson::subject).toList();
        assertEquals(List.of("Русский язык", "Чтение"), wednesdays);
        assertEquals(List.of("end", "create"), audit.find("timetable-entry", russianId, 10).stream().map(AuditEntry::action).toList());

        // Substitutions and cancellations: one occurrence changes, the template and the other weeks stay.
        String mathMonday = math.json().get("id").asText() + ":" + monday;
        String lessonsApi = API + "lessons/";
        assertProblem(put(lessonsApi + mathMonday + "/change", "{\"kind\":\"SWAP\",\"reason\":\"x\"}", admin), 400, "kind");
        assertProblem(put(lessonsApi + mathMonday + "/change", "{\"kind\":\"SUBSTITUTION\",\"substituteTeacherId\":\"" + smirnova
                + "\"}", admin), 400, "reason");
        assertProblem(put(lessonsApi + mathMonday + "/change", "{\"kind\":\"SUBSTITUTION\",\"substituteTeacherId\":\"" + alisa
                + "\",\"reason\":\"болезнь\"}", admin), 400, "substituteTeacherId");
        assertProblem(put(lessonsApi + math.json().get("id").asText() + ":" + monday.plusDays(1) + "/change",
                "{\"kind\":\"CANCELLATION\",\"reason\":\"x\"}", admin), 404, null);
        // Belova gives the second subgroup at lesson 2: she cannot substitute the first one then.
        Http.Answer busy = put(lessonsApi + half1.json().get("id").asText() + ":" + monday + "/change",
                "{\"kind\":\"SUBSTITUTION\",\"substituteTeacherId\":\"" + belova + "\",\"reason\":\"болезнь учителя\"}", admin);
        assertProblem(busy, 409, null);
        assertTrue(busy.body(), busy.json().get("detail").asText().contains("Английский язык"));
        Http.Answer substituted = put(lessonsApi + mathMonday + "/change", "{\"kind\":\"SUBSTITUTION\",\"substituteTeacherId\":\""
                + smirnova + "\",\"room\":\"21\",\"reason\":\"болезнь учителя\"}", admin);
        assertEquals(substituted.body(), 200, substituted.status());
        assertEquals("SUBSTITUTED", substituted.json().get("status").asText());
        Lesson subLesson = timetable.lesson(mathMonday).orElseThrow();
        assertEquals(smirnova, subLesson.teacherId());
        assertEquals(belova, subLesson.regularTeacherId());
        assertEquals("21", subLesson.room());
        assertEquals(1, subLesson.revision());
        assertTrue(timetable.forTeacher(smirnova, monday, monday).stream().anyMatch(l -> l.occurrenceId().equals(mathMonday)));
        assertTrue("the substituted teacher no longer has the lesson",
                timetable.forTeacher(belova, monday, monday).stream().noneMatch(l -> l.occurrenceId().equals(mathMonday)));
        assertEquals(Lesson.SCHEDULED, timetable.lesson(math.json().get("id").asText() + ":" + monday.plusDays(7)).orElseThrow().status());
        // The room is now taken at lesson 1 that Monday.
        assertTrue(timetable.forRoom(school.id(), "21", monday, monday).stream().anyMatch(l -> l.occurrenceId().equals(mathMonday)));
        String literatureFriday = literature.json().get("id").asText() + ":" + monday.plusDays(4);
        Http.Answer cancelled = put(lessonsApi + literatureFriday + "/change", "{\"kind\":\"CANCELLATION\",\"reason\":\"карантин\"}", admin);
        assertEquals(cancelled.body(), 200, cancelled.status());
        assertTrue(timetable.forStudent(alisa, monday, sunday).stream().anyMatch(l -> l.occurrenceId().equals(literatureFriday) && l.cancelled()));
        Http.Answer restored = put(lessonsApi + literatureFriday + "/change", "{\"kind\":\"NONE\"}", admin);
        assertEquals(restored.body(), 200, restored.status());
        assertEquals("SCHEDULED", restored.json().get("status").asText());
        assertEquals(2, restored.json().get("revision").asInt());
        Http.Answer changes = http.get(API + "schools/" + school.id() + "/changes?from=" + monday + "&to=" + sunday, admin);
        assertEquals(changes.body(), 200, changes.status());
        assertEquals(List.of("SUBSTITUTION", "NONE"), field(changes.json(), "kind"));
        String changeId = changes.json().get(1).get("id").asText();
        assertEquals(List.of("update", "create"), audit.find("timetable-lesson-change", changeId, 10).stream().map(AuditEntry::action).toList());

        // A parent of another school's student sees nothing of this school.
        School other = newSchool("Другая школа расписания");
        importCsv(admin, other.id(), RosterIT.pupils());
        String otherFiveA = roster.classes(other.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow().id();
        String otherChild = roster.studentsOfClass(otherFiveA, clock.today()).get(0).id();
        String parent = tokenFor(new Grant(Role.PARENT, ScopeRef.student(otherChild)));
        String range = "/lessons?from=" + monday + "&to=" + sunday;
        assertProblem(http.get(API + "classes/" + fiveA + range, parent), 404, null);
        assertProblem(http.get(API + "students/" + alisa + range, parent), 404, null);
        assertProblem(http.get(API + "teachers/" + belova + range, parent), 404, null);
        assertProblem(http.get(entries, parent), 404, null);
        assertProblem(http.post(entries, entry(fiveA, null, "Рисование", smirnova, null, "TUESDAY", 1, yearStart), parent), 404, null);
        assertProblem(put(lessonsApi + mathMonday + "/change", "{\"kind\":\"CANCELLATION\",\"reason\":\"x\"}", parent), 404, null);
        assertProblem(http.get(API + "schools/" + school.id() + "/changes?from=" + monday + "&to=" + sunday, parent), 404, null);
        // A teacher of the school reads the timetable but does not change it.
        String teacher = tokenFor(new Grant(Role.TEACHER, ScopeRef.school(school.id())));
        assertEquals(200, http.get(API + "schools/" + school.id() + "/changes?from=" + monday + "&to=" + sunday, teacher).status());
        assertProblem(put(lessonsApi + mathMonday + "/change", "{\"kind\":\"CANCELLATION\",\"reason\":\"x\"}", teacher), 403, null);
        // Their own child's timetable is there (empty: the other school has no entries).
        Http.Answer own = http.get(API + "students/" + otherChild + range, parent);
        assertEquals(own.body(), 200, own.status());
        assertEquals(0, own.json().size());

        // Cancel Friday's literature again, so the feeds show a cancelled lesson.
        assertEquals(200, put(lessonsApi + literatureFriday + "/change", "{\"kind\":\"CANCELLATION\",\"reason\":\"карантин\"}", admin).status());
        icalFeeds(school, admin, parent, otherChild, fiveA, twoB, alisa, monday, mathMonday, literatureFriday, y);
    }

    private String feedUrlPath(Http.Answer created) {
        String url = created.json().get("url").asText();
        assertTrue(url, url.startsWith("http://") && url.endsWith(".ics") && url.contains(API + "feeds/"));
        return java.net.URI.create(url).getRawPath();
    }

    private static List<VEvent> eventsOf(String ics, LocalDate from, LocalDate to) throws Exception {
        net.fortuna.ical4j.model.Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> out = new ArrayList<>();
        for (Object o : cal.getComponents(net.fortuna.ical4j.model.Component.VEVENT)) {
            VEvent e = (VEvent) o;
            LocalDate d = LocalDate.parse(e.getStartDate().getValue().substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            if (!d.isBefore(from) && !d.isAfter(to)) {
                out.add(e);
            }
        }
        return out;
    }

    private static VEvent event(List<VEvent> events, String occurrenceId) {
        return events.stream().filter(e -> e.getUid().getValue().equals(occurrenceId + "@zhurnal")).findFirst()
                .orElseThrow(() -> new AssertionError("no event " + occurrenceId));
    }

    /** Secret iCalendar feed links: created over REST, fetched without a session, parsed with ical4j, revoked. */
    private void icalFeeds(School school, String admin, String otherParent, String otherChild, String fiveA, String twoB, String alisa,
            LocalDate monday, String mathMonday, String literatureFriday, int y) throws Exception {
        String feeds = API + "feeds";
        LocalDate sunday = monday.plusDays(6);
        assertProblem(http.post(feeds, "{\"kind\":\"ROOM\",\"id\":\"" + fiveA + "\"}", admin), 400, "kind");
        assertProblem(http.post(feeds, "{\"kind\":\"CLASS\"}", admin), 400, "id");
        assertProblem(http.post(feeds, "{\"kind\":\"CLASS\",\"id\":\"" + fiveA + "\"}", Map.of()), 401, null);

        // The administrator's feed of 5А: one event per lesson of the week, read without any session.
        Http.Answer created = http.post(feeds, "{\"kind\":\"CLASS\",\"id\":\"" + fiveA + "\"}", admin);
        assertEquals(created.body(), 201, created.status());
        assertEquals("5А", created.json().get("name").asText());
        String classFeed = feedUrlPath(created);
        Http.Answer ics = http.get(classFeed);
        assertEquals(ics.body(), 200, ics.status());
        assertTrue(ics.contentType(), ics.contentType().startsWith("text/calendar") && ics.contentType().toUpperCase(java.util.Locale.ROOT).contains("UTF-8"));
        assertTrue(ics.body(), ics.body().startsWith("BEGIN:VCALENDAR") && ics.body().contains("X-WR-CALNAME:") && ics.body().contains("BEGIN:VTIMEZONE"));
        List<VEvent> week = eventsOf(ics.body(), monday, sunday);
        assertEquals(ics.body(), 5, week.size());
        VEvent math = event(week, mathMonday);
        assertTrue(math.getSequence().getValue(), Integer.parseInt(math.getSequence().getValue()) >= 1);
        assertTrue(math.getDescription().getValue(), math.getDescription().getValue().contains("Смирнова Анна Павловна"));
        assertTrue(math.getDescription().getValue(), math.getDescription().getValue().contains("болезнь учителя"));
        assertEquals("CONFIRMED", math.getStatus().getValue());
        assertEquals("Кабинет 21", math.getLocation().getValue());
        assertTrue(math.getSummary().getValue(), math.getSummary().getValue().startsWith("Математика"));
        assertEquals("Europe/Moscow", math.getStartDate().getParameter(net.fortuna.ical4j.model.Parameter.TZID).getValue());
        assertEquals(monday.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "T083000", math.getStartDate().getValue());
        assertEquals(monday.atTime(8, 30).atZone(java.time.ZoneId.of("Europe/Moscow")).toInstant(), math.getStartDate().getDate().toInstant());
        VEvent literature = event(week, literatureFriday);
        assertEquals("CANCELLED", literature.getStatus().getValue());
        assertTrue(Integer.parseInt(literature.getSequence().getValue()) >= 3);
        // The UID is stable: the next fetch names the same events.
        assertEquals(week.stream().map(e -> e.getUid().getValue()).toList(),
                eventsOf(http.get(classFeed).body(), monday, sunday).stream().map(e -> e.getUid().getValue()).toList());

        // My links: no token, no URL.
        Http.Answer mine = http.get(feeds, admin);
        assertEquals(mine.body(), 200, mine.status());
        assertEquals(1, mine.json().size());
        assertTrue(mine.body(), !mine.json().get(0).hasNonNull("url") && !mine.body().contains(classFeed.substring(classFeed.lastIndexOf('/') + 1, classFeed.length() - 4)));
        String linkId = created.json().get("id").asText();

        // A parent of Alisa: her class and subgroup lessons; the feed dies with the account.
        String login = "t" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Родитель Алисы", null, "system",
                List.of(new Grant(Role.PARENT, ScopeRef.student(alisa))), "Timetable-Passw0rd-7")));
        String alisasParent = http.login(login, "Timetable-Passw0rd-7");
        Http.Answer alisasLink = http.post(feeds, "{\"kind\":\"STUDENT\",\"id\":\"" + alisa + "\"}", alisasParent);
        assertEquals(alisasLink.body(), 201, alisasLink.status());
        String alisasFeed = feedUrlPath(alisasLink);
        assertEquals(4, eventsOf(http.get(alisasFeed).body(), monday, sunday).size());
        String parentAccount = accounts.byLogin(login).orElseThrow().id();
        RosterIT.runAsSystem(() -> accounts.setDisabled(parentAccount, true));
        assertProblem(http.get(alisasFeed), 404, null);
        RosterIT.runAsSystem(() -> accounts.setDisabled(parentAccount, false));
        assertEquals(200, http.get(alisasFeed).status());
        // ... and with the access: without the grant on Alisa, nothing.
        RosterIT.runAsSystem(() -> accounts.setGrants(parentAccount, List.of(new Grant(Role.PARENT, ScopeRef.student(otherChild)))));
        assertProblem(http.get(alisasFeed), 404, null);

        // Another family's parent cannot make a link to Alisa or her class, but to their own child.
        assertProblem(http.post(feeds, "{\"kind\":\"STUDENT\",\"id\":\"" + alisa + "\"}", otherParent), 404, null);
        assertProblem(http.post(feeds, "{\"kind\":\"CLASS\",\"id\":\"" + fiveA + "\"}", otherParent), 404, null);
        assertProblem(http.send("DELETE", feeds + "/" + linkId, null, Map.of("Authorization", "Bearer " + otherParent)), 404, null);
        Http.Answer ownChild = http.post(feeds, "{\"kind\":\"STUDENT\",\"id\":\"" + otherChild + "\"}", otherParent);
        assertEquals(ownChild.body(), 201, ownChild.status());
        assertEquals(0, eventsOf(http.get(feedUrlPath(ownChild)).body(), monday, sunday).size());

        // Revoking: the URL is gone, like any unknown one; create and revoke are audited without the token.
        Http.Answer revoked = http.send("DELETE", feeds + "/" + linkId, null, Map.of("Authorization", "Bearer " + admin));
        assertEquals(revoked.body(), 204, revoked.status());
        assertProblem(http.get(classFeed), 404, null);
        assertProblem(http.get(API + "feeds/" + "A".repeat(43) + ".ics"), 404, null);
        assertProblem(http.get(API + "feeds/nonsense.ics"), 404, null);
        assertEquals(0, http.get(feeds, admin).json().size());
        List<AuditEntry> trail = audit.find("timetable-feed", linkId, 10);
        assertEquals(List.of("revoke", "create"), trail.stream().map(AuditEntry::action).toList());
        String token = classFeed.substring(classFeed.lastIndexOf('/') + 1, classFeed.length() - 4);
        assertTrue(trail.stream().noneMatch(a -> String.valueOf(a.after()).contains(token) || String.valueOf(a.before()).contains(token)));

        measureFeed(school, admin, twoB, y);
    }

    /** Feed generation time for a full class timetable (30 lessons a week), printed for docs/benchmarks.md. */
    private void measureFeed(School school, String admin, String twoB, int y) throws Exception {
        StringBuilder csv = new StringBuilder("Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n");
        String[] names = {"Учителева", "Петрова", "Сидорова", "Кузнецова", "Попова", "Васильева"};
        for (int i = 0; i < names.length; i++) {
            csv.append("B").append(i).append(";").append(names[i]).append(";Мария;Ивановна;учитель;Математика;;;\n");
        }
        importCsv(admin, school.id(), csv.toString());
        Map<String, String> staff = new HashMap<>();
        http.get("/api/v1/roster/schools/" + school.id() + "/staff", admin).json()
                .forEach(p -> staff.put(p.get("lastName").asText(), p.get("id").asText()));
        LocalDate yearStart = LocalDate.of(y, 9, 1);
        String entries = API + "schools/" + school.id() + "/entries";
        String[] subjects = {"Русский язык", "Математика", "Окружающий мир", "Литературное чтение", "Музыка", "Физкультура"};
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            for (int n = 1; n <= 6; n++) {
                Http.Answer a = http.post(entries, entry(twoB, null, subjects[n - 1], staff.get(names[n - 1]), "3" + n, day, n, yearStart), admin);
                assertEquals(a.body(), 201, a.status());
            }
        }
        String path = feedUrlPath(http.post(API + "feeds", "{\"kind\":\"CLASS\",\"id\":\"" + twoB + "\"}", admin));
        List<Long> micros = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < 12; i++) {
            long t = System.nanoTime();
            Http.Answer a = http.get(path);
            micros.add((System.nanoTime() - t) / 1000);
            assertEquals(200, a.status());
            events = new CalendarBuilder().build(new StringReader(a.body())).getComponents(net.fortuna.ical4j.model.Component.VEVENT).size();
        }
        List<Long> warm = micros.subList(2, micros.size()).stream().sorted().toList();
        System.out.println("FEED-BENCH class feed, " + events + " events: first " + micros.get(0) / 1000 + " ms, warm median "
                + warm.get(warm.size() / 2) / 1000 + " ms, warm min " + warm.get(0) / 1000 + " ms, max " + warm.get(warm.size() - 1) / 1000 + " ms");
    }

    private static List<String> violationFields(Http.Answer a) {
        return field(a.json().get("errors"), "field");
    }

    @Test
    public void csvImportAndDemoTimetable() throws Exception {
        String admin = admin();
        Setup s = setUp("Школа импорта расписания", admin);
        String entries = API + "schools/" + s.school().id() + "/entries";
        String url = API + "schools/" + s.school().id() + "/import?fileName=tt.csv";
        String header = "Класс;Группа;Предмет;Учитель;Кабинет;День недели;Урок;Действует с;Действует по;Недели\n";

        // Several bad rows: one 400 naming every row and column; nothing is written, not even the good row.
        Http.Answer bad = postCsv(url, header + "5А;;Математика;T1;12;Пн;1;;;все\n"
                + "9Я;;Математика;T1;12;Вт;1;;;\n"
                + "5А;;Математика;T404;12;Ср;1;;;\n"
                + "5А;;Математика;T1;12;Чт;99;;;\n"
                + "5А;;Математика;T1;12;Пт;2;31.02.2027;;\n"
                + "5А;;Математика;T1;12;воскресение;3;;;\n", admin);
        assertProblem(bad, 400, "tt.csv:3:Класс");
        assertEquals(bad.body(), List.of("tt.csv:3:Класс", "tt.csv:4:Учитель", "tt.csv:5:Урок", "tt.csv:6:Действует с", "tt.csv:7:День недели"),
                violationFields(bad));
        assertEquals(0, http.get(entries, admin).json().size());

        // Two rows of the file clash (Белова, by code and by name, in two classes at once): both rows are named.
        Http.Answer clash = postCsv(url, header + "5А;;Математика;T1;12;Пн;1;;;\n"
                + "2Б;;Математика;Белова Ирина Сергеевна;14;понедельник;1;;;\n", admin);
        assertProblem(clash, 400, "tt.csv:3:Урок");
        String clashMessage = clash.json().get("errors").get(0).get("message").asText();
        assertTrue(clashMessage, clashMessage.contains("row 2") && clashMessage.contains("teacher"));
        assertEquals(0, http.get(entries, admin).json().size());

        // A good file: the dry run writes nothing, the import writes all, the same file again adds nothing.
        String good = header + "5А;;Математика;T1;12;Пн;1;;;\n" + "5А;;Английский язык;T3;21;Вт;2;;;чёт\n" + "2Б;;Математика;T1;14;Вт;2;;;\n";
        Http.Answer dry = postCsv(url + "&dryRun=true", good, admin);
        assertEquals(dry.body(), 200, dry.status());
        assertTrue(dry.body(), dry.json().get("dryRun").asBoolean());
        assertEquals(dry.body(), 3, dry.json().get("created").asInt());
        assertEquals(0, http.get(entries, admin).json().size());
        Http.Answer done = postCsv(url, good, admin);
        assertEquals(done.body(), 200, done.status());
        assertEquals(done.body(), 3, done.json().get("created").asInt());
        JsonNode saved = http.get(entries, admin).json();
        assertEquals(3, saved.size());
        // Entries come in week order; two at the same slot (Tuesday, lesson 2) in no particular order.
        assertEquals(List.of("Английский язык", "Математика", "Математика"), field(saved, "subject").stream().sorted().toList());
        assertEquals("Математика", saved.get(0).get("subject").asText());
        for (JsonNode e : saved) {
            assertEquals(e.get("subject").asText().equals("Английский язык") ? "EVEN" : "ALL", e.get("weeks").asText());
        }
        assertEquals(List.of("import-create"), audit.find("timetable-entry", saved.get(0).get("id").asText(), 10).stream()
                .map(AuditEntry::action).toList());
        Http.Answer again = postCsv(url, good, admin);
        assertEquals(again.body(), 200, again.status());
        assertEquals(again.body(), 0, again.json().get("created").asInt());
        assertEquals(again.body(), 3, again.json().get("unchanged").asInt());
        assertEquals(3, http.get(entries, admin).json().size());
        // A clash with a saved entry is named too; the single create keeps its 409 through the same check.
        Http.Answer busy = postCsv(url, header + "2Б;;Русский язык;T1;15;Пн;1;;;\n", admin);
        assertProblem(busy, 400, "tt.csv:2:Урок");
        assertTrue(busy.body(), busy.json().get("errors").get(0).get("message").asText().contains("saved entry"));
        assertProblem(http.post(entries, entry(s.twoB(), null, "Русский язык", s.smirnova(), "15", "TUESDAY", 2, s.yearStart()), admin), 409, null);

        // The demo school: every class has a timetable, and loading the demo again adds nothing.
        KarafOptions.awaitDemoContributors(context, "roster", "calendar", "bells", "timetable");
        demo.load();
        int y = RosterQuery.academicYearOf(clock.today());
        School demoSchool = tenants.municipalities().stream().flatMap(m -> tenants.schools(m.id()).stream())
                .filter(x -> roster.classes(x.id(), y).size() > 30).findFirst().orElseThrow();
        int demoEntries = http.get(API + "schools/" + demoSchool.id() + "/entries", admin).json().size();
        demo.load();
        assertEquals(demoEntries, http.get(API + "schools/" + demoSchool.id() + "/entries", admin).json().size());
        LocalDate monday = LocalDate.of(y, 10, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        List<Lesson> week = timetable.forSchool(demoSchool.id(), monday, monday.plusDays(6));
        for (var c : roster.classes(demoSchool.id(), y)) {
            long n = week.stream().filter(l -> c.id().equals(l.classId())).count();
            assertTrue(c.name() + " has " + n + " lessons", n >= 20 && n <= 35);
        }
        assertEquals(demoEntries, week.size());

        // A generated neighbour school (benchmarks): the same shape with other people and its own timetable; loading it
        // again adds nothing.
        List<String> neighbours = demo.loadNeighbours(1, clock.today().minusDays(3));
        assertEquals(1, neighbours.size());
        School eight = tenants.school(neighbours.get(0)).orElseThrow();
        assertEquals("Школа № 8", eight.shortName());
        assertEquals(demoSchool.municipalityId(), eight.municipalityId());
        assertEquals(roster.classes(demoSchool.id(), y).size(), roster.classes(eight.id(), y).size());
        java.util.Set<String> demoNames = roster.classMembers(demoSchool.id(), monday, monday).stream().map(m -> m.student().fullName())
                .collect(java.util.stream.Collectors.toSet());
        List<String> eightNames = roster.classMembers(eight.id(), monday, monday).stream().map(m -> m.student().fullName()).toList();
        assertTrue(eightNames.size() > 500);
        assertTrue("the neighbour's students are other people", eightNames.stream().filter(demoNames::contains).count() < eightNames.size() / 2);
        List<Lesson> eightWeek = timetable.forSchool(eight.id(), monday, monday.plusDays(6));
        for (var c : roster.classes(eight.id(), y)) {
            long n = eightWeek.stream().filter(l -> c.id().equals(l.classId())).count();
            assertTrue(c.name() + " has " + n + " lessons", n >= 20 && n <= 35);
        }
        assertEquals(neighbours, demo.loadNeighbours(1, clock.today().minusDays(3)));
        assertEquals(eightWeek.size(), timetable.forSchool(eight.id(), monday, monday.plusDays(6)).size());
        assertEquals(400, assertThrowsProblem(() -> demo.loadNeighbours(0, null)));
    }

    private static int assertThrowsProblem(Runnable r) {
        try {
            r.run();
        } catch (org.zhurnal.core.api.ProblemException e) {
            return e.status();
        }
        throw new AssertionError("no problem raised");
    }
}
