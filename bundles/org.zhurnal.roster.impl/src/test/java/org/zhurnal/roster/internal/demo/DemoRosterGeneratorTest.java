package org.zhurnal.roster.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoRosterGeneratorTest {

    private static final int YEAR = 2026;
    private static final DateTimeFormatter DATE =
        DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern PHONE = Pattern.compile("\\+7 9\\d\\d \\d{3}-\\d\\d-\\d\\d");
    private static final Pattern GUARDIAN_EMAIL = Pattern.compile("[a-z0-9._]+@example\\.(org|net|com)");
    private static final Pattern STAFF_EMAIL = Pattern.compile("[a-z0-9._]+@example\\.org");
    private static final Pattern CLASS = Pattern.compile("(1[01]|[1-9])([А-Я])");
    private static final Pattern FEMALE_SURNAME = Pattern.compile(".*(ова|ева|ёва|ина|ына|ая|ых|их|ко|ук)");
    private static final Pattern MALE_SURNAME = Pattern.compile(".*(ов|ев|ёв|ин|ын|ий|ой|ых|их|ко|ук)");
    private static final Set<String> SUBJECTS = Set.of("Русский язык", "Литература", "Литературное чтение",
        "Математика", "Алгебра", "Геометрия", "Информатика", "Физика", "Химия", "Биология", "География", "История",
        "Обществознание", "Английский язык", "Немецкий язык", "Физическая культура", "Музыка",
        "Изобразительное искусство", "Технология", "ОБЗР", "Окружающий мир");

    private static String studentsText;
    private static List<List<String>> students;
    private static String staffText;
    private static List<List<String>> staff;

    @BeforeAll
    static void generate() {
        studentsText = DemoRosterGenerator.studentsCsv(42, YEAR, 3, 28);
        students = parse(studentsText);
        staffText = DemoRosterGenerator.staffCsv(42, YEAR, 3, 60);
        staff = parse(staffText);
    }

    // ------------------------------------------------------------------------------------------------ format

    @Test
    void headersAreExact() {
        assertEquals(Arrays.asList(DemoRosterGenerator.STUDENT_HEADER), students.get(0));
        assertEquals(Arrays.asList(DemoRosterGenerator.STAFF_HEADER), staff.get(0));
        assertEquals(String.join(";", DemoRosterGenerator.STUDENT_HEADER) + "\n",
            studentsText.substring(0, studentsText.indexOf('\n') + 1));
        assertEquals(String.join(";", DemoRosterGenerator.STAFF_HEADER) + "\n",
            staffText.substring(0, staffText.indexOf('\n') + 1));
    }

    @Test
    void textFormat() {
        for (String text : List.of(studentsText, staffText)) {
            assertFalse(text.startsWith("\uFEFF"), "no BOM");
            assertFalse(text.contains("\r"), "\\n line ends only");
            assertTrue(text.endsWith("\n"));
            assertEquals(text, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        for (List<String> row : students) {
            assertEquals(DemoRosterGenerator.STUDENT_HEADER.length, row.size(), row.toString());
        }
        for (List<String> row : staff) {
            assertEquals(DemoRosterGenerator.STAFF_HEADER.length, row.size(), row.toString());
        }
        // The combined position contains ';' and so must be quoted; nothing else is quoted.
        assertTrue(staffText.contains(";\"учитель; педагог дополнительного образования\";"));
        assertFalse(studentsText.contains("\""));
    }

    @Test
    void escapeQuotesOnlyWhenNeeded() {
        assertEquals("Иванов", DemoRosterGenerator.escape("Иванов"));
        assertEquals("\"a;b\"", DemoRosterGenerator.escape("a;b"));
        assertEquals("\"say \"\"hi\"\"\"", DemoRosterGenerator.escape("say \"hi\""));
        assertEquals("\"a\nb\"", DemoRosterGenerator.escape("a\nb"));
        assertEquals(List.of(List.of("x", "a;b", "say \"hi\"", "a\nb", "")),
            parse("x;\"a;b\";\"say \"\"hi\"\"\";\"a\nb\";\n"));
    }

    // ---------------------------------------------------------------------------------------------- students

    @Test
    void studentRowsCodesAndClasses() {
        List<List<String>> rows = body(students);
        assertTrue(rows.size() >= 33 * 25 && rows.size() <= 33 * 31, "rows: " + rows.size());
        Set<String> codes = new HashSet<>();
        for (List<String> r : rows) {
            assertTrue(r.get(0).matches("S-\\d{6}"), r.get(0));
            assertTrue(codes.add(r.get(0)), "duplicate code " + r.get(0));
        }
        Set<String> classes = new LinkedHashSet<>();
        rows.forEach(r -> classes.add(r.get(6)));
        assertEquals(expectedClasses(3), classes);
    }

    @Test
    void datesArePlausibleForTheGrade() {
        LocalDate septemberFirst = LocalDate.of(YEAR, 9, 1);
        for (List<String> r : body(students)) {
            int grade = grade(r.get(6));
            LocalDate birth = date(r.get(4));
            LocalDate enrolled = date(r.get(7));
            assertEquals(YEAR - 6 - grade, birth.getYear(), r.toString());
            int age = Period.between(birth, septemberFirst).getYears();
            assertTrue(age >= grade + 5 && age <= grade + 7, "age " + age + " in grade " + grade + ": " + r);
            assertFalse(enrolled.isBefore(LocalDate.of(YEAR - grade + 1, 9, 1)), r.toString());
            assertFalse(enrolled.isAfter(septemberFirst), r.toString());
            assertTrue(Period.between(birth, enrolled).getYears() >= 6, r.toString());
        }
        long transfers = body(students).stream()
            .filter(r -> !r.get(7).equals("01.09." + (YEAR - grade(r.get(6)) + 1))).count();
        assertTrue(transfers > 0 && transfers < body(students).size() * 0.15, "transfers: " + transfers);
    }

    @Test
    void namesAgreeWithSex() {
        Set<String> boys = new HashSet<>();
        Set<String> girls = new HashSet<>();
        for (List<String> r : body(students)) {
            String sex = r.get(5);
            assertTrue(sex.equals("М") || sex.equals("Ж"), sex);
            boolean female = sex.equals("Ж");
            (female ? girls : boys).add(r.get(2));
            assertPatronymic(r.get(3), female, r.toString());
            assertTrue((female ? FEMALE_SURNAME : MALE_SURNAME).matcher(r.get(1)).matches(), r.toString());
        }
        Set<String> both = new HashSet<>(boys);
        both.retainAll(girls);
        assertTrue(both.isEmpty(), "names used for both sexes: " + both);
        assertTrue(boys.size() >= 20 && girls.size() >= 20, boys + " " + girls);
    }

    @Test
    void guardiansAreConsistent() {
        Map<String, List<String>> byCode = new HashMap<>();
        Map<String, Integer> rowsPerCode = new HashMap<>();
        int oneGuardian = 0;
        int trustees = 0;
        int motherFirst = 0;
        for (List<String> r : body(students)) {
            assertFalse(r.get(8).isEmpty(), "every student has a first guardian: " + r);
            if (r.get(14).isEmpty()) {
                oneGuardian++;
                assertEquals(List.of("", "", "", "", "", ""), r.subList(14, 20));
            }
            if (r.get(10).equals("мать")) {
                motherFirst++;
            }
            for (int base : new int[] {8, 14}) {
                String code = r.get(base);
                if (code.isEmpty()) {
                    continue;
                }
                assertTrue(code.matches("G-\\d{6}"), code);
                List<String> guardian = r.subList(base + 1, base + 6);
                List<String> previous = byCode.putIfAbsent(code, new ArrayList<>(guardian));
                if (previous != null) {
                    assertEquals(previous, guardian, "guardian " + code + " differs between rows");
                }
                rowsPerCode.merge(code, 1, Integer::sum);

                String[] name = guardian.get(0).split(" ");
                assertEquals(3, name.length, guardian.get(0));
                String relation = guardian.get(1);
                assertTrue(Set.of("мать", "отец", "опекун").contains(relation), relation);
                if (relation.equals("опекун")) {
                    trustees++;
                } else {
                    assertPatronymic(name[2], relation.equals("мать"), guardian.toString());
                }
                assertTrue(PHONE.matcher(guardian.get(2)).matches(), guardian.get(2));
                String email = guardian.get(3);
                assertTrue(email.isEmpty() || GUARDIAN_EMAIL.matcher(email).matches(), email);
                assertTrue(Set.of("да", "нет").contains(guardian.get(4)), guardian.get(4));
            }
            if (!r.get(14).isEmpty()) {
                assertNotEquals(r.get(8), r.get(14));
            }
        }
        int n = body(students).size();
        assertTrue(oneGuardian > n * 0.04 && oneGuardian < n * 0.13, "one guardian: " + oneGuardian);
        assertTrue(trustees > 0 && trustees < n * 0.05, "trustees: " + trustees);
        assertTrue(motherFirst > n * 0.75, "mother usually first: " + motherFirst);

        int guardians = byCode.size();
        long noAccess = byCode.values().stream().filter(g -> g.get(4).equals("да")).count();
        long withEmail = byCode.values().stream().filter(g -> !g.get(3).isEmpty()).count();
        assertTrue(noAccess >= guardians * 0.02 && noAccess <= guardians * 0.065,
            "no electronic access: " + noAccess + " of " + guardians);
        assertTrue(withEmail >= guardians * 0.78 && withEmail <= guardians * 0.92,
            "with e-mail: " + withEmail + " of " + guardians);
        long noAccessWithEmail = byCode.values().stream()
            .filter(g -> g.get(4).equals("да") && !g.get(3).isEmpty()).count();
        assertTrue(noAccessWithEmail * 2 < noAccess, "those without access usually have no e-mail");

        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (List<String> g : byCode.values()) {
            assertTrue(phones.add(g.get(2)), "phone reused: " + g);
            assertTrue(g.get(3).isEmpty() || emails.add(g.get(3)), "e-mail reused: " + g);
        }
        assertTrue(rowsPerCode.values().stream().allMatch(c -> c <= 2));
    }

    @Test
    void siblingsShareGuardiansAndSurname() {
        Map<String, List<List<String>>> byFirstGuardian = new LinkedHashMap<>();
        for (List<String> r : body(students)) {
            byFirstGuardian.computeIfAbsent(r.get(8), k -> new ArrayList<>()).add(r);
        }
        int families = byFirstGuardian.size();
        int withSiblings = 0;
        for (List<List<String>> rows : byFirstGuardian.values()) {
            if (rows.size() < 2) {
                continue;
            }
            withSiblings++;
            List<String> a = rows.get(0);
            List<String> b = rows.get(1);
            assertTrue(sameFamilySurname(a.get(1), b.get(1)), a + " / " + b);
            assertNotEquals(grade(a.get(6)), grade(b.get(6)), "siblings are in different grades");
            assertEquals(a.subList(8, 20), b.subList(8, 20), "siblings share guardians");
            assertNotEquals(a.get(2), b.get(2), "siblings have different first names");
            assertEquals(stem(a.get(3)), stem(b.get(3)), "same father: " + a + " / " + b);
        }
        double share = (double) withSiblings / families;
        assertTrue(share > 0.06 && share < 0.18, "families with two children: " + withSiblings + " of " + families);
    }

    // ------------------------------------------------------------------------------------------------- staff

    @Test
    void staffRowsAndPositions() {
        List<List<String>> rows = body(staff);
        assertEquals(60, rows.size());
        Set<String> codes = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Map<String, Integer> positions = new HashMap<>();
        Set<String> staffWomen = new HashSet<>();
        Set<String> staffMen = new HashSet<>();
        for (List<String> r : rows) {
            assertTrue(r.get(0).matches("T-\\d{4}"), r.get(0));
            assertTrue(codes.add(r.get(0)), "duplicate " + r.get(0));
            boolean female = r.get(3).endsWith("на");
            assertPatronymic(r.get(3), female, r.toString());
            assertTrue((female ? FEMALE_SURNAME : MALE_SURNAME).matcher(r.get(1)).matches(), r.toString());
            (female ? staffWomen : staffMen).add(r.get(2));
            positions.merge(r.get(4), 1, Integer::sum);
            assertTrue(PHONE.matcher(r.get(6)).matches(), r.get(6));
            assertTrue(STAFF_EMAIL.matcher(r.get(7)).matches(), r.get(7));
            assertTrue(emails.add(r.get(7)), "e-mail reused " + r.get(7));
            if (r.get(4).startsWith("учитель")) {
                assertFalse(r.get(5).isEmpty(), r.toString());
                for (String subject : r.get(5).split(", ")) {
                    assertTrue(SUBJECTS.contains(subject), subject);
                }
            }
        }
        assertEquals(1, positions.get("директор"));
        assertEquals(2, positions.get("заместитель директора по УВР"));
        assertEquals(1, positions.get("заместитель директора по ВР"));
        assertEquals(1, positions.get("социальный педагог"));
        assertEquals(1, positions.get("педагог-психолог"));
        int extra = positions.getOrDefault("учитель; педагог дополнительного образования", 0);
        assertTrue(extra >= 1 && extra <= 5, "extracurricular: " + extra);
        assertEquals(54, positions.get("учитель") + extra);

        Set<String> both = new HashSet<>(staffWomen);
        both.retainAll(staffMen);
        assertTrue(both.isEmpty(), "first names of both sexes: " + both);
        long women = rows.stream().filter(r -> r.get(3).endsWith("на")).count();
        assertTrue(women >= 60 * 0.6 && women <= 60 * 0.9, "women: " + women);

        Set<String> subjects = new HashSet<>();
        rows.forEach(r -> subjects.addAll(Arrays.asList(r.get(5).split(", "))));
        subjects.remove("");
        assertEquals(SUBJECTS, subjects, "every subject is taught");
        Map<String, Long> bySubject = new HashMap<>();
        rows.forEach(r -> Arrays.stream(r.get(5).split(", ")).forEach(x -> bySubject.merge(x, 1L, Long::sum)));
        assertTrue(bySubject.get("Литература") >= 6 && bySubject.get("Алгебра") >= 5, bySubject.toString());
        assertTrue(bySubject.get("ОБЗР") <= 2 && bySubject.get("Музыка") <= 2, bySubject.toString());
    }

    @Test
    void everyClassHasExactlyOneClassTeacher() {
        List<String> classes = new ArrayList<>();
        for (List<String> r : body(staff)) {
            String c = r.get(8);
            if (c.isEmpty()) {
                continue;
            }
            classes.add(c);
            assertTrue(r.get(4).startsWith("учитель"), r.toString());
            if (grade(c) <= 4) {
                assertEquals("Русский язык, Литературное чтение, Математика, Окружающий мир", r.get(5), r.toString());
            } else {
                assertNotEquals("Русский язык, Литературное чтение, Математика, Окружающий мир", r.get(5));
            }
        }
        assertEquals(33, classes.size());
        assertEquals(expectedClasses(3), new LinkedHashSet<>(classes));

        Set<String> studentClasses = new HashSet<>();
        body(students).forEach(r -> studentClasses.add(r.get(6)));
        assertEquals(studentClasses, new HashSet<>(classes));
    }

    // ------------------------------------------------------------------------------------- determinism, args

    @Test
    void sameArgumentsGiveSameText() {
        assertEquals(studentsText, DemoRosterGenerator.studentsCsv(42, YEAR, 3, 28));
        assertEquals(staffText, DemoRosterGenerator.staffCsv(42, YEAR, 3, 60));
    }

    @Test
    void differentSeedsDiffer() {
        assertNotEquals(studentsText, DemoRosterGenerator.studentsCsv(43, YEAR, 3, 28));
        assertNotEquals(staffText, DemoRosterGenerator.staffCsv(43, YEAR, 3, 60));
    }

    @Test
    void invariantsHoldForManySeeds() {
        for (long seed = 1; seed <= 25; seed++) {
            List<List<String>> st = body(parse(DemoRosterGenerator.studentsCsv(seed, YEAR, 3, 28)));
            Set<String> classes = new LinkedHashSet<>();
            Map<String, String> guardianNames = new HashMap<>();
            for (List<String> r : st) {
                classes.add(r.get(6));
                assertEquals(YEAR - 6 - grade(r.get(6)), date(r.get(4)).getYear());
                assertPatronymic(r.get(3), r.get(5).equals("Ж"), r.toString());
                for (int base : new int[] {8, 14}) {
                    if (!r.get(base).isEmpty()) {
                        String previous = guardianNames.putIfAbsent(r.get(base), r.get(base + 1));
                        assertTrue(previous == null || previous.equals(r.get(base + 1)), r.toString());
                        String email = r.get(base + 4);
                        assertTrue(email.isEmpty() || GUARDIAN_EMAIL.matcher(email).matches(), email);
                    }
                }
            }
            assertEquals(expectedClasses(3), classes, "seed " + seed);
            List<List<String>> sf = body(parse(DemoRosterGenerator.staffCsv(seed, YEAR, 3, 60)));
            assertEquals(60, sf.size());
            List<String> tutors = new ArrayList<>();
            sf.stream().filter(r -> !r.get(8).isEmpty()).forEach(r -> tutors.add(r.get(8)));
            assertEquals(33, tutors.size(), "seed " + seed);
            assertEquals(expectedClasses(3), new HashSet<>(tutors), "seed " + seed);
        }
    }

    @Test
    void otherSizes() {
        List<List<String>> rows = body(parse(DemoRosterGenerator.studentsCsv(7, 2030, 5, 2)));
        Set<String> classes = new LinkedHashSet<>();
        rows.forEach(r -> classes.add(r.get(6)));
        assertEquals(expectedClasses(5), classes);
        assertTrue(classes.contains("11Д"));

        List<List<String>> small = body(parse(DemoRosterGenerator.staffCsv(7, 2030, 1, 17)));
        assertEquals(17, small.size());
        assertEquals(11, small.stream().filter(r -> !r.get(8).isEmpty()).count());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> DemoRosterGenerator.studentsCsv(1, YEAR, 0, 28));
        assertThrows(IllegalArgumentException.class, () -> DemoRosterGenerator.studentsCsv(1, YEAR, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> DemoRosterGenerator.studentsCsv(1, 1900, 3, 28));
        assertThrows(IllegalArgumentException.class, () -> DemoRosterGenerator.staffCsv(1, YEAR, 3, 38));
        assertEquals(39, body(parse(DemoRosterGenerator.staffCsv(1, YEAR, 3, 39))).size());
    }

    // ------------------------------------------------------------------------------------------ name tables

    @Test
    void patronymicTable() {
        String[][] expected = {
            {"Сергей", "Сергеевич", "Сергеевна"}, {"Илья", "Ильич", "Ильинична"}, {"Никита", "Никитич", "Никитична"},
            {"Лев", "Львович", "Львовна"}, {"Павел", "Павлович", "Павловна"}, {"Михаил", "Михайлович", "Михайловна"},
            {"Николай", "Николаевич", "Николаевна"}, {"Андрей", "Андреевич", "Андреевна"},
            {"Алексей", "Алексеевич", "Алексеевна"}, {"Дмитрий", "Дмитриевич", "Дмитриевна"},
            {"Юрий", "Юрьевич", "Юрьевна"}, {"Игорь", "Игоревич", "Игоревна"}, {"Олег", "Олегович", "Олеговна"},
            {"Евгений", "Евгеньевич", "Евгеньевна"}, {"Григорий", "Григорьевич", "Григорьевна"},
            {"Василий", "Васильевич", "Васильевна"}, {"Иван", "Иванович", "Ивановна"}, {"Пётр", "Петрович", "Петровна"},
        };
        for (String[] e : expected) {
            assertEquals(e[1], DemoRosterGenerator.patronymicOf(e[0], false), e[0]);
            assertEquals(e[2], DemoRosterGenerator.patronymicOf(e[0], true), e[0]);
        }
    }

    @Test
    void surnameForms() {
        assertEquals("Иванова", DemoRosterGenerator.surnameForm("Иванов", true));
        assertEquals("Соколова", DemoRosterGenerator.surnameForm("Соколов", true));
        assertEquals("Белых", DemoRosterGenerator.surnameForm("Белых", true));
        assertEquals("Черных", DemoRosterGenerator.surnameForm("Черных", true));
        assertEquals("Покровская", DemoRosterGenerator.surnameForm("Покровский", true));
        assertEquals("Покровский", DemoRosterGenerator.surnameForm("Покровский", false));
        for (List<String> r : body(students)) {
            String surname = r.get(1);
            if (r.get(5).equals("М")) {
                assertEquals(surname, DemoRosterGenerator.surnameForm(surname, false), "listed: " + surname);
            }
        }
    }

    @Test
    void transliteration() {
        assertEquals("sokolova", DemoRosterGenerator.transliterate("Соколова"));
        assertEquals("yuliya", DemoRosterGenerator.transliterate("Юлия"));
        assertEquals("artem", DemoRosterGenerator.transliterate("Артём"));
        assertEquals("shchukina", DemoRosterGenerator.transliterate("Щукина"));
        assertEquals("natalya", DemoRosterGenerator.transliterate("Наталья"));
    }

    // -------------------------------------------------------------------------------------------------- util

    private static void assertPatronymic(String patronymic, boolean female, String context) {
        if (female) {
            assertTrue(patronymic.endsWith("вна") || patronymic.endsWith("чна") || patronymic.endsWith("инична"),
                "female patronymic " + patronymic + ": " + context);
        } else {
            assertTrue(patronymic.endsWith("вич") || patronymic.endsWith("ич"),
                "male patronymic " + patronymic + ": " + context);
            assertFalse(patronymic.endsWith("вна"), context);
        }
        assertFalse(Set.of("Ильевич", "Ильяевич", "Ильевна", "Ильична", "Никитаевич", "Никитовна", "Левович",
            "Левовна", "Павелович", "Михаилович", "Михаиловна", "Пётрович", "Юриевич", "Игорович", "Евгениевич",
            "Григориевич", "Василиевич").contains(patronymic), "naive patronymic " + patronymic);
    }

    /** "Соколов" and "Соколова", "Покровский" and "Покровская", "Белых" and "Белых" belong to one family. */
    private static boolean sameFamilySurname(String a, String b) {
        return masculine(a).equals(masculine(b));
    }

    private static String masculine(String surname) {
        if (surname.endsWith("ская") || surname.endsWith("цкая")) {
            return surname.substring(0, surname.length() - 2) + "ий";
        }
        if (surname.matches(".*(ова|ева|ёва|ина|ына)")) {
            return surname.substring(0, surname.length() - 1);
        }
        return surname;
    }

    /** The part of a patronymic shared by the male and female form ("Сергеевич"/"Сергеевна" → "Сергеев"). */
    private static String stem(String patronymic) {
        if (patronymic.equals("Ильич") || patronymic.equals("Ильинична")) {
            return "Иль";
        }
        if (patronymic.endsWith("ична")) {
            return patronymic.substring(0, patronymic.length() - 4);
        }
        if (patronymic.endsWith("ич") || patronymic.endsWith("на")) {
            return patronymic.substring(0, patronymic.length() - 2);
        }
        return patronymic;
    }

    private static Set<String> expectedClasses(int perGrade) {
        Set<String> classes = new LinkedHashSet<>();
        for (int g = 1; g <= 11; g++) {
            for (int l = 0; l < perGrade; l++) {
                classes.add(g + String.valueOf("АБВГДЕЖИК".charAt(l)));
            }
        }
        return classes;
    }

    private static int grade(String className) {
        var m = CLASS.matcher(className);
        assertTrue(m.matches(), className);
        return Integer.parseInt(m.group(1));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            return fail("not dd.MM.yyyy: " + text);
        }
    }

    private static List<List<String>> body(List<List<String>> rows) {
        return rows.subList(1, rows.size());
    }

    /** A strict reader for the import format: ';' separator, '\n' line ends, RFC 4180 style quoting. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    fail("quote inside an unquoted field at " + i);
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ';') {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                rows.add(row);
                row = new ArrayList<>();
            } else {
                if (wasQuoted) {
                    fail("text after a closing quote at " + i);
                }
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            fail("unterminated quote");
        }
        if (field.length() > 0 || !row.isEmpty()) {
            fail("last line has no '\\n'");
        }
        return rows;
    }
}
