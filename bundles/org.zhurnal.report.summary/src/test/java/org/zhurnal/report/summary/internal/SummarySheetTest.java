package org.zhurnal.report.summary.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.report.summary.internal.SummarySheet.ClassSheet;
import org.zhurnal.roster.api.ClassMember;
import org.zhurnal.roster.api.Membership;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.sheets.api.Table;
import org.zhurnal.timetable.api.Lesson;

class SummarySheetTest {
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final LocalDate END = LocalDate.of(2027, 5, 31);
    final SchoolClass a = new SchoolClass("a", "s", 2026, 5, "А", null, 2);
    final SchoolClass b = new SchoolClass("b", "s", 2026, 5, "Б", null, 1);
    final ReportingPeriod q1 = new ReportingPeriod("q1", "y", "QUARTERS", 1, "1 четверть", START, LocalDate.of(2026, 10, 31), List.of(5), "OPEN");
    final ReportingPeriod q2 = new ReportingPeriod("q2", "y", "QUARTERS", 2, "2 четверть", LocalDate.of(2026, 11, 8), LocalDate.of(2026, 12, 28),
            List.of(5), "OPEN");

    static Person student(String id, String last, String first) {
        return new Person(id, "s", PersonKind.STUDENT, null, last, first, null, null, null, null, null, null, null, null, false, List.of());
    }

    static Lesson lesson(String classId, String groupId, String subject, LocalDate d, String status) {
        return new Lesson(subject + d + classId + groupId, "e", d, 1, LocalTime.of(8, 30), LocalTime.of(9, 15), subject, classId, groupId, "t", null,
                status, "t", null, 0);
    }

    static FinalGrade grade(String student, String subject, String kind, String period, String value) {
        return new FinalGrade(student + subject + kind + period, "s", student, subject, 2026, kind, period, "fivepoint", value, null, null, "x",
                java.time.Instant.EPOCH);
    }

    static Attendance absence(String student, LocalDate d, String category) {
        return new Attendance("o" + d, d, "Математика", student, "н", category, null);
    }

    List<ClassSheet> build() {
        Person yakov = student("y", "Яковлев", "Яков");
        Person anna = student("n", "Андреева", "Анна");
        Person boris = student("m", "Борисов", "Борис");
        // Boris moves from 5А to 5Б on 1 December.
        List<ClassMember> members = List.of(new ClassMember(yakov, new Membership("y", "a", null, 5, START, null)),
                new ClassMember(anna, new Membership("n", "a", null, 5, START, null)),
                new ClassMember(boris, new Membership("m", "a", null, 5, START, LocalDate.of(2026, 11, 30))),
                new ClassMember(boris, new Membership("m", "b", null, 5, LocalDate.of(2026, 12, 1), null)),
                new ClassMember(student("x", "Чужой", "Ученик"), new Membership("x", "other", null, 6, START, null)));
        List<Lesson> lessons = List.of(lesson("a", null, "Математика", START, Lesson.SCHEDULED), lesson(null, "g", "Английский язык", START,
                Lesson.SCHEDULED), lesson("a", null, "Черчение", START, Lesson.CANCELLED), lesson("b", null, "Музыка", START, Lesson.SCHEDULED));
        List<FinalGrade> finals = List.of(grade("n", "Математика", FinalGrade.PERIOD, "q1", "5"), grade("n", "Математика", FinalGrade.YEAR, null,
                "4"), grade("n", "Физкультура", FinalGrade.FINAL, null, "зачёт"), grade("m", "Математика", FinalGrade.PERIOD, "q1", "3"),
                grade("m", "Математика", FinalGrade.PERIOD, "q2", "4"), grade("m", "Математика", FinalGrade.YEAR, null, "4"),
                grade("x", "Математика", FinalGrade.YEAR, null, "2"));
        List<Attendance> attendance = List.of(absence("n", START, "ILLNESS"), absence("n", START.plusDays(1), "EXCUSED"),
                absence("n", START.plusDays(2), "UNEXCUSED"), absence("n", START.plusDays(3), "LATE"), absence("m", START, "UNEXCUSED"),
                absence("m", LocalDate.of(2026, 12, 2), "ILLNESS"));
        return SummarySheet.build(List.of(a, b), g -> List.of(q1, q2), members, lessons, Map.of("g", "a"), finals, attendance, END);
    }

    @Test
    void studentsBySurnameSubjectsFromTimetableAndGradesAbsencesByCategory() {
        List<ClassSheet> sheets = build();
        ClassSheet fiveA = sheets.get(0);
        assertEquals(List.of("Андреева Анна", "Борисов Борис", "Яковлев Яков"), fiveA.lines().stream().map(SummarySheet.Line::name).toList());
        // Cancelled-only «Черчение» is not taught; «Физкультура» comes from a confirmed grade; the group's lesson counts for its class.
        assertEquals(List.of("Английский язык", "Математика", "Физкультура"), fiveA.subjects());
        SummarySheet.Line anna = fiveA.lines().get(0);
        assertEquals(new SummarySheet.SubjectGrades(java.util.Arrays.asList("5", null), "4", null, null), anna.grades().get("Математика"));
        assertEquals("зачёт", anna.grades().get("Физкультура").fin());
        assertEquals(new SummarySheet.Absences(3, 1, 1, 1), anna.absences());
        assertEquals("5 – | 4 | – | –", SheetLayout.cell(anna.grades().get("Математика")));
        assertEquals("", SheetLayout.cell(anna.grades().get("Английский язык")));
    }

    @Test
    void aStudentWhoChangedClassHasEachClassesShare() {
        List<ClassSheet> sheets = build();
        SummarySheet.Line inA = sheets.get(0).lines().get(1);
        SummarySheet.Line inB = sheets.get(1).lines().get(0);
        assertEquals("Борисов Борис", inB.name());
        assertEquals(java.util.Arrays.asList("3", null), inA.grades().get("Математика").periods());
        assertEquals(null, inA.grades().get("Математика").year());
        assertEquals(List.of("4"), inB.grades().get("Математика").periods().subList(1, 2));
        assertEquals("4", inB.grades().get("Математика").year());
        assertEquals(new SummarySheet.Absences(1, 0, 0, 1), inA.absences());
        assertEquals(new SummarySheet.Absences(1, 1, 0, 0), inB.absences());
        assertEquals(List.of("Математика", "Музыка"), sheets.get(1).subjects());
    }

    @Test
    void theFlatTableHasAColumnPerSubjectAndGradeKindAndUnitesTheClasses() {
        Table t = SheetLayout.table("t", build(), false);
        assertEquals(List.of("Класс", "Ученик", "Английский язык: 1 четверть", "Английский язык: 2 четверть", "Английский язык: год",
                "Английский язык: экзамен", "Английский язык: итоговая"), t.headers().subList(0, 7));
        assertEquals(2 + 4 * 5 + 4, t.headers().size());
        assertEquals(4, t.rows().size());
        List<Object> anna = t.rows().get(0);
        assertEquals("5А", anna.get(0));
        assertEquals("5", anna.get(2 + 5 + 0));
        assertEquals("4", anna.get(2 + 5 + 2));
        assertEquals(List.of(3, 1, 1, 1), anna.subList(22, 26));
        // The PDF splits subjects over parts; attendance only in the last.
        List<SheetLayout.Part> parts = SheetLayout.parts(build().get(0), false);
        assertEquals(1, parts.size());
        assertEquals(2 + 3 + 4, parts.get(0).columns().size());
    }

    @Test
    void studentsAreInTheJournalsOrderSurnameFirst() {
        List<Person> people = new java.util.ArrayList<>(List.of(student("1", "Денисова", "Анна"), student("2", "Денисов", "Иван"),
                student("3", "Сидорова", "Алла"), student("4", "Сидоров", "Пётр"), student("5", "Ёлкин", "Борис"), student("6", "Егоров", "Юрий"),
                student("7", "Денисов", "Андрей")));
        people.sort(SummarySheet.byName(people));
        assertEquals(List.of("Денисов Андрей", "Денисов Иван", "Денисова Анна", "Егоров Юрий", "Ёлкин Борис", "Сидоров Пётр", "Сидорова Алла"),
                people.stream().map(p -> p.lastName() + " " + p.firstName()).toList());
    }
}
