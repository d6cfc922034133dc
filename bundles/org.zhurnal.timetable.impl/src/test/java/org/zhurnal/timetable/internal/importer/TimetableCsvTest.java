package org.zhurnal.timetable.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Violation;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.GroupKind;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.internal.EntryValidation;

/** The import file's reading and validation rules, against a small school held in maps. */
class TimetableCsvTest {
    static final String SCHOOL = "s1";
    static final String HEADER = "Класс;Группа;Предмет;Учитель;Кабинет;День недели;Урок;Действует с;Действует по;Недели\n";
    static final LocalDate START = LocalDate.of(2026, 9, 1);

    static final Map<String, SchoolClass> CLASSES = Map.of("c5a", new SchoolClass("c5a", SCHOOL, 2026, 5, "А", null, 25));
    static final Map<String, Person> STAFF = Map.of(
            "t1", staff("t1", "T-0001", "Белова", "Ирина", "Сергеевна"),
            "t2", staff("t2", "T-0002", "Смирнова", "Анна", "Павловна"),
            "t3", staff("t3", "T-0003", "Смирнова", "Анна", "Павловна"),
            "t4", staff("t4", "T-0004", "Ёлкина", "Мария", "Петровна"));

    static Person staff(String id, String code, String last, String first, String middle) {
        return new Person(id, SCHOOL, PersonKind.STAFF, code, last, first, middle, null, null, null, null, null, "учитель", null, false, null);
    }

    static final EntryValidation.Facts FACTS = new EntryValidation.Facts() {
        @Override
        public Optional<AcademicYear> year(int year) {
            return year == 2026 ? Optional.of(new AcademicYear("y", SCHOOL, 2026, START, LocalDate.of(2027, 5, 31), 5)) : Optional.empty();
        }

        @Override
        public Optional<SchoolClass> schoolClass(String classId) {
            return Optional.ofNullable(CLASSES.get(classId));
        }

        @Override
        public List<Group> groups(int year) {
            return List.of(new Group("g1", SCHOOL, 2026, "c5a", GroupKind.SUBGROUP, "Английский, группа 1", null, 12));
        }

        @Override
        public Optional<Person> person(String personId) {
            return Optional.ofNullable(STAFF.get(personId));
        }
    };

    static final TimetableCsv.Directory DIRECTORY = new TimetableCsv.Directory() {
        @Override
        public Optional<String> classId(String name) {
            return name.equals("5А") ? Optional.of("c5a") : Optional.empty();
        }

        @Override
        public Optional<String> groupId(String name) {
            return name.equalsIgnoreCase("английский, группа 1") ? Optional.of("g1") : Optional.empty();
        }

        @Override
        public List<String> teachers(String codeOrName) {
            List<String> byCode = STAFF.values().stream().filter(p -> p.externalId().equalsIgnoreCase(codeOrName.strip())).map(Person::id).toList();
            if (!byCode.isEmpty()) {
                return byCode;
            }
            return STAFF.values().stream().filter(p -> TimetableCsv.normalName(p.fullName()).equals(TimetableCsv.normalName(codeOrName)))
                    .map(Person::id).sorted().toList();
        }
    };

    static final TimetableCsv.Context CTX = new TimetableCsv.Context(SCHOOL, 2026, START, DIRECTORY, FACTS);

    static List<TimetableCsv.Line> parse(String text) {
        return TimetableCsv.parse("tt.csv", text.getBytes(StandardCharsets.UTF_8), CTX);
    }

    static Map<String, String> errors(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(text));
        assertEquals(400, e.status());
        return e.violations().stream().collect(Collectors.toMap(Violation::field, Violation::message));
    }

    @Test
    void readsRowsWithRussianNamesCodesAndDefaults() {
        String text = "\uFEFF" + HEADER + "5 а;;Математика;T-0001;12;Пн;1;;;\n"
                + ";Английский, группа 1;Английский язык;t-0002;;вторник;2;01.10.2026;31.12.2026;нечёт\n"
                + "5А;;Литература;Елкина  Мария Петровна;;пт;7;2026-09-07;;чёт\n";
        byte[] all = text.getBytes(StandardCharsets.UTF_8);
        List<TimetableCsv.Line> lines = TimetableCsv.parse("tt.csv", all, CTX);
        assertEquals(3, lines.size());
        var math = lines.get(0);
        assertEquals(2, math.row());
        assertEquals("c5a", math.entry().classId());
        assertEquals("t1", math.entry().teacherId());
        assertEquals(DayOfWeek.MONDAY, math.entry().weekday());
        assertEquals(START, math.entry().validFrom());
        assertNull(math.entry().validTo());
        assertEquals("ALL", math.entry().weeks());
        var english = lines.get(1).entry();
        assertEquals("g1", english.groupId());
        assertEquals("t2", english.teacherId());
        assertEquals(LocalDate.of(2026, 12, 31), english.validTo());
        assertEquals("ODD", english.weeks());
        assertNull(english.room());
        var literature = lines.get(2).entry();
        assertEquals("t4", literature.teacherId(), "ё and е are the same letter in names");
        assertEquals("EVEN", literature.weeks());
        assertEquals(LocalDate.of(2026, 9, 7), literature.validFrom());
    }

    @Test
    void reportsEveryBadRowAndColumnAtOnce() {
        Map<String, String> e = errors(HEADER
                + "9Я;;Математика;T-0001;12;Пн;1;;;\n"
                + "5А;;Математика;T-9999;12;Пн;1;;;\n"
                + "5А;;Математика;Смирнова Анна Павловна;12;Пн;1;;;\n"
                + "5А;;Математика;T-0001;12;воскр;1;;;\n"
                + "5А;;Математика;T-0001;12;Сб;1;;;\n"
                + "5А;;Математика;T-0001;12;Пн;13;;;\n"
                + "5А;;Математика;T-0001;12;Пн;первый;;;\n"
                + "5А;;Математика;T-0001;12;Пн;1;31.02.2027;;\n"
                + "5А;;Математика;T-0001;12;Пн;1;01.08.2026;;\n"
                + "5А;;Математика;T-0001;12;Пн;1;01.10.2026;01.09.2026;\n"
                + "5А;;Математика;T-0001;" + "1".repeat(51) + ";Пн;1;;;\n"
                + "5А;;Математика;T-0001;12;Пн;1;;;иногда\n"
                + "5А;Английский, группа 1;Математика;T-0001;12;Пн;1;;;\n"
                + "5А;;;T-0001;12;Пн;1;;;\n");
        assertTrue(e.get("tt.csv:2:Класс").contains("9Я"), e.toString());
        assertTrue(e.get("tt.csv:3:Учитель").contains("T-9999"), e.toString());
        assertTrue(e.get("tt.csv:4:Учитель").contains("code"), "two staff of that name: " + e);
        assertTrue(e.containsKey("tt.csv:5:День недели"), e.toString());
        assertTrue(e.get("tt.csv:6:День недели").contains("5 days"), e.toString());
        assertTrue(e.get("tt.csv:7:Урок").contains("1 to 12"), e.toString());
        assertTrue(e.containsKey("tt.csv:8:Урок"), e.toString());
        assertTrue(e.get("tt.csv:9:Действует с").contains("31.02.2027"), e.toString());
        assertTrue(e.get("tt.csv:10:Действует с").contains("within the academic year"), e.toString());
        assertTrue(e.containsKey("tt.csv:11:Действует по"), e.toString());
        assertTrue(e.containsKey("tt.csv:12:Кабинет"), e.toString());
        assertTrue(e.containsKey("tt.csv:13:Недели"), e.toString());
        assertTrue(e.containsKey("tt.csv:14:Класс"), e.toString());
        assertTrue(e.containsKey("tt.csv:15:Предмет"), e.toString());
        assertEquals(14, e.size(), "one error per bad row here, the good columns are not reported: " + e);
    }

    @Test
    void refusesMissingColumnsEmptyFilesAndOtherEncodings() {
        assertTrue(errors("Класс;Предмет;Урок\n5А;Математика;1\n").keySet().containsAll(List.of("tt.csv:1:Учитель", "tt.csv:1:День недели")));
        assertEquals("file", assertThrows(ProblemException.class, () -> parse(HEADER)).field());
        assertEquals("file", assertThrows(ProblemException.class, () -> TimetableCsv.parse("tt.csv", new byte[0], CTX)).field());
        byte[] cp1251 = (HEADER + "5А;;Математика;T-0001;12;Пн;1;;;\n").getBytes(java.nio.charset.Charset.forName("windows-1251"));
        ProblemException e = assertThrows(ProblemException.class, () -> TimetableCsv.parse("tt.csv", cp1251, CTX));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void sameLessonIgnoresIdAndRoomCase() {
        var a = parse(HEADER + "5А;;Математика;T-0001;12а;Пн;1;;;\n").get(0).entry();
        var b = parse(HEADER + "5А;;Математика;T-0001;12А;Пн;1;;;все\n").get(0).entry();
        var c = parse(HEADER + "5А;;Математика;T-0001;12А;Пн;1;;;нечёт\n").get(0).entry();
        assertTrue(EntryValidation.sameLesson(a, b));
        assertTrue(!EntryValidation.sameLesson(a, c));
    }
}
