package org.zhurnal.roster.internal.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhurnal.roster.internal.demo.DemoRosterGenerator;
import org.zhurnal.roster.internal.importer.RosterExport.Enrolment;
import org.zhurnal.roster.internal.importer.RosterExport.Link;

class NativeCsvExportTest {

    private static NativeCsv.Parsed parse(String text) {
        return NativeCsv.parse("x.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void studentsRoundTripThroughTheNativeParser() {
        NativeCsv.Parsed p = parse(NativeCsvExport.students(RosterExportFixture.school()));
        assertEquals(NativeCsv.Kind.STUDENTS, p.kind());
        assertEquals(4, p.rows());
        assertEquals(RosterExportFixture.EXPECTED_STUDENTS, RosterExportFixture.students(p));
        assertEquals(RosterExportFixture.EXPECTED_GUARDIANS, RosterExportFixture.guardians(p));
    }

    @Test
    void staffRoundTripsThroughTheNativeParser() {
        NativeCsv.Parsed p = parse(NativeCsvExport.staff(RosterExportFixture.school()));
        assertEquals(NativeCsv.Kind.STAFF, p.kind());
        assertEquals(RosterExportFixture.EXPECTED_STAFF, RosterExportFixture.staff(p));
    }

    @Test
    void xlsxExportsRoundTripThroughTheNativeParserLikeCsv() {
        NativeCsv.Parsed students = NativeCsv.parse("students.xlsx", NativeCsvExport.studentsXlsx(RosterExportFixture.school()));
        assertEquals(NativeCsv.Kind.STUDENTS, students.kind());
        assertEquals(RosterExportFixture.EXPECTED_STUDENTS, RosterExportFixture.students(students));
        assertEquals(RosterExportFixture.EXPECTED_GUARDIANS, RosterExportFixture.guardians(students));
        NativeCsv.Parsed staff = NativeCsv.parse("staff.xlsx", NativeCsvExport.staffXlsx(RosterExportFixture.school()));
        assertEquals(RosterExportFixture.EXPECTED_STAFF, RosterExportFixture.staff(staff));
    }

    @Test
    void xlsxErrorsNameTheWorksheetRowEvenAfterEmptyRows() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("T-001", "Соколова", "Анна", "", "учитель"));
        rows.add(List.of()); // an empty row 3 in the worksheet
        rows.add(List.of("T-002", "", "Игорь", "", "директор")); // row 4: no surname
        byte[] xlsx = org.zhurnal.sheets.api.Sheets.xlsx(new org.zhurnal.sheets.api.Table("Сотрудники",
                List.of(DemoRosterGenerator.STAFF_HEADER), rows));
        org.zhurnal.core.api.ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(org.zhurnal.core.api.ProblemException.class,
                () -> NativeCsv.parse("staff.xlsx", xlsx));
        assertEquals(400, e.status());
        assertEquals(List.of("staff.xlsx:4:Фамилия"), e.violations().stream().map(org.zhurnal.core.api.Violation::field).toList());
    }

    @Test
    void aBrokenWorkbookIsAProblemWithTheFile() {
        byte[] broken = java.util.Arrays.copyOf(NativeCsvExport.staffXlsx(RosterExportFixture.school()), 300);
        org.zhurnal.core.api.ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(org.zhurnal.core.api.ProblemException.class,
                () -> NativeCsv.parse("staff.xlsx", broken));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("staff.xlsx") || String.valueOf(e.violations()).contains("staff.xlsx"), e.getMessage());
    }

    @Test
    void writesTheTemplateFormat() {
        String students = NativeCsvExport.students(RosterExportFixture.school());
        String[] lines = students.split("\n", -1);
        assertEquals(String.join(";", DemoRosterGenerator.STUDENT_HEADER) + ";Группы", lines[0]);
        assertTrue(students.endsWith("\n"));
        assertEquals(6, lines.length, "header, four students, empty string after the last line end");
        assertEquals("S-001;Иванов;Пётр;Сергеевич;14.03.2015;М;5А;01.09.2022;G-001;Иванова Мария Ивановна;мать;"
                + "+7 912 345-67-89;m.ivanova@example.org;нет;G-002;Иванов Сергей Петрович;отец;+7 913 111-22-33;;нет;", lines[1]);
        assertEquals("S-003;Кузнецов;Артём;;01.07.2015;М;5А;;g3;Кузнецова Валентина Павловна;опекун;+7 914 000-11-22;;да;;;;;;;",
                lines[3]);
        assertEquals("S-004;Смирнова;Алиса;Андреевна;20.01.2015;Ж;5Б;15.10.2026;;;;;;;;;;;;;", lines[4]);
        assertFalse(students.contains("\""), "nothing in the students file needs quoting");

        String staff = NativeCsvExport.staff(RosterExportFixture.school());
        List<String> staffLines = staff.lines().toList();
        assertEquals(String.join(";", DemoRosterGenerator.STAFF_HEADER) + ";Группы", staffLines.get(0));
        assertEquals("T-001;Соколова;Анна;Петровна;учитель;\"Химия; Биология\";+7 915 555-44-33;sokolova.ap@example.org;5А;",
                staffLines.get(1));
        assertEquals("T-002;Морозов;Игорь;Викторович;директор;;;director@example.org;;", staffLines.get(2));
        assertEquals("t3;Белова;Ольга;Николаевна;заместитель директора по УВР, учитель;\"Математика \"\"профиль\"\"\";;;;",
                staffLines.get(3));
    }

    @Test
    void atMostTwoGuardiansMotherAndFatherFirst() {
        RosterExport base = RosterExportFixture.school();
        List<Link> links = new ArrayList<>();
        links.add(new Link("g3", "s1", "OTHER")); // a third guardian of Пётр, listed first
        links.addAll(base.guardianships());
        links.add(new Link("g3", "s2", "OTHER"));
        RosterExport e = new RosterExport(base.schoolId(), base.schoolName(), base.academicYear(), base.classes(),
                base.students(), base.guardians(), base.staff(), base.enrolments(), links);
        NativeCsv.Parsed p = parse(NativeCsvExport.students(e));
        List<String> rows = RosterExportFixture.students(p);
        assertEquals(RosterExportFixture.EXPECTED_STUDENTS.get(0), rows.get(0), "the third guardian (OTHER) is left out");
        assertTrue(rows.get(1).endsWith("|G-001:MOTHER,g3:OTHER"), rows.get(1));
        assertTrue(NativeCsvExport.students(e).contains(";g3;Кузнецова Валентина Павловна;другое;"));
    }

    @Test
    void studentWithoutAnOpenEnrolmentIsLeftOut() {
        RosterExport base = RosterExportFixture.school();
        List<Enrolment> enrolments = new ArrayList<>(base.enrolments());
        enrolments.removeIf(en -> en.studentId().equals("s2"));
        enrolments.add(new Enrolment("s2", "c5b", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 20)));
        RosterExport e = new RosterExport(base.schoolId(), base.schoolName(), base.academicYear(), base.classes(),
                base.students(), base.guardians(), base.staff(), enrolments, base.guardianships());
        NativeCsv.Parsed p = parse(NativeCsvExport.students(e));
        assertEquals(3, p.rows());
        assertTrue(RosterExportFixture.students(p).stream().noneMatch(s -> s.startsWith("S-002|")));
    }
}
