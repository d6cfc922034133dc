package org.zhurnal.roster.internal.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.zhurnal.roster.internal.importer.RosterExport.ClassRec;
import org.zhurnal.roster.internal.importer.RosterExport.Enrolment;
import org.zhurnal.roster.internal.importer.RosterExport.Link;
import org.zhurnal.roster.internal.importer.RosterExport.PersonRec;

/** A small school shared by the exporter tests, and content views of parsed rows that ignore line numbers. */
final class RosterExportFixture {
    private RosterExportFixture() {}

    static PersonRec student(String id, String ext, String last, String first, String middle, LocalDate birth, String sex,
            LocalDate admission) {
        return new PersonRec(id, ext, last, first, middle, birth, sex, admission, null, null, null, null, false);
    }

    static PersonRec guardian(String id, String ext, String last, String first, String middle, String sex, String phone,
            String email, boolean noAccess) {
        return new PersonRec(id, ext, last, first, middle, null, sex, null, null, null, phone, email, noAccess);
    }

    static PersonRec staff(String id, String ext, String last, String first, String middle, String sex, String positions,
            String subjects, String phone, String email) {
        return new PersonRec(id, ext, last, first, middle, null, sex, null, positions, subjects, phone, email, false);
    }

    /**
     * 2026/2027: 5А (class teacher Соколова) and 5Б. Пётр (5А) has a mother and a father, his sister Дарья (5Б)
     * shares the mother, Артём (5А) has a legal guardian without electronic access, Алиса moved from 5А to 5Б in
     * October and has no guardian. Staff: a teacher with "Химия; Биология", the director, and a deputy without
     * an external id.
     */
    static RosterExport school() {
        List<ClassRec> classes = List.of(new ClassRec("c5a", 5, "А", "t1"), new ClassRec("c5b", 5, "Б", null));
        List<PersonRec> students = List.of(
                student("s1", "S-001", "Иванов", "Пётр", "Сергеевич", LocalDate.of(2015, 3, 14), "M", LocalDate.of(2022, 9, 1)),
                student("s2", "S-002", "Иванова", "Дарья", "Сергеевна", LocalDate.of(2014, 11, 2), "F", LocalDate.of(2021, 9, 1)),
                student("s3", "S-003", "Кузнецов", "Артём", null, LocalDate.of(2015, 7, 1), "M", null),
                student("s4", "S-004", "Смирнова", "Алиса", "Андреевна", LocalDate.of(2015, 1, 20), "F", LocalDate.of(2026, 10, 15)));
        List<PersonRec> guardians = List.of(
                guardian("g1", "G-001", "Иванова", "Мария", "Ивановна", "F", "+7 912 345-67-89", "m.ivanova@example.org", false),
                guardian("g2", "G-002", "Иванов", "Сергей", "Петрович", "M", "+7 913 111-22-33", null, false),
                guardian("g3", null, "Кузнецова", "Валентина", "Павловна", "F", "+7 914 000-11-22", null, true));
        List<PersonRec> staff = List.of(
                staff("t1", "T-001", "Соколова", "Анна", "Петровна", "F", "учитель", "Химия; Биология", "+7 915 555-44-33",
                        "sokolova.ap@example.org"),
                staff("t2", "T-002", "Морозов", "Игорь", "Викторович", "M", "директор", null, null, "director@example.org"),
                staff("t3", null, "Белова", "Ольга", "Николаевна", "F", "заместитель директора по УВР, учитель",
                        "Математика \"профиль\"", null, null));
        List<Enrolment> enrolments = List.of(
                new Enrolment("s1", "c5a", LocalDate.of(2026, 9, 1), null),
                new Enrolment("s2", "c5b", LocalDate.of(2026, 9, 1), null),
                new Enrolment("s3", "c5a", LocalDate.of(2026, 9, 1), null),
                new Enrolment("s4", "c5a", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 14)),
                new Enrolment("s4", "c5b", LocalDate.of(2026, 10, 15), null));
        List<Link> links = List.of(
                new Link("g2", "s1", "FATHER"), // listed before the mother: the export puts the mother first
                new Link("g1", "s1", "MOTHER"),
                new Link("g1", "s2", "MOTHER"),
                new Link("g3", "s3", "GUARDIAN"));
        return new RosterExport("sch-1", "МБОУ «Школа № 1»", 2026, classes, students, guardians, staff, enrolments, links);
    }

    /** What any importer must read from {@link #school()}: students (sorted by code). */
    static final List<String> EXPECTED_STUDENTS = List.of(
            "S-001|Иванов|Пётр|Сергеевич|2015-03-14|M|5А|2022-09-01|G-001:MOTHER,G-002:FATHER",
            "S-002|Иванова|Дарья|Сергеевна|2014-11-02|F|5Б|2021-09-01|G-001:MOTHER",
            "S-003|Кузнецов|Артём|null|2015-07-01|M|5А|null|g3:GUARDIAN",
            "S-004|Смирнова|Алиса|Андреевна|2015-01-20|F|5Б|2026-10-15|");

    static final List<String> EXPECTED_GUARDIANS = List.of(
            "G-001|Иванова|Мария|Ивановна|+7 912 345-67-89|m.ivanova@example.org|false",
            "G-002|Иванов|Сергей|Петрович|+7 913 111-22-33|null|false",
            "g3|Кузнецова|Валентина|Павловна|+7 914 000-11-22|null|true");

    static final List<String> EXPECTED_STAFF = List.of(
            "T-001|Соколова|Анна|Петровна|учитель|Химия; Биология|+7 915 555-44-33|sokolova.ap@example.org|5А",
            "T-002|Морозов|Игорь|Викторович|директор|null|null|director@example.org|null",
            "t3|Белова|Ольга|Николаевна|заместитель директора по УВР, учитель|Математика \"профиль\"|null|null|null");

    static List<String> students(NativeCsv.Parsed p) {
        return p.students().stream().sorted(Comparator.comparing(NativeCsv.StudentRow::code))
                .map(s -> String.join("|", s.code(), s.lastName(), s.firstName(), String.valueOf(s.middleName()),
                        String.valueOf(s.birthDate()), s.sex(), s.grade() + s.letter(), String.valueOf(s.admissionDate()),
                        String.join(",", s.guardians().stream().map(g -> g[0] + ":" + g[1]).toList())))
                .toList();
    }

    static List<String> guardians(NativeCsv.Parsed p) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, NativeCsv.GuardianRow> e : p.guardians().entrySet()) {
            NativeCsv.GuardianRow g = e.getValue();
            if (!e.getKey().equals(g.code())) {
                throw new AssertionError("guardian map key " + e.getKey() + " != code " + g.code());
            }
            out.add(String.join("|", g.code(), g.lastName(), g.firstName(), String.valueOf(g.middleName()),
                    String.valueOf(g.phone()), String.valueOf(g.email()), String.valueOf(g.noElectronicAccess())));
        }
        return out.stream().sorted().toList();
    }

    static List<String> staff(NativeCsv.Parsed p) {
        return p.staff().stream().sorted(Comparator.comparing(NativeCsv.StaffRow::code))
                .map(s -> String.join("|", s.code(), s.lastName(), s.firstName(), String.valueOf(s.middleName()),
                        s.positions(), String.valueOf(s.subjects()), String.valueOf(s.phone()), String.valueOf(s.email()),
                        String.valueOf(s.classTeacherOf())))
                .toList();
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
