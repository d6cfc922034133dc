package org.zhurnal.roster.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Violation;
import org.zhurnal.roster.internal.importer.RosterExport.GroupMember;
import org.zhurnal.roster.internal.importer.RosterExport.GroupRec;

/** The «Группы» column of the native students file: parsing, kinds, validation, and the export round trip. */
class NativeCsvGroupsTest {
    static final String HEADER = "Код;Фамилия;Имя;Отчество;Дата рождения;Пол;Класс;Группы\n";

    private static NativeCsv.Parsed parse(String text) {
        return NativeCsv.parse("pupils.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> groupsOf(NativeCsv.Parsed p, String code) {
        return p.students().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow().groups();
    }

    @Test
    void splitsAtSemicolonsOrElseAtCommas() {
        assertEquals(List.of("5А англ. 1", "Кружок робототехники"), NativeCsv.splitGroups(" 5А англ. 1 ;Кружок  робототехники; ;"));
        assertEquals(List.of("5А англ. 1", "Хор"), NativeCsv.splitGroups("5А англ. 1, Хор"));
        assertEquals(List.of("Английский, группа 1"), NativeCsv.splitGroups("Английский, группа 1;"));
        assertEquals(List.of("Хор"), NativeCsv.splitGroups("Хор; хор"), "repeats are dropped, ignoring case");
        assertEquals(List.of(), NativeCsv.splitGroups("  "));
    }

    @Test
    void theKindFollowsFromTheName() {
        assertEquals("SUBGROUP", NativeCsv.groupKind("5А англ. 1"));
        assertEquals("SUBGROUP", NativeCsv.groupKind("5-а, группа 2"));
        assertEquals("SUBGROUP", NativeCsv.groupKind("11Б информатика"));
        assertEquals("5А", NativeCsv.classOfGroup("5 а англ. 1"));
        assertNull(NativeCsv.classOfGroup("10-11 физика"), "a range of grades is not a class");
        assertNull(NativeCsv.classOfGroup("1 группа"), "«г» followed by letters is a word, not a class letter");
        assertNull(NativeCsv.classOfGroup("12А англ."));
        assertEquals("EXTENDED_DAY", NativeCsv.groupKind("ГПД 1-2 классов"));
        assertEquals("EXTENDED_DAY", NativeCsv.groupKind("Группа продлённого дня"));
        assertEquals("CLUB", NativeCsv.groupKind("Кружок робототехники"));
        assertEquals("CLUB", NativeCsv.groupKind("Секция баскетбола"));
        assertEquals("CLUB", NativeCsv.groupKind("Школьный хор"));
        assertEquals("ELECTIVE", NativeCsv.groupKind("Факультатив «Финансовая грамотность»"));
        assertEquals("ELECTIVE", NativeCsv.groupKind("10-11 физика"));
    }

    @Test
    void aFileWithTheColumnSaysSoAndCarriesEachRowsGroups() {
        NativeCsv.Parsed p = parse(HEADER + "P1;Лебедева;Алиса;;12.04.2015;Ж;5А;\"5А англ. 1; Кружок робототехники\"\n"
                + "P2;Гусева;Вера;;15.07.2015;Ж;5А;\n");
        assertTrue(p.groupsColumn());
        assertEquals(List.of("5А англ. 1", "Кружок робототехники"), groupsOf(p, "P1"));
        assertEquals(List.of(), groupsOf(p, "P2"));
        NativeCsv.Parsed without = parse("Код;Фамилия;Имя;Дата рождения;Пол;Класс\nP1;Лебедева;Алиса;12.04.2015;Ж;5А\n");
        assertFalse(without.groupsColumn());
    }

    @Test
    void aBadGroupCellIsRefusedWithItsRowAndColumn() {
        ProblemException e = assertThrows(ProblemException.class, () -> parse(HEADER
                + "P1;Лебедева;Алиса;;12.04.2015;Ж;5А;5А англ. 1\n"
                + "P2;Гусева;Вера;;15.07.2015;Ж;5А;6Б англ. 1\n"
                + "P3;Орехов;Фёдор;;30.11.2014;М;5А;\"Хор; " + "я".repeat(201) + "\"\n"
                + "P4;Зуев;Олег;;10.03.2015;М;5А;\"Хор; ---\"\n"));
        assertEquals(400, e.status());
        assertEquals(List.of("pupils.csv:3:Группы", "pupils.csv:4:Группы", "pupils.csv:5:Группы"),
                e.violations().stream().map(Violation::field).toList());
        assertTrue(e.violations().get(0).message().contains("subgroup of 6Б"), e.violations().get(0).message());
    }

    /** The fixture school with 5А's two English halves, a club across classes, and a closed membership. */
    static RosterExport withGroups() {
        RosterExport base = RosterExportFixture.school();
        List<GroupRec> groups = List.of(new GroupRec("gr1", "5А англ. 1", "SUBGROUP", "c5a", "t3"),
                new GroupRec("gr2", "5А англ. 2", "SUBGROUP", "c5a", "t3"), new GroupRec("gr3", "Кружок робототехники", "CLUB", null, "t1"),
                new GroupRec("gr4", "Английский, группа 1", "ELECTIVE", null), new GroupRec("gr5", "Хор; ансамбль", "CLUB", null));
        List<GroupMember> members = List.of(
                new GroupMember("gr1", "s1", LocalDate.of(2026, 9, 1), null),
                new GroupMember("gr3", "s1", LocalDate.of(2026, 9, 1), null),
                new GroupMember("gr2", "s3", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1)), // left in October
                new GroupMember("gr1", "s3", LocalDate.of(2026, 10, 2), null),
                new GroupMember("gr4", "s2", LocalDate.of(2026, 9, 1), null),
                new GroupMember("gr3", "s2", LocalDate.of(2026, 9, 1), null),
                new GroupMember("gr5", "s4", LocalDate.of(2026, 9, 1), null));
        return new RosterExport(base.schoolId(), base.schoolName(), base.academicYear(), base.classes(), base.students(),
                base.guardians(), base.staff(), base.enrolments(), base.guardianships(), groups, members);
    }

    @Test
    void staffFileCarriesTheGroupsTaught() {
        String staff = NativeCsvExport.staff(withGroups());
        assertTrue(staff.lines().findFirst().orElseThrow().endsWith(";Классный руководитель;Группы"), staff);
        NativeCsv.Parsed p = NativeCsv.parse("staff.csv", staff.getBytes(StandardCharsets.UTF_8));
        assertEquals(NativeCsv.Kind.STAFF, p.kind());
        assertTrue(p.groupsColumn());
        Map<String, List<String>> taught = new java.util.HashMap<>();
        p.staff().forEach(r -> taught.put(r.code(), r.groups()));
        assertEquals(Map.of("T-001", List.of("Кружок робототехники"), "T-002", List.of(), "t3", List.of("5А англ. 1", "5А англ. 2")),
                taught);
        // A staff file without the column leaves groups alone; a bad name is refused with its row.
        assertFalse(NativeCsv.parse("staff.csv", NativeCsvExport.staff(RosterExportFixture.school()).replace(";Группы", "")
                .getBytes(StandardCharsets.UTF_8)).groupsColumn());
        ProblemException e = assertThrows(ProblemException.class, () -> NativeCsv.parse("staff.csv",
                ("Код;Фамилия;Имя;Должность;Группы\nT1;Белова;Ирина;учитель;---\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("staff.csv:2:Группы"), e.violations().stream().map(Violation::field).toList());
    }

    @Test
    void exportWritesTheOpenGroupsAndTheImportReadsThemBack() {
        String csv = NativeCsvExport.students(withGroups());
        assertTrue(csv.startsWith(String.join(";", NativeCsvExport.STUDENT_HEADER) + "\n"));
        assertTrue(csv.contains(";\"5А англ. 1; Кружок робототехники\"\n"), csv);
        assertTrue(csv.contains(";\"Английский, группа 1; Кружок робототехники\"\n"), csv);
        for (NativeCsv.Parsed p : List.of(parse(csv), NativeCsv.parse("students.xlsx", NativeCsvExport.studentsXlsx(withGroups())))) {
            assertTrue(p.groupsColumn());
            assertEquals(List.of("5А англ. 1", "Кружок робототехники"), groupsOf(p, "S-001"));
            assertEquals(List.of("Английский, группа 1", "Кружок робототехники"), groupsOf(p, "S-002"));
            assertEquals(List.of("5А англ. 1"), groupsOf(p, "S-003"), "the closed membership is history, not written");
            assertEquals(List.of(), groupsOf(p, "S-004"), "a name with «;» cannot be written in the cell");
            assertEquals(RosterExportFixture.EXPECTED_STUDENTS, RosterExportFixture.students(p));
        }
    }

    @Test
    void aSingleNameWithACommaGetsASemicolonSoItIsNotSplit() {
        assertEquals("Английский, группа 1;", NativeCsvExport.groupsCell(List.of("Английский, группа 1")));
        assertEquals(List.of("Английский, группа 1"), NativeCsv.splitGroups(NativeCsvExport.groupsCell(List.of("Английский, группа 1"))));
        assertEquals("А; Б", NativeCsvExport.groupsCell(List.of("А", "Б")));
        assertEquals("", NativeCsvExport.groupsCell(List.of()));
    }
}
