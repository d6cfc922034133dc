package org.zhurnal.roster.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Violation;

class OneRosterCsvTest {

    // ------------------------------------------------------------------------------------------------------
    // Helpers
    // ------------------------------------------------------------------------------------------------------

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static List<CSVRecord> records(String csv) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.DEFAULT).get()) {
            return p.getRecords();
        }
    }

    /** Rows of a CSV file as maps by header name. */
    private static List<Map<String, String>> rows(String csv) throws IOException {
        List<CSVRecord> all = records(csv);
        List<String> header = all.get(0).toList();
        List<Map<String, String>> out = new ArrayList<>();
        for (CSVRecord r : all.subList(1, all.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    private static List<String> fields(ProblemException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    // ------------------------------------------------------------------------------------------------------
    // Export → parse
    // ------------------------------------------------------------------------------------------------------

    @Test
    void exportThenParseGivesTheSnapshot() {
        OneRosterCsv.Result r = OneRosterCsv.parse(OneRosterCsv.export(RosterExportFixture.school()));
        assertEquals(NativeCsv.Kind.STUDENTS, r.students().kind());
        assertEquals(4, r.students().rows());
        assertEquals(RosterExportFixture.EXPECTED_STUDENTS, RosterExportFixture.students(r.students()));
        assertEquals(RosterExportFixture.EXPECTED_GUARDIANS, RosterExportFixture.guardians(r.students()));
        assertEquals(NativeCsv.Kind.STAFF, r.staff().kind());
        assertEquals(RosterExportFixture.EXPECTED_STAFF, RosterExportFixture.staff(r.staff()));
    }

    @Test
    void exportIsDeterministic() {
        assertTrue(java.util.Arrays.equals(OneRosterCsv.export(RosterExportFixture.school()),
                OneRosterCsv.export(RosterExportFixture.school())));
    }

    @Test
    void zipHoldsTheManifestAndTheDeclaredFiles() throws IOException {
        Map<String, String> files = unzip(OneRosterCsv.export(RosterExportFixture.school()));
        Set<String> expected = new HashSet<>();
        expected.add("manifest.csv");
        OneRosterCsv.EXPORTED_FILES.forEach(f -> expected.add(f + ".csv"));
        assertEquals(expected, files.keySet());

        Map<String, String> manifest = new LinkedHashMap<>();
        List<CSVRecord> m = records(files.get("manifest.csv"));
        assertEquals(List.of("propertyName", "value"), m.get(0).toList());
        m.subList(1, m.size()).forEach(rec -> manifest.put(rec.get(0), rec.get(1)));
        assertEquals("1.0", manifest.get("manifest.version"));
        assertEquals("1.2", manifest.get("oneroster.version"));
        assertEquals("Zhurnal", manifest.get("source.systemName"));
        for (String f : OneRosterCsv.ALL_FILES) {
            String declared = manifest.get("file." + f);
            assertEquals(files.containsKey(f + ".csv") ? "bulk" : "absent", declared, "file." + f);
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertTrue(f.getValue().endsWith("\r\n"), f.getKey());
            if (!f.getKey().equals("manifest.csv")) {
                assertTrue(f.getValue().startsWith("sourcedId,status,dateLastModified,"), f.getKey());
            }
        }
        assertTrue(files.get("users.csv").startsWith("sourcedId,status,dateLastModified,enabledUser,username,userIds,"
                + "givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
                + "userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,"
                + "primaryOrgSourcedId,pronouns,metadata.zhurnal."));
        assertTrue(files.get("roles.csv").startsWith("sourcedId,status,dateLastModified,userSourcedId,roleType,role,"
                + "beginDate,endDate,orgSourcedId,userProfileSourcedId\r\n"));
        assertTrue(files.get("enrollments.csv").startsWith("sourcedId,status,dateLastModified,classSourcedId,"
                + "schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\r\n"));
    }

    @Test
    void exportedRecordsAreConsistent() throws IOException {
        Map<String, String> files = unzip(OneRosterCsv.export(RosterExportFixture.school()));
        List<Map<String, String>> users = rows(files.get("users.csv"));
        List<Map<String, String>> classes = rows(files.get("classes.csv"));
        Set<String> userIds = new HashSet<>();
        users.forEach(u -> userIds.add(u.get("sourcedId")));
        Set<String> classIds = new HashSet<>();
        classes.forEach(c -> classIds.add(c.get("sourcedId")));
        assertEquals(10, userIds.size());
        List<Map<String, String>> enrollments = rows(files.get("enrollments.csv"));
        assertEquals(6, enrollments.size(), "five student enrolments and the class teacher's");
        Set<String> enrollmentIds = new HashSet<>();
        for (Map<String, String> e : enrollments) {
            assertTrue(userIds.contains(e.get("userSourcedId")), e.toString());
            assertTrue(classIds.contains(e.get("classSourcedId")), e.toString());
            assertTrue(enrollmentIds.add(e.get("sourcedId")), "unique sourcedId " + e);
            assertEquals("sch-1", e.get("schoolSourcedId"));
        }
        assertTrue(enrollments.stream().anyMatch(e -> e.get("userSourcedId").equals("t1") && e.get("role").equals("teacher")
                && e.get("primary").equals("true") && e.get("classSourcedId").equals("c5a")));
        assertTrue(enrollments.stream().anyMatch(e -> e.get("userSourcedId").equals("s4") && e.get("endDate").equals("2026-10-14")));

        Map<String, String> c5a = classes.get(0);
        assertEquals(List.of("c5a", "5А", "05", "grade-5", "5А", "homeroom", "sch-1", "year-2026"),
                List.of(c5a.get("sourcedId"), c5a.get("title"), c5a.get("grades"), c5a.get("courseSourcedId"),
                        c5a.get("classCode"), c5a.get("classType"), c5a.get("schoolSourcedId"), c5a.get("termSourcedIds")));
        Map<String, String> session = rows(files.get("academicSessions.csv")).get(0);
        assertEquals(List.of("year-2026", "2026/2027", "schoolYear", "2026-09-01", "2027-05-31", "2027"),
                List.of(session.get("sourcedId"), session.get("title"), session.get("type"), session.get("startDate"),
                        session.get("endDate"), session.get("schoolYear")));
        Map<String, String> course = rows(files.get("courses.csv")).get(0);
        assertEquals(List.of("grade-5", "Класс 5", "05", "sch-1", "year-2026"), List.of(course.get("sourcedId"),
                course.get("title"), course.get("grades"), course.get("orgSourcedId"), course.get("schoolYearSourcedId")));
        Map<String, String> org = rows(files.get("orgs.csv")).get(0);
        assertEquals(List.of("sch-1", "МБОУ «Школа № 1»", "school"), List.of(org.get("sourcedId"), org.get("name"), org.get("type")));

        Map<String, String> s1 = users.stream().filter(u -> u.get("sourcedId").equals("s1")).findFirst().orElseThrow();
        assertEquals("g1,g2", s1.get("agentSourcedIds"), "mother first");
        assertEquals("S-001", s1.get("identifier"));
        assertEquals("", s1.get("userIds"));
        assertEquals("true", s1.get("enabledUser"));
        assertEquals("sch-1", s1.get("primaryOrgSourcedId"));
        assertEquals("2022-09-01", s1.get("metadata.zhurnal.admissionDate"));
        Map<String, String> g1 = users.stream().filter(u -> u.get("sourcedId").equals("g1")).findFirst().orElseThrow();
        assertEquals("s1,s2", g1.get("agentSourcedIds"));
        assertEquals("MOTHER", g1.get("metadata.zhurnal.relation"));

        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (Map<String, String> role : rows(files.get("roles.csv"))) {
            assertTrue(userIds.contains(role.get("userSourcedId")));
            roles.computeIfAbsent(role.get("userSourcedId"), k -> new ArrayList<>()).add(role.get("roleType") + ":" + role.get("role"));
        }
        assertEquals(List.of("primary:student"), roles.get("s1"));
        assertEquals(List.of("primary:parent"), roles.get("g2"));
        assertEquals(List.of("primary:guardian"), roles.get("g3"));
        assertEquals(List.of("primary:teacher"), roles.get("t1"));
        assertEquals(List.of("primary:principal"), roles.get("t2"));
        assertEquals(List.of("primary:siteAdministrator", "secondary:teacher"), roles.get("t3"));

        Map<String, String> d1 = rows(files.get("demographics.csv")).get(0);
        assertEquals(List.of("s1", "2015-03-14", "male"), List.of(d1.get("sourcedId"), d1.get("birthDate"), d1.get("sex")));
    }

    @Test
    void guardianWithDifferentRelationsToTwoChildrenRoundTrips() {
        RosterExport base = RosterExportFixture.school();
        List<RosterExport.Link> links = new ArrayList<>(base.guardianships());
        links.add(new RosterExport.Link("g3", "s4", "OTHER")); // guardian of Артём, "other" to Алиса
        RosterExport e = new RosterExport(base.schoolId(), base.schoolName(), base.academicYear(), base.classes(),
                base.students(), base.guardians(), base.staff(), base.enrolments(), links);
        OneRosterCsv.Result r = OneRosterCsv.parse(OneRosterCsv.export(e));
        List<String> students = RosterExportFixture.students(r.students());
        assertEquals("S-003|Кузнецов|Артём|null|2015-07-01|M|5А|null|g3:GUARDIAN", students.get(2));
        assertEquals("S-004|Смирнова|Алиса|Андреевна|2015-01-20|F|5Б|2026-10-15|g3:OTHER", students.get(3));
    }

    @Test
    void groupsRoundTripAsScheduledClassesWithTheirKind() throws IOException {
        RosterExport e = NativeCsvGroupsTest.withGroups();
        Map<String, String> files = unzip(OneRosterCsv.export(e));
        Map<String, Map<String, String>> classes = new HashMap<>();
        rows(files.get("classes.csv")).forEach(c -> classes.put(c.get("sourcedId"), c));
        Map<String, String> club = classes.get("gr3");
        assertEquals(List.of("Кружок робототехники", "scheduled", OneRosterCsv.GROUPS_COURSE, "", "CLUB"), List.of(club.get("title"),
                club.get("classType"), club.get("courseSourcedId"), club.get("grades"), club.get(OneRosterCsv.META_GROUP_KIND)));
        Map<String, String> half = classes.get("gr1");
        assertEquals(List.of("5А англ. 1", "grade-5", "05", "SUBGROUP"), List.of(half.get("title"), half.get("courseSourcedId"),
                half.get("grades"), half.get(OneRosterCsv.META_GROUP_KIND)));
        assertTrue(rows(files.get("courses.csv")).stream().anyMatch(c -> c.get("sourcedId").equals(OneRosterCsv.GROUPS_COURSE)));
        // the membership that ended in October is written with its end date
        assertTrue(rows(files.get("enrollments.csv")).stream().anyMatch(r -> r.get("classSourcedId").equals("gr2")
                && r.get("userSourcedId").equals("s3") && r.get("endDate").equals("2026-10-01")));

        NativeCsv.Parsed p = OneRosterCsv.parse(OneRosterCsv.export(e)).students();
        assertTrue(p.groupsColumn());
        Map<String, Set<String>> groups = new HashMap<>();
        p.students().forEach(s -> groups.put(s.code(), new HashSet<>(s.groups())));
        assertEquals(Set.of("5А англ. 1", "Кружок робототехники"), groups.get("S-001"));
        assertEquals(Set.of("Английский, группа 1", "Кружок робототехники"), groups.get("S-002"));
        assertEquals(Set.of("5А англ. 1"), groups.get("S-003"), "the membership that ended is history, not a current group");
        assertEquals(Set.of("Хор; ансамбль"), groups.get("S-004"));

        // the groups' teachers come back in the staff part
        NativeCsv.Parsed staff = OneRosterCsv.parse(OneRosterCsv.export(e)).staff();
        assertTrue(staff.groupsColumn());
        Map<String, Set<String>> taught = new HashMap<>();
        staff.staff().forEach(r -> taught.put(r.code(), new HashSet<>(r.groups())));
        assertEquals(Map.of("T-001", Set.of("Кружок робототехники"), "T-002", Set.of(), "t3", Set.of("5А англ. 1", "5А англ. 2")),
                taught);

        // another system's file (no Zhurnal group column): its scheduled classes are not groups, groups stay untouched
        assertFalse(OneRosterCsv.parse(RosterExportFixture.zip(plainFiles())).students().groupsColumn());
    }

    // ------------------------------------------------------------------------------------------------------
    // Files of another system
    // ------------------------------------------------------------------------------------------------------

    private static final String MANIFEST = """
            propertyName,value
            manifest.version,1.0
            oneroster.version,1.2
            file.academicSessions,bulk
            file.classes,bulk
            file.demographics,bulk
            file.enrollments,bulk
            file.orgs,absent
            file.roles,bulk
            file.users,bulk
            """;

    private static Map<String, String> plainFiles() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("manifest.csv", MANIFEST);
        f.put("academicSessions.csv", """
                sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
                SY2027,active,2026-08-01T00:00:00.000Z,2026-2027,schoolYear,2026-09-01,2027-06-30,,2027
                T1,active,2026-08-01T00:00:00.000Z,Первое полугодие,semester,2026-09-01,2026-12-31,SY2027,2027
                """);
        f.put("classes.csv", """
                sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods
                K7A,active,2026-08-01T00:00:00.000Z,7 А,07,C7,7A,homeroom,,SCH,SY2027,,,
                K7B,active,2026-08-01T00:00:00.000Z,Седьмой Б,07,C7,7Б,homeroom,,SCH,SY2027,,,
                ALG7,active,2026-08-01T00:00:00.000Z,Алгебра 7,07,ALG,ALG7,scheduled,,SCH,SY2027,Алгебра,,1
                """);
        // BOM, CRLF line ends, no identifier for one student, no metadata columns.
        f.put("users.csv", "\uFEFFsourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
                + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\r\n"
                + "U1,active,,true,petrov.n,{LDAP:petrov.n},Никита,Петров,Олегович,4711,,,,\"P1,P2\",07,\r\n"
                + "U2,active,,true,,,Ева,Петрова,,,,,,,07,\r\n"
                + "P1,active,,true,,,Ольга,Петрова,Ивановна,M-1,OLGA@Example.org,,+7 916 123-45-67,U1,,\r\n"
                + "P2,active,,true,,,Олег,Петров,,M-2,,+7 916 765-43-21,,\"U1,U2\",,\r\n"
                + "P3,active,,true,,,Зоя,Ким,,M-3,,,,U2,,\r\n"
                + "TE,active,,true,,,Анна,Орлова,Сергеевна,E-1,orlova@example.org,,,,,\r\n"
                + "AD,active,,true,,,Илья,Зуев,,E-2,,,,,,\r\n"
                + "OLD,tobedeleted,,true,,,Старый,Ученик,,,,,,,,\r\n");
        f.put("roles.csv", """
                sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
                r1,,,U1,primary,student,,,SCH,
                r2,,,U2,primary,student,,,SCH,
                r3,,,P1,primary,parent,,,SCH,
                r4,,,P2,primary,parent,,,SCH,
                r5,,,P3,primary,guardian,,,SCH,
                r6,,,TE,primary,teacher,,,SCH,
                r7,,,AD,primary,districtAdministrator,,,SCH,
                r8,,,AD,secondary,teacher,,,SCH,
                """);
        f.put("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e1,,,K7A,SCH,U1,student,false,2026-09-01,2026-11-30
                e2,,,K7B,SCH,U1,student,false,2026-12-01,2027-06-30
                e3,,,K7A,SCH,U2,student,false,2025-09-01,
                e4,,,ALG7,SCH,U1,student,false,2026-09-01,
                e5,,,ALG7,SCH,U2,student,false,2026-09-01,
                e6,,,K7A,SCH,TE,teacher,true,2026-09-01,
                e7,,,ALG7,SCH,AD,teacher,true,2026-09-01,
                """);
        f.put("demographics.csv", """
                sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus
                U1,,,2013-05-06,male,,,,,,,,,,,
                U2,,,2013-12-24,female,,,,,,,,,,,
                P1,,,,female,,,,,,,,,,,
                P2,,,1980-01-01,male,,,,,,,,,,,
                """);
        return f;
    }

    @Test
    void readsAPlainOneRosterFileWithoutZhurnalColumns() {
        OneRosterCsv.Result r = OneRosterCsv.parse(RosterExportFixture.zip(plainFiles()));
        assertEquals(List.of(
                "4711|Петров|Никита|Олегович|2013-05-06|M|7Б|2026-12-01|M-1:MOTHER,M-2:FATHER",
                "U2|Петрова|Ева|null|2013-12-24|F|7А|2025-09-01|M-2:FATHER,M-3:GUARDIAN"),
                RosterExportFixture.students(r.students()));
        assertEquals(List.of(
                "M-1|Петрова|Ольга|Ивановна|+7 916 123-45-67|olga@example.org|false",
                "M-2|Петров|Олег|null|+7 916 765-43-21|null|false",
                "M-3|Ким|Зоя|null|null|null|false"),
                RosterExportFixture.guardians(r.students()));
        assertEquals(List.of(
                "E-1|Орлова|Анна|Сергеевна|учитель|null|null|orlova@example.org|7А",
                "E-2|Зуев|Илья|null|администрация, учитель|null|null|null|null"),
                RosterExportFixture.staff(r.staff()));
        NativeCsv.StudentRow nikita = r.students().students().get(0);
        assertEquals(2, nikita.line(), "rows carry their users.csv line (header = 1)");
    }

    @Test
    void readsOneRoster11StyleRoleColumnWhenRolesAreAbsent() {
        Map<String, String> f = plainFiles();
        f.put("manifest.csv", MANIFEST.replace("file.roles,bulk", "file.roles,absent"));
        f.remove("roles.csv");
        String users = f.get("users.csv").replace(",grades,password\r\n", ",grades,password,role\r\n");
        StringBuilder withRoles = new StringBuilder();
        Map<String, String> roleOf = Map.of("U1", "student", "U2", "student", "P1", "parent", "P2", "parent", "P3",
                "guardian", "TE", "teacher", "AD", "administrator", "OLD", "student");
        for (String line : users.split("\r\n")) {
            String id = line.substring(0, line.indexOf(','));
            withRoles.append(line).append(roleOf.containsKey(id) ? "," + roleOf.get(id) : "").append("\r\n");
        }
        f.put("users.csv", withRoles.toString());
        OneRosterCsv.Result r = OneRosterCsv.parse(RosterExportFixture.zip(f));
        assertEquals(2, r.students().rows());
        assertEquals("E-2|Зуев|Илья|null|администрация|null|null|null|null", RosterExportFixture.staff(r.staff()).get(1));
    }

    // ------------------------------------------------------------------------------------------------------
    // Errors
    // ------------------------------------------------------------------------------------------------------

    @Test
    void reportsEveryErrorWithFileLineAndColumn() {
        Map<String, String> f = plainFiles();
        f.put("classes.csv", f.get("classes.csv").replace("K7B,active,2026-08-01T00:00:00.000Z,Седьмой Б,07,C7,7Б,",
                "K7B,active,2026-08-01T00:00:00.000Z,5-A,07,C7,,"));
        // A multi-line value on line 2–3 so the next rows sit one line lower than their record number.
        f.put("demographics.csv", f.get("demographics.csv")
                .replace("U1,,,2013-05-06,male,,,,,,,,,,,", "U1,,,2013-05-06,male,,,,,,,,,,\"Нижний\nНовгород\",")
                .replace("U2,,,2013-12-24,female", "U2,,,,female"));
        f.put("users.csv", f.get("users.csv").replace("OLGA@Example.org", "olga(at)example.org"));
        ProblemException e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(f)));
        assertEquals(400, e.status());
        assertEquals(List.of("classes.csv:3:title", "users.csv:4:email", "demographics.csv:4:birthDate"), fields(e));
        assertEquals("3 errors in the OneRoster file; nothing was imported", e.getMessage());
        assertTrue(e.violations().get(0).message().contains("'5-A'"), e.violations().get(0).message());
        assertTrue(e.violations().get(0).message().contains("Cyrillic"));
    }

    @Test
    void studentWithoutDemographicsAndBrokenReferences() {
        Map<String, String> f = plainFiles();
        f.put("demographics.csv", f.get("demographics.csv").replace("U2,,,2013-12-24,female,,,,,,,,,,,\n", ""));
        f.put("enrollments.csv", f.get("enrollments.csv") + "e8,,,NOPE,SCH,U9,learner,maybe,2026-13-01,\n");
        f.put("roles.csv", f.get("roles.csv") + "r9,,,TE,primary,headmaster,,,SCH,\n");
        f.put("users.csv", f.get("users.csv") + "X1,,,true,,,Иван,Сидоров,,,,,,U404,,\r\n");
        ProblemException e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(f)));
        assertEquals(List.of("users.csv:10:agentSourcedIds", "roles.csv:10:role", "enrollments.csv:9:userSourcedId",
                "enrollments.csv:9:classSourcedId", "enrollments.csv:9:role", "enrollments.csv:9:primary",
                "enrollments.csv:9:beginDate", "users.csv:3:sourcedId"), fields(e));
    }

    @Test
    void secondHomeroomAndWrongVersion() {
        Map<String, String> f = plainFiles();
        f.put("enrollments.csv", f.get("enrollments.csv") + "e9,,,K7B,SCH,U2,student,false,2026-09-01,\n");
        ProblemException e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(f)));
        assertEquals(List.of("enrollments.csv:9:classSourcedId"), fields(e));

        f.put("manifest.csv", MANIFEST.replace("oneroster.version,1.2", "oneroster.version,1.1"));
        e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(f)));
        assertEquals(List.of("manifest.csv:3:value"), fields(e));
    }

    @Test
    void missingManifestOrRequiredFile() {
        Map<String, String> f = plainFiles();
        f.remove("manifest.csv");
        ProblemException e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(f)));
        assertEquals(400, e.status());
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("manifest.csv"));

        Map<String, String> g = plainFiles();
        g.remove("enrollments.csv");
        g.put("manifest.csv", MANIFEST.replace("file.enrollments,bulk", "file.enrollments,absent"));
        e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(g)));
        assertEquals("file", e.field());
        assertTrue(e.getMessage().startsWith("enrollments.csv is missing"), e.getMessage());

        Map<String, String> h = plainFiles();
        h.remove("users.csv");
        e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(h)));
        assertEquals(List.of("manifest.csv:10:value"), fields(e), "declared bulk but not in the zip");

        e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse("not a zip".getBytes(StandardCharsets.UTF_8)));
        assertEquals("file", e.field());
    }

    @Test
    void refusesZipBombs() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("manifest.csv"));
            out.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("users.csv"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 51; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(bytes.size() < 1024 * 1024, "the bomb is small: " + bytes.size());
        ProblemException e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(bytes.toByteArray()));
        assertEquals(413, e.status());
        assertEquals("too-large", e.type());
        assertEquals("file", e.field());

        Map<String, String> many = plainFiles();
        for (int i = 0; many.size() <= OneRosterCsv.MAX_ENTRIES; i++) {
            many.put("extra/" + i + ".txt", "x");
        }
        e = assertThrows(ProblemException.class, () -> OneRosterCsv.parse(RosterExportFixture.zip(many)));
        assertEquals(413, e.status());

        Map<String, String> fifty = plainFiles();
        for (int i = 0; fifty.size() < OneRosterCsv.MAX_ENTRIES; i++) {
            fifty.put("extra/" + i + ".txt", "x");
        }
        assertEquals(2, OneRosterCsv.parse(RosterExportFixture.zip(fifty)).students().rows(), "50 entries are fine");
    }

    @Test
    void classTitleFallsBackToClassCode() {
        Map<String, String> f = plainFiles();
        f.put("classes.csv", f.get("classes.csv").replace(",Седьмой Б,07,C7,7Б,", ",Седьмой Б,07,C7,7б,"));
        OneRosterCsv.Result r = OneRosterCsv.parse(RosterExportFixture.zip(f));
        assertTrue(RosterExportFixture.students(r.students()).get(0).contains("|7Б|"), "title 'Седьмой Б' is no class"
                + " name, classCode '7б' is");
        assertTrue(r.students().staff().isEmpty());
        assertTrue(r.staff().students().isEmpty() && r.staff().guardians().isEmpty());
    }
}
