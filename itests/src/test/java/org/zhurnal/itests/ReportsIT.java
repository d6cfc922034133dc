package org.zhurnal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.tenancy.Municipality;
import org.zhurnal.core.api.tenancy.School;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.gradebook.api.GradebookQuery;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.NewAccount;
import org.zhurnal.sheets.api.Sheets;

/**
 * The summary sheet ({@code summary-sheet}) and class progress ({@code class-progress}) reports on the real
 * distribution: a school set up over REST with known confirmed period, year, exam and final grades and absences; the
 * sheet's CSV equals a computation from the gradebook's per-student answers, its XLSX reads back equal to the CSV and
 * its PDF names every student and subject; the progress rates of a hand-made class; refused actors and bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReportsIT {
    static final String PASSWORD = "Reports-Passw0rd-7";
    static final String MATH = "Математика";
    static final String RUSSIAN = "Русский язык";
    static final String PUPILS = RosterIT.HEADER
            + "R1;Алексеев;Антон;Петрович;01.03.2015;М;5А;;RG1;Алексеева Мария Ивановна;мать;+7 900 000-00-01;;нет;;;;;;\n"
            + "R2;Борисова;Бэлла;Олеговна;02.03.2015;Ж;5А;;RG2;Борисов Олег Ильич;отец;+7 900 000-00-02;;нет;;;;;;\n"
            + "R3;Волков;Виктор;Андреевич;03.03.2015;М;5А;;RG3;Волкова Анна Павловна;мать;+7 900 000-00-03;;нет;;;;;;\n"
            + "R4;Громова;Галина;Игоревна;04.03.2015;Ж;5А;;RG4;Громов Игорь Львович;отец;+7 900 000-00-04;;нет;;;;;;\n"
            + "R5;Дмитриев;Денис;Денисович;05.03.2015;М;5А;;RG5;Дмитриева Ольга Петровна;мать;+7 900 000-00-05;;нет;;;;;;\n"
            + "R6;Егорова;Ева;Сергеевна;06.03.2015;Ж;5Б;;RG6;Егоров Сергей Ильич;отец;+7 900 000-00-06;;нет;;;;;;\n";
    static final String STAFF = "Код;Фамилия;Имя;Отчество;Должность;Предметы;Телефон;E-mail;Классный руководитель\n"
            + "T1;Белова;Ирина;Сергеевна;учитель;Математика;;;5А\n"
            + "T3;Смирнова;Анна;Павловна;учитель;Русский язык;;;5Б\n";

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
    org.osgi.service.cm.ConfigurationAdmin configAdmin;

    private final Http http = new Http(KarafOptions.HTTP_PORT);

    @Configuration
    public Option[] config() {
        return KarafOptions.distribution();
    }

    private String token(String personId, String schoolId, Grant... grants) {
        String login = "r" + UUID.randomUUID().toString().substring(0, 8);
        RosterIT.runAsSystem(() -> accounts.create(new NewAccount(login, "Отчётов Пётр", personId, schoolId, List.of(grants), PASSWORD)));
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

    /** A school year with quarters for grades 1–9; @return the year's id */
    private String year(String admin, String schoolId, int y) {
        Http.Answer year = http.post("/api/v1/calendar/schools/" + schoolId + "/years", "{\"year\":" + y + ",\"start\":\"" + LocalDate.of(y, 9, 1)
                + "\",\"end\":\"" + LocalDate.of(y + 1, 5, 31) + "\",\"workingDays\":5}", admin);
        assertEquals(year.body(), 201, year.status());
        String yearId = year.json().get("id").asText();
        assertEquals(201, http.post("/api/v1/calendar/years/" + yearId + "/periods", "{\"scheme\":\"QUARTERS\",\"grades\":[1,2,3,4,5,6,7,8,9]}",
                admin).status());
        return yearId;
    }

    private String entry(String schoolId, String classId, String subject, String teacherId, String weekday, int lesson, LocalDate from,
            String admin) {
        Http.Answer a = http.post("/api/v1/timetable/schools/" + schoolId + "/entries", "{\"classId\":\"" + classId + "\",\"subject\":\"" + subject
                + "\",\"teacherId\":\"" + teacherId + "\",\"weekday\":\"" + weekday + "\",\"lessonNumber\":" + lesson + ",\"validFrom\":\"" + from
                + "\"}", admin);
        assertEquals(a.body(), 201, a.status());
        return a.json().get("id").asText();
    }

    private void confirm(String token, String studentId, String subject, String kind, String periodId, int y, String value) {
        String body = "{\"studentId\":\"" + studentId + "\",\"subject\":\"" + subject + "\",\"kind\":\"" + kind + "\","
                + (periodId != null ? "\"periodId\":\"" + periodId + "\"," : "\"academicYear\":" + y + ",") + "\"value\":\"" + value + "\"}";
        Http.Answer a = http.send("PUT", "/api/v1/gradebook/finals", body, Map.of("Authorization", "Bearer " + token));
        assertEquals(a.body(), 200, a.status());
    }

    private void absences(String token, String occurrenceId, Map<String, String> codes) {
        StringBuilder b = new StringBuilder("{\"topic\":\"Урок\",\"attendance\":[");
        codes.forEach((s, c) -> b.append(b.charAt(b.length() - 1) == '[' ? "" : ",").append("{\"studentId\":\"").append(s)
                .append("\",\"code\":\"").append(c).append("\"}"));
        Http.Answer a = http.post("/api/v1/gradebook/lessons/" + occurrenceId, b.append("]}").toString(), Map.of("Authorization", "Bearer " + token,
                "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(a.body(), 200, a.status());
    }

    private static void assertProblem(Http.Answer a, int status, String field) {
        assertEquals(a.body(), status, a.status());
        assertTrue(a.contentType(), a.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertEquals(a.body(), field, a.json().get("field").asText());
        }
    }

    /** The Russian CSV's fractions («4,25») as the XLSX reader gives its numbers («4.25»): the same table either way. */
    private static List<List<String>> dotted(List<List<String>> rows) {
        return rows.stream().map(r -> r.stream().map(c -> c.matches("-?\\d+,\\d+") ? c.replace(',', '.') : c).toList()).toList();
    }

    private static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        text.replace("\uFEFF", "").lines().forEach(l -> rows.add(List.of(l.split(";", -1))));
        return rows;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static String params(String... kv) {
        StringBuilder b = new StringBuilder("\"parameters\":{");
        for (int i = 0; i < kv.length; i += 2) {
            b.append(i == 0 ? "" : ",").append('"').append(kv[i]).append("\":\"").append(kv[i + 1]).append('"');
        }
        return b.append('}').toString();
    }

    /**
     * The expected summary-sheet rows of a class, computed from the gradebook's per-student query answers (not the
     * bulk reads the report uses): class, student, per subject the period grades, year, exam and final, then absences.
     */
    private List<List<String>> expectedSheet(SchoolClass c, List<String> subjects, List<ReportingPeriod> periods, LocalDate from, LocalDate to) {
        Collator ru = Collator.getInstance(Locale.forLanguageTag("ru"));
        List<Person> students = new ArrayList<>(roster.studentsOfClass(c.id(), clock.today()));
        students.sort((a, b) -> ru.compare(a.lastName(), b.lastName()));
        List<List<String>> rows = new ArrayList<>();
        for (Person s : students) {
            List<String> row = new ArrayList<>(List.of(c.name(), s.fullName()));
            List<FinalGrade> finals = gradebook.finalsOfStudent(s.id(), c.academicYear());
            for (String subject : subjects) {
                for (ReportingPeriod p : periods) {
                    row.add(value(finals, subject, FinalGrade.PERIOD, p.id()));
                }
                row.add(value(finals, subject, FinalGrade.YEAR, null));
                row.add(value(finals, subject, FinalGrade.EXAM, null));
                row.add(value(finals, subject, FinalGrade.FINAL, null));
            }
            int[] n = new int[3];
            for (Attendance a : gradebook.attendanceOfStudent(s.id(), from, to)) {
                switch (a.category()) {
                    case AbsenceCode.ILLNESS -> n[0]++;
                    case AbsenceCode.EXCUSED -> n[1]++;
                    case AbsenceCode.UNEXCUSED -> n[2]++;
                    default -> {
                    }
                }
            }
            row.addAll(List.of(String.valueOf(n[0] + n[1] + n[2]), String.valueOf(n[0]), String.valueOf(n[1]), String.valueOf(n[2])));
            rows.add(row);
        }
        return rows;
    }

    private static String value(List<FinalGrade> finals, String subject, String kind, String periodId) {
        return finals.stream().filter(f -> f.subject().equals(subject) && f.kind().equals(kind) && java.util.Objects.equals(periodId, f.periodId()))
                .map(FinalGrade::value).findFirst().orElse("");
    }

    @Test
    public void summarySheetAndClassProgressAgreeWithTheGradebookAndOnlyTheSchoolsStaffRunThem() throws Exception {
        Municipality m = tenants.municipalities().stream().filter(x -> x.name().equals("Reports IT")).findFirst()
                .orElseGet(() -> RosterIT.runAsSystem(() -> tenants.createMunicipality("Reports IT")));
        School school = RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), "Школа ведомостей", "Ведомости", "Europe/Moscow"));
        String admin = http.login("admin", KarafOptions.ADMIN_PASSWORD);
        LocalDate today = clock.today();
        int y = RosterQuery.academicYearOf(today);
        LocalDate yearStart = LocalDate.of(y, 9, 1);
        importCsv(admin, school.id(), PUPILS);
        importCsv(admin, school.id(), STAFF);
        Map<String, String> staff = new HashMap<>();
        http.get("/api/v1/roster/schools/" + school.id() + "/staff", admin).json()
                .forEach(p -> staff.put(p.get("lastName").asText(), p.get("id").asText()));
        SchoolClass fiveA = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5А")).findFirst().orElseThrow();
        SchoolClass fiveB = roster.classes(school.id(), y).stream().filter(c -> c.name().equals("5Б")).findFirst().orElseThrow();
        Map<String, String> pupils = new HashMap<>();
        Map<String, String> guardians = new HashMap<>();
        for (SchoolClass c : List.of(fiveA, fiveB)) {
            roster.studentsOfClass(c.id(), today).forEach(s -> {
                pupils.put(s.firstName(), s.id());
                roster.guardiansOf(s.id()).forEach(g -> guardians.put(g.guardian().firstName(), g.guardian().id()));
            });
        }
        year(admin, school.id(), y);
        Http.Answer bells = http.post("/api/v1/bells/schools/" + school.id() + "/schedules", "{\"name\":\"Основное\",\"kind\":\"REGULAR\","
                + "\"validFrom\":\"" + yearStart + "\",\"periods\":[{\"number\":1,\"start\":\"08:30\",\"end\":\"09:15\"},"
                + "{\"number\":2,\"start\":\"09:25\",\"end\":\"10:10\"}]}", admin);
        assertEquals(bells.body(), 201, bells.status());
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            assertEquals(200, http.send("PUT", "/api/v1/bells/schools/" + school.id() + "/weekdays/" + day,
                    "{\"scheduleId\":\"" + bells.json().get("id").asText() + "\"}", Map.of("Authorization", "Bearer " + admin)).status());
        }
        String belova = staff.get("Белова");
        String smirnova = staff.get("Смирнова");
        String math = entry(school.id(), fiveA.id(), MATH, belova, "MONDAY", 1, yearStart, admin);
        String russian = entry(school.id(), fiveA.id(), RUSSIAN, smirnova, "TUESDAY", 2, yearStart, admin);
        entry(school.id(), fiveB.id(), MATH, belova, "WEDNESDAY", 1, yearStart, admin);
        LocalDate monday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY)).minusWeeks(1);
        ReportingPeriod period = calendar.periodOf(school.id(), 5, monday).orElseThrow();
        String mathTeacher = token(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));
        String russianTeacher = token(smirnova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));

        // Grades: mathematics 5, 3, 2, 4 and Russian all 5 for four of 5А's five students (Денис has none); Ева of 5Б a 4.
        String anton = pupils.get("Антон");
        String bella = pupils.get("Бэлла");
        String viktor = pupils.get("Виктор");
        String galina = pupils.get("Галина");
        String eva = pupils.get("Ева");
        Map<String, String> mathGrades = Map.of(anton, "5", bella, "3", viktor, "2", galina, "4");
        mathGrades.forEach((s, v) -> confirm(mathTeacher, s, MATH, FinalGrade.PERIOD, period.id(), y, v));
        for (String s : mathGrades.keySet()) {
            confirm(russianTeacher, s, RUSSIAN, FinalGrade.PERIOD, period.id(), y, "5");
        }
        confirm(mathTeacher, eva, MATH, FinalGrade.PERIOD, period.id(), y, "4");
        // The year's grades are given from the first day of the year's last period: the clock goes there for them.
        LocalDate lastStart = calendar.periods(school.id(), y, 5).stream().map(ReportingPeriod::start).max(LocalDate::compareTo).orElseThrow();
        try {
            Clocks.set(configAdmin, clock, lastStart, java.time.LocalTime.of(9, 0));
            String yearTeacher = token(belova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())));
            confirm(yearTeacher, anton, MATH, FinalGrade.YEAR, null, y, "5");
            confirm(yearTeacher, anton, MATH, FinalGrade.EXAM, null, y, "4");
            confirm(yearTeacher, anton, MATH, FinalGrade.FINAL, null, y, "5");
            confirm(yearTeacher, bella, MATH, FinalGrade.YEAR, null, y, "3");
        } finally {
            Clocks.set(configAdmin, clock, null, null);
        }
        // Absences: Бэлла ill on Monday and excused on Tuesday, Виктор unexcused on Monday; Антон late (not missed).
        absences(mathTeacher, math + ":" + monday, Map.of(bella, "б", viktor, "н", anton, "оп"));
        absences(russianTeacher, russian + ":" + monday.plusDays(1), Map.of(bella, "у"));

        String classTeacher = token(belova, school.id(), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveA.id())));
        String deputy = token(null, school.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(school.id())));
        String sheet = "/api/v1/reports/summary-sheet/run";
        String progress = "/api/v1/reports/class-progress/run";
        String classYear = params("classId", fiveA.id(), "year", String.valueOf(y));
        String schoolYear = params("schoolId", school.id(), "year", String.valueOf(y));

        String catalogue = http.get("/api/v1/reports", classTeacher).body();
        assertTrue(catalogue, catalogue.contains("\"id\":\"summary-sheet\"") && catalogue.contains("\"id\":\"class-progress\"")
                && catalogue.contains("Сводная ведомость итоговой успеваемости") && catalogue.contains("Успеваемость и качество знаний"));

        // (a) The class's sheet equals the gradebook's per-student answers.
        Http.Answer classCsv = http.post(sheet, "{\"format\":\"CSV\"," + classYear + "}", classTeacher);
        assertEquals(classCsv.body(), 200, classCsv.status());
        assertTrue(classCsv.contentType(), classCsv.contentType().startsWith("text/csv"));
        List<List<String>> rows = csv(classCsv.body());
        List<ReportingPeriod> periods = calendar.periods(school.id(), y, 5);
        List<String> subjects = List.of(MATH, RUSSIAN);
        List<String> header = new ArrayList<>(List.of("Класс", "Ученик"));
        for (String s : subjects) {
            periods.forEach(p -> header.add(s + ": " + p.name()));
            header.addAll(List.of(s + ": год", s + ": экзамен", s + ": итоговая"));
        }
        header.addAll(List.of("Пропущено уроков", "По болезни", "По уважительной причине", "Без уважительной причины"));
        assertEquals(header, rows.get(0));
        LocalDate yearEnd = LocalDate.of(y + 1, 5, 31);
        List<List<String>> expected = expectedSheet(fiveA, subjects, periods, yearStart, yearEnd);
        assertEquals(5, expected.size());
        assertEquals(expected, rows.subList(1, rows.size()));
        // Spot checks that the independent computation is not empty.
        List<String> bellaRow = rows.stream().filter(r -> r.get(1).startsWith("Борисова Бэлла")).findFirst().orElseThrow();
        assertEquals(List.of("2", "1", "1", "0"), bellaRow.subList(bellaRow.size() - 4, bellaRow.size()));
        assertTrue(bellaRow.toString(), bellaRow.contains("3"));

        // The school's CSV: one table with both classes.
        Http.Answer schoolCsv = http.post(sheet, "{\"format\":\"CSV\"," + schoolYear + "}", deputy);
        assertEquals(schoolCsv.body(), 200, schoolCsv.status());
        List<List<String>> schoolRows = csv(schoolCsv.body());
        assertEquals(7, schoolRows.size());
        assertEquals(rows.subList(1, rows.size()), schoolRows.subList(1, 6));
        assertEquals("5Б", schoolRows.get(6).get(0));
        assertTrue(schoolRows.get(6).toString(), schoolRows.get(6).get(1).startsWith("Егорова Ева") && schoolRows.get(6).contains("4"));

        // XLSX reads back equal to the CSV; the school's has a worksheet per class.
        Http.Bytes xlsx = http.postBytes(sheet, "{\"format\":\"XLSX\"," + classYear + "}", classTeacher);
        assertEquals(200, xlsx.status());
        assertEquals(dotted(rows), Sheets.readXlsx(xlsx.bytes()).get(0).rows());
        Http.Bytes schoolXlsx = http.postBytes(sheet, "{\"format\":\"XLSX\"," + schoolYear + "}", deputy);
        assertEquals(200, schoolXlsx.status());
        assertEquals(List.of("5А", "5Б"), Sheets.readXlsx(schoolXlsx.bytes()).stream().map(Sheets.SheetData::name).toList());

        // PDF: every student and subject, signature lines.
        Http.Bytes pdf = http.postBytes(sheet, "{\"format\":\"PDF\"," + schoolYear + "}", deputy);
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType(), pdf.contentType().startsWith("application/pdf"));
        String text = pdfText(pdf.bytes());
        for (String name : List.of("Алексеев Антон", "Борисова Бэлла", "Волков Виктор", "Громова Галина", "Дмитриев Денис", "Егорова Ева", MATH,
                RUSSIAN, "Классный руководитель", "Директор", "Белова Ирина Сергеевна", "| 5 | 4 | 5")) {
            assertTrue(name + " in " + text, text.contains(name));
        }

        // (b) Progress of 5А: four assessed (Денис has no grade), success 3 of 4 = 75 %, quality 2 of 4 = 50 %.
        String classPeriod = params("classId", fiveA.id(), "periodId", period.id());
        Http.Answer prog = http.post(progress, "{\"format\":\"CSV\"," + classPeriod + "}", classTeacher);
        assertEquals(prog.body(), 200, prog.status());
        List<List<String>> p = csv(prog.body());
        assertEquals(List.of("Класс", "Предмет", "Учеников", "Аттестовано", "Успевают", "Успеваемость, %", "На «4» и «5»", "Качество знаний, %",
                "Средний балл", "«5»", "«4»", "«3»", "«2»", "Другие", "Не выставлено оценок"), p.get(0));
        // (5 + 3 + 2 + 4 + 5 · 4) / 8 = 4.25; Денис lacks both grades.
        assertEquals(List.of("5А", "Все предметы", "5", "4", "3", "75", "2", "50", "4,25", "5", "1", "1", "1", "0", "2"), p.get(1));
        assertEquals(List.of("5А", MATH, "5", "4", "3", "75", "2", "50", "3,5", "1", "1", "1", "1", "0", "1"), p.get(2));
        assertEquals(List.of("5А", RUSSIAN, "5", "4", "4", "100", "4", "100", "5", "4", "0", "0", "0", "0", "1"), p.get(3));
        Http.Bytes progXlsx = http.postBytes(progress, "{\"format\":\"XLSX\"," + classPeriod + "}", classTeacher);
        assertEquals(dotted(p), Sheets.readXlsx(progXlsx.bytes()).get(0).rows());
        // (c) The class journal's printout for the period (the paper copy the regulation asks for): per subject the students
        // against the lessons' dates with their marks and absence codes, the period grades, the topics, and the certification.
        Http.Answer marked = http.post("/api/v1/gradebook/lessons/" + math + ":" + monday, "{\"topic\":\"Сложение дробей\","
                + "\"homework\":\"№ 312\",\"marks\":[{\"studentId\":\"" + galina + "\",\"value\":\"4\",\"workType\":\"ORAL\"}]}",
                Map.of("Authorization", "Bearer " + mathTeacher, "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(marked.body(), 200, marked.status());
        String printout = "/api/v1/reports/class-journal/run";
        Http.Bytes journalPdf = http.postBytes(printout, "{\"format\":\"PDF\"," + classPeriod + "}", classTeacher);
        assertEquals(200, journalPdf.status());
        String journal = pdfText(journalPdf.bytes());
        String day = monday.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM"));
        for (String printed : List.of("Классный журнал 5А, " + period.name(), MATH + " — учитель: Белова Ирина Сергеевна", RUSSIAN
                + " — учитель: Смирнова Анна Павловна", "Алексеев Антон", "Дмитриев Денис", day, "Сложение дробей", "№ 312",
                "Выписка из электронного журнала верна", "М. П.")) {
            assertTrue(printed + " in " + journal, journal.contains(printed));
        }
        assertFalse("only 5А's students: " + journal, journal.contains("Егорова Ева"));
        // In the mathematics table: Galina's mark of that Monday in her row, Bella's illness and Viktor's absence in theirs.
        String mathTable = journal.substring(journal.indexOf(MATH + " — учитель"), journal.indexOf(RUSSIAN + " — учитель"));
        java.util.function.BiFunction<String, String, String> row = (from, to) -> mathTable.substring(mathTable.indexOf(from) + from.length(),
                mathTable.indexOf(to));
        assertTrue(mathTable, row.apply("Борисова Бэлла", "Волков Виктор").contains(" б "));
        assertTrue(mathTable, row.apply("Волков Виктор", "Громова Галина").contains(" н "));
        assertTrue(mathTable, row.apply("Громова Галина", "Дмитриев Денис").contains(" 4 "));
        // 5Б's class teacher may not print 5А's journal; a period of another grade is refused before anything is rendered.
        String otherTeacher = token(null, school.id(), new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveB.id())));
        assertEquals(403, http.postBytes(printout, "{\"format\":\"PDF\"," + classPeriod + "}", otherTeacher).status());
        assertProblem(http.post(printout, "{\"format\":\"CSV\"," + classPeriod + "}", classTeacher), 400, "format");
        // A first grade, taught without marks (безотметочное обучение), joins the school: it is not «no grades» in the school's
        // figures, which stay those of 5А and 5Б.
        importCsv(admin, school.id(), RosterIT.HEADER
                + "R7;Фомин;Глеб;Ильич;01.02.2019;М;1А;;RG7;Фомина Анна Ильинична;мать;+7 900 000-00-07;;нет;;;;;;\n");
        // The school: Ева's 4 adds one assessed, successful, quality student: 4 of 5 = 80 %, 3 of 5 = 60 %.
        Http.Answer schoolProg = http.post(progress, "{\"format\":\"CSV\"," + params("schoolId", school.id(), "periodId", period.id()) + "}", deputy);
        assertEquals(schoolProg.body(), 200, schoolProg.status());
        assertFalse(schoolProg.body(), csv(schoolProg.body()).stream().anyMatch(r -> r.get(0).equals("1А")));
        List<String> total = csv(schoolProg.body()).stream().filter(r -> r.get(0).equals("Школа")).findFirst().orElseThrow();
        assertEquals(List.of("6", "5", "4", "80", "3", "60"), total.subList(2, 8));
        // The municipal view: the school's line is the school's total above (one computation), plus the municipality's
        // total; a date inside the period picks it; only the municipality's admin runs it.
        String municipal = "/api/v1/reports/class-progress-municipal/run";
        String municipalAdmin = token(null, null, new Grant(Role.MUNICIPAL_ADMIN, ScopeRef.municipality(m.id())));
        Http.Answer bySchool = http.post(municipal, "{\"format\":\"CSV\"," + params("municipalityId", m.id(), "date", monday.toString()) + "}",
                municipalAdmin);
        assertEquals(bySchool.body(), 200, bySchool.status());
        List<String> line = csv(bySchool.body()).stream().filter(r -> r.get(0).equals(school.shortName())).findFirst().orElseThrow();
        assertEquals(total.subList(2, 15), line.subList(2, 15));
        assertTrue(line.toString(), line.get(1).contains(period.name()));
        assertTrue(bySchool.body(), bySchool.body().contains("Итого по муниципалитету"));
        Http.Bytes bySchoolXlsx = http.postBytes(municipal, "{\"format\":\"XLSX\"," + params("municipalityId", m.id(), "date", monday.toString())
                + "}", municipalAdmin);
        assertEquals(dotted(csv(bySchool.body())), Sheets.readXlsx(bySchoolXlsx.bytes()).get(0).rows());
        assertProblem(http.post(municipal, "{\"format\":\"CSV\"," + params("municipalityId", m.id(), "date", monday.toString()) + "}", deputy),
                403, null);
        // The municipal view of attendance: the school's line equals the sum of its classes' attendance reports.
        LocalDate attTo = period.end().isBefore(today) ? period.end() : today;
        long[] missedByClass = new long[5];
        for (SchoolClass c : List.of(fiveA, fiveB)) {
            Http.Answer att = http.post("/api/v1/reports/attendance/run", "{\"format\":\"CSV\"," + params("classId", c.id(), "periodId", period.id())
                    + "}", deputy);
            assertEquals(att.body(), 200, att.status());
            List<String> sum = csv(att.body()).stream().filter(r -> r.get(0).equals("Итого")).findFirst().orElseThrow();
            for (int i = 0; i < 5; i++) {
                missedByClass[i] += Long.parseLong(sum.get(2 + i));
            }
        }
        assertTrue("the school has absences to count", missedByClass[0] > 0);
        // The municipality's administrator is offered the classes of its schools in the reports form (class reports run for them).
        String munClasses = http.get("/api/v1/reports/classes", municipalAdmin).body();
        assertTrue(munClasses, munClasses.contains(fiveA.id()) && munClasses.contains(fiveB.id()));
        // Of another year (last year's summary sheets): that year's classes — none here — and a year that is not one is named.
        Http.Answer otherYear = http.get("/api/v1/reports/classes?year=" + (y - 1), municipalAdmin);
        assertEquals(otherYear.body(), 200, otherYear.status());
        assertFalse(otherYear.body(), otherYear.body().contains(fiveA.id()));
        assertTrue(http.get("/api/v1/reports/classes?year=" + y, municipalAdmin).body().contains(fiveA.id()));
        Http.Answer badYear = http.get("/api/v1/reports/classes?year=abc", municipalAdmin);
        assertEquals(badYear.body(), 400, badYear.status());
        assertEquals(badYear.body(), "year", badYear.json().get("field").asText());
        // Its PDF gives the period and the day counted up to as the school writes dates (dd.MM.yyyy, not ISO).
        Http.Bytes attPdf = http.postBytes("/api/v1/reports/attendance/run", "{\"format\":\"PDF\"," + params("classId", fiveA.id(), "periodId",
                period.id()) + "}", deputy);
        assertEquals(200, attPdf.status());
        String attText = pdfText(attPdf.bytes());
        java.time.format.DateTimeFormatter ru = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
        assertTrue(attText, attText.contains("Учтены уроки по " + ru.format(attTo)) && attText.contains(ru.format(period.start()) + " – ")
                && !attText.contains(period.start().toString()));
        Http.Answer attBySchool = http.post("/api/v1/reports/attendance-municipal/run", "{\"format\":\"CSV\"," + params("municipalityId", m.id(),
                "from", period.start().toString(), "to", attTo.toString()) + "}", municipalAdmin);
        assertEquals(attBySchool.body(), 200, attBySchool.status());
        List<String> attLine = csv(attBySchool.body()).stream().filter(r -> r.get(0).equals(school.shortName())).findFirst().orElseThrow();
        List<String> expectedCells = new ArrayList<>();
        for (long v : missedByClass) {
            expectedCells.add(Long.toString(v));
        }
        assertEquals(expectedCells, attLine.subList(2, 7));
        assertProblem(http.post("/api/v1/reports/attendance-municipal/run", "{\"format\":\"CSV\"," + params("municipalityId", m.id(), "from",
                period.start().toString(), "to", attTo.toString()) + "}", deputy), 403, null);
        Http.Bytes progPdf = http.postBytes(progress, "{\"format\":\"PDF\"," + classPeriod + "}", classTeacher);
        assertEquals(200, progPdf.status());
        String progText = pdfText(progPdf.bytes());
        assertTrue(progText, progText.contains("75") && progText.contains("50") && progText.contains("4,25") && progText.contains(MATH) && progText.contains("5А"));

        // (c) Refused, with no data: a parent, a teacher of another class (Smirnova leads 5Б, teaches 5А Russian), another school's deputy.
        String parent = token(guardians.get("Мария"), school.id(), new Grant(Role.PARENT, ScopeRef.student(anton)));
        String otherClassTeacher = token(smirnova, school.id(), new Grant(Role.TEACHER, ScopeRef.school(school.id())),
                new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(fiveB.id())));
        School other = RosterIT.runAsSystem(() -> tenants.createSchool(m.id(), "Другая школа ведомостей", "Другая", "Europe/Moscow"));
        String otherDeputy = token(null, other.id(), new Grant(Role.DEPUTY_DIRECTOR, ScopeRef.school(other.id())));
        for (String who : List.of(parent, otherClassTeacher, otherDeputy)) {
            for (String[] run : List.of(new String[] { sheet, classYear }, new String[] { sheet, schoolYear }, new String[] { progress, classPeriod })) {
                Http.Answer refused = http.post(run[0], "{\"format\":\"CSV\"," + run[1] + "}", who);
                assertProblem(refused, 403, null);
                assertFalse(refused.body(), refused.body().contains("Алексеев"));
            }
        }
        // Her own class she may run.
        assertEquals(200, http.post(sheet, "{\"format\":\"CSV\"," + params("classId", fiveB.id(), "year", String.valueOf(y)) + "}",
                otherClassTeacher).status());

        // (d) Bad input, named.
        assertProblem(http.post(sheet, "{\"format\":\"CSV\"," + params("year", String.valueOf(y)) + "}", deputy), 400, "parameters.classId");
        assertProblem(http.post(sheet, "{\"format\":\"CSV\"," + params("classId", fiveA.id(), "schoolId", school.id(), "year", String.valueOf(y))
                + "}", deputy), 400, "parameters.classId");
        assertProblem(http.post(progress, "{\"format\":\"CSV\"," + params("periodId", period.id()) + "}", deputy), 400, "parameters.classId");
        assertProblem(http.post(progress, "{\"format\":\"CSV\"," + params("classId", fiveA.id(), "schoolId", school.id(), "periodId", period.id())
                + "}", deputy), 400, "parameters.classId");
        assertProblem(http.post(sheet, "{\"format\":\"CSV\"," + params("classId", fiveA.id(), "year", String.valueOf(y - 1)) + "}", deputy), 400,
                "parameters.year");
        year(admin, other.id(), y);
        ReportingPeriod foreign = calendar.periodOf(other.id(), 5, monday).orElseThrow();
        assertProblem(http.post(progress, "{\"format\":\"CSV\"," + params("classId", fiveA.id(), "periodId", foreign.id()) + "}", deputy), 400,
                "parameters.periodId");
        assertProblem(http.post(progress, "{\"format\":\"CSV\"," + params("schoolId", school.id(), "periodId", foreign.id()) + "}", deputy), 400,
                "parameters.periodId");
        // What only the report can judge (ReportPlugin.validate, reporting SPI 1.3) is checked before a job is queued: 400 at
        // once, not a job that fails afterwards.
        assertProblem(http.post("/api/v1/reports/summary-sheet/jobs", "{\"format\":\"PDF\"," + params("classId", fiveA.id(), "year",
                String.valueOf(y - 1)) + "}", deputy), 400, "parameters.year");
        assertProblem(http.post("/api/v1/reports/class-progress/jobs", "{\"format\":\"CSV\"," + params("classId", fiveA.id(), "periodId",
                foreign.id()) + "}", deputy), 400, "parameters.periodId");
        assertProblem(http.post("/api/v1/reports/attendance/jobs", "{\"format\":\"CSV\"," + params("classId", fiveA.id(), "periodId",
                foreign.id()) + "}", deputy), 400, "parameters.periodId");
        assertProblem(http.post(sheet, "{\"format\":\"DOCX\"," + classYear + "}", deputy), 400, "format");
        assertProblem(http.post(progress, "{\"format\":\"ODS\"," + classPeriod + "}", deputy), 400, "format");

        // The whole school's summary sheet as a background job: 202, its three stages, then the PDF with every student.
        Http.Answer queued = http.post("/api/v1/reports/summary-sheet/jobs", "{\"format\":\"PDF\"," + params("schoolId", school.id(), "year",
                String.valueOf(y)) + "}", deputy);
        assertEquals(queued.body(), 202, queued.status());
        String jobPath = java.net.URI.create(queued.raw().headers().firstValue("Location").orElseThrow()).getPath();
        com.fasterxml.jackson.databind.JsonNode job = queued.json();
        long until = System.currentTimeMillis() + 60_000;
        while (!"DONE".equals(job.get("status").asText()) && !"FAILED".equals(job.get("status").asText()) && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            job = http.get(jobPath, deputy).json();
        }
        assertEquals(job.toString(), "DONE", job.get("status").asText());
        assertEquals(job.toString(), 3, job.get("total").asInt());
        assertEquals(job.toString(), 3, job.get("done").asInt());
        Http.Bytes jobPdf = http.getBytes(jobPath + "/file", deputy);
        assertEquals(200, jobPdf.status());
        String jobText = pdfText(jobPdf.bytes());
        for (String pupil : pupils.keySet()) {
            assertTrue(pupil, jobText.contains(pupil));
        }
        assertProblem(http.get(jobPath, otherClassTeacher), 404, null);

        // A municipality's own report, hot-deployed: the example plug-in dropped into deploy/ is listed and runs within
        // seconds, offers only what it declares (CSV), and is gone when the jar is removed.
        java.nio.file.Path deploy = java.nio.file.Path.of(System.getProperty("karaf.base"), "deploy", "org.zhurnal.example.report.jar");
        long t0 = System.nanoTime();
        java.nio.file.Files.copy(java.nio.file.Path.of(System.getProperty("zhurnal.report.jar")), deploy,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        awaitCatalogue(deputy, true);
        System.out.println("Hot deploy of the class-list report took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        String classList = "/api/v1/reports/class-list/run";
        Http.Answer list = http.post(classList, "{\"format\":\"CSV\"," + params("classId", fiveA.id()) + "}", deputy);
        assertEquals(list.body(), 200, list.status());
        for (Person student : roster.studentsOfClass(fiveA.id(), today)) {
            assertTrue(list.body(), list.body().contains(student.lastName() + " " + student.firstName()));
            roster.guardiansOf(student.id()).forEach(g -> assertTrue(list.body(), list.body().contains(g.guardian().lastName())));
        }
        assertProblem(http.post(classList, "{\"format\":\"PDF\"," + params("classId", fiveA.id()) + "}", deputy), 400, "format");
        assertProblem(http.post(classList, "{\"format\":\"CSV\"," + params("classId", fiveA.id()) + "}", otherClassTeacher), 403, null);
        java.nio.file.Files.delete(deploy);
        awaitCatalogue(deputy, false);
        assertProblem(http.post(classList, "{\"format\":\"CSV\"," + params("classId", fiveA.id()) + "}", deputy), 404, null);
    }

    private void awaitCatalogue(String token, boolean listed) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (http.get("/api/v1/reports", token).body().contains("\"id\":\"class-list\"") != listed) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("class-list " + (listed ? "not listed" : "still listed") + " after 30 s");
            }
            Thread.sleep(100);
        }
    }
}
