package org.zhurnal.roster.internal.importer;

import org.zhurnal.sheets.api.Sheets;
import org.zhurnal.sheets.api.Table;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.zhurnal.roster.internal.demo.DemoRosterGenerator;
import org.zhurnal.roster.internal.importer.RosterExport.ClassRec;
import org.zhurnal.roster.internal.importer.RosterExport.Enrolment;
import org.zhurnal.roster.internal.importer.RosterExport.Link;
import org.zhurnal.roster.internal.importer.RosterExport.PersonRec;

/**
 * Writes a {@link RosterExport} in the native roster template that {@link NativeCsv#parse} reads: the
 * headers of {@link #STUDENT_HEADER} and {@link #STAFF_HEADER} (the demo generator's columns and «Группы»),
 * {@code ';'} as separator, UTF-8 text without BOM (the caller encodes it), every line ending in
 * {@code '\n'}, a field quoted only when it contains {@code ';'}, {@code '"'} or a line break, dates as
 * {@code dd.MM.yyyy}.
 *
 * <p>What the template cannot carry, and therefore is not written:
 * <ul>
 * <li>A row has room for two guardians. They are taken in the order MOTHER, FATHER, then GUARDIAN and
 * OTHER (in snapshot order within a relation); <b>a third and further guardian of a student is left
 * out</b>.</li>
 * <li>A student without an open enrolment ({@code to == null}) in one of the snapshot's classes has no
 * class and is left out (the template requires «Класс»); closed enrolments (history) are not written.</li>
 * <li>Students' own phone, e-mail and access flag; guardians' birth date and sex; staff members' access
 * flag (the template has no columns for them).</li>
 * <li>A staff member leading more than one class: only the first class (by grade and letter) is written
 * in «Классный руководитель».</li>
 * <li>«Группы» lists the groups of the year in which the student's membership is open, by name (ignoring case),
 * separated by «; ». A single name containing a comma gets a trailing «;», so that the import splits at «;» and not at
 * the comma. A group whose name contains «;» cannot be written in the cell and is left out. A group's class where the
 * name does not begin with it is not written: an import infers it as {@link NativeCsv#groupKind} says. The staff
 * file's «Группы» lists the groups each staff member teaches, in the same way.</li>
 * <li>A guardian's full name is written as «Фамилия Имя Отчество» in one cell and split at spaces on
 * import, so a surname or first name containing a space does not survive the round trip.</li>
 * </ul>
 *
 * <p>«Код» is the person's external id, or the roster id when there is none; the same holds for
 * «Код представителя».
 */
public final class NativeCsvExport {
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.ROOT);
    private static final List<String> RELATION_ORDER = List.of("MOTHER", "FATHER", "GUARDIAN", "OTHER");
    private static final Map<String, String> RELATION_WORDS = Map.of("MOTHER", "мать", "FATHER", "отец",
            "GUARDIAN", "опекун", "OTHER", "другое");

    /** Header of the students file: the columns of {@link DemoRosterGenerator#STUDENT_HEADER}, then «Группы». */
    public static final String[] STUDENT_HEADER = withGroups(DemoRosterGenerator.STUDENT_HEADER);

    /** Header of the staff file: the columns of {@link DemoRosterGenerator#STAFF_HEADER}, then «Группы» (the groups taught). */
    public static final String[] STAFF_HEADER = withGroups(DemoRosterGenerator.STAFF_HEADER);

    /** The order group names are written in: ignoring case, then as written. */
    static final Comparator<String> GROUP_NAME_ORDER = Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private NativeCsvExport() {}

    private static String[] withGroups(String[] header) {
        String[] h = java.util.Arrays.copyOf(header, header.length + 1);
        h[header.length] = NativeCsv.GROUPS;
        return h;
    }

    /** @return the students file: one row per student with a class this year, with up to two guardians */
    public static String students(RosterExport e) {
        return csv(STUDENT_HEADER, studentRows(e));
    }

    /** @return the staff file; «Классный руководитель» is the class the person leads, if any */
    public static String staff(RosterExport e) {
        return csv(STAFF_HEADER, staffRows(e));
    }

    /** @return the students file as an XLSX workbook (dates as dates), which the import reads back as it reads the CSV */
    public static byte[] studentsXlsx(RosterExport e) {
        return Sheets.xlsx(new Table("Ученики", List.of(STUDENT_HEADER), studentRows(e)));
    }

    /** @return the staff file as an XLSX workbook */
    public static byte[] staffXlsx(RosterExport e) {
        return Sheets.xlsx(new Table("Сотрудники", List.of(STAFF_HEADER), staffRows(e)));
    }

    static List<List<Object>> studentRows(RosterExport e) {
        Index index = new Index(e);
        List<List<Object>> rows = new ArrayList<>();
        for (PersonRec s : e.students()) {
            ClassRec cls = index.currentClass(s.id());
            if (cls == null) {
                continue;
            }
            List<Object> f = new ArrayList<>(List.of(s.code(), str(s.lastName()), str(s.firstName()), str(s.middleName())));
            f.add(s.birthDate());
            f.add(sex(s.sex()));
            f.add(cls.name());
            f.add(s.admissionDate());
            List<Link> links = index.guardiansOf(s.id());
            for (int n = 0; n < 2; n++) {
                if (n >= links.size()) {
                    f.addAll(List.of("", "", "", "", "", ""));
                    continue;
                }
                PersonRec g = index.guardians.get(links.get(n).guardianId());
                f.addAll(List.of(g.code(), g.fullName(), RELATION_WORDS.getOrDefault(links.get(n).relation(), "другое"),
                        str(g.phone()), str(g.email()), g.noElectronicAccess() ? "да" : "нет"));
            }
            f.add(groupsCell(index.groupsOf(s.id())));
            rows.add(f);
        }
        return rows;
    }

    static List<List<Object>> staffRows(RosterExport e) {
        Map<String, String> leads = new HashMap<>();
        e.classes().stream().sorted(CLASS_ORDER).filter(c -> c.classTeacherId() != null)
                .forEach(c -> leads.putIfAbsent(c.classTeacherId(), c.name()));
        Map<String, List<String>> teaches = new HashMap<>();
        for (RosterExport.GroupRec g : e.groups()) {
            if (g.teacherId() != null) {
                teaches.computeIfAbsent(g.teacherId(), k -> new ArrayList<>()).add(g.name());
            }
        }
        teaches.values().forEach(list -> list.sort(GROUP_NAME_ORDER));
        List<List<Object>> rows = new ArrayList<>();
        for (PersonRec p : e.staff()) {
            rows.add(List.of(p.code(), str(p.lastName()), str(p.firstName()), str(p.middleName()), str(p.positions()),
                    str(p.subjects()), str(p.phone()), str(p.email()), leads.getOrDefault(p.id(), ""),
                    groupsCell(teaches.getOrDefault(p.id(), List.of()))));
        }
        return rows;
    }

    private static String csv(String[] header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        row(out, List.of(header));
        for (List<Object> r : rows) {
            List<String> fields = new ArrayList<>(r.size());
            for (Object cell : r) {
                fields.add(cell instanceof LocalDate d ? date(d) : cell == null ? "" : cell.toString());
            }
            row(out, fields);
        }
        return out.toString();
    }

    /** @return the «Группы» cell for these group names (see the class comment) */
    static String groupsCell(List<String> names) {
        List<String> writable = names.stream().filter(n -> n.indexOf(';') < 0).toList();
        String cell = String.join("; ", writable);
        return writable.size() == 1 && cell.indexOf(',') >= 0 ? cell + ";" : cell;
    }

    static final Comparator<ClassRec> CLASS_ORDER = Comparator.comparingInt(ClassRec::grade)
            .thenComparing(ClassRec::letter, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Look-ups over one snapshot, built once per export. */
    static final class Index {
        final Map<String, ClassRec> classes = new HashMap<>();
        final Map<String, PersonRec> students;
        final Map<String, PersonRec> guardians;
        private final Map<String, Enrolment> open = new HashMap<>();
        private final Map<String, List<Link>> links = new HashMap<>();
        private final Map<String, List<String>> groups = new HashMap<>();

        Index(RosterExport e) {
            e.classes().forEach(c -> classes.putIfAbsent(c.id(), c));
            students = byId(e.students());
            guardians = byId(e.guardians());
            for (Enrolment en : e.enrolments()) {
                if (en.to() != null || !classes.containsKey(en.classId())) {
                    continue;
                }
                // Several open enrolments: the one that began last.
                open.merge(en.studentId(), en, (a, b) -> b.from() != null && (a.from() == null || !b.from().isBefore(a.from()))
                        ? b : a);
            }
            for (Link l : e.guardianships()) {
                if (guardians.containsKey(l.guardianId()) && students.containsKey(l.studentId())) {
                    links.computeIfAbsent(l.studentId(), k -> new ArrayList<>()).add(l);
                }
            }
            links.values().forEach(list -> list.sort(Comparator.comparingInt(l -> relationRank(l.relation()))));
            Map<String, RosterExport.GroupRec> groupById = new HashMap<>();
            e.groups().forEach(g -> groupById.putIfAbsent(g.id(), g));
            for (RosterExport.GroupMember m : e.groupMembers()) {
                RosterExport.GroupRec g = groupById.get(m.groupId());
                if (m.to() == null && g != null) {
                    List<String> names = groups.computeIfAbsent(m.studentId(), k -> new ArrayList<>());
                    if (names.stream().noneMatch(n -> NativeCsv.groupKey(n).equals(NativeCsv.groupKey(g.name())))) {
                        names.add(g.name());
                    }
                }
            }
            groups.values().forEach(list -> list.sort(GROUP_NAME_ORDER));
        }

        /** The names of the groups the student is a member of now, sorted. */
        List<String> groupsOf(String studentId) {
            return groups.getOrDefault(studentId, List.of());
        }

        /** The class of the student's open enrolment in one of the snapshot's classes, or {@code null}. */
        ClassRec currentClass(String studentId) {
            Enrolment en = open.get(studentId);
            return en == null ? null : classes.get(en.classId());
        }

        /**
         * The student's guardianships (with guardians of the snapshot) ordered MOTHER, FATHER, GUARDIAN, OTHER,
         * stable within a relation.
         */
        List<Link> guardiansOf(String studentId) {
            return links.getOrDefault(studentId, List.of());
        }
    }

    static int relationRank(String relation) {
        int i = RELATION_ORDER.indexOf(relation);
        return i < 0 ? RELATION_ORDER.size() : i;
    }

    static <T extends PersonRec> Map<String, PersonRec> byId(List<T> people) {
        return people.stream().collect(Collectors.toMap(PersonRec::id, Function.identity(), (a, b) -> a));
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : RU_DATE.format(d);
    }

    private static String sex(String sex) {
        if ("M".equals(sex)) {
            return "М";
        }
        return "F".equals(sex) ? "Ж" : "";
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(escape(fields.get(i)));
        }
        out.append('\n');
    }

    /** Quotes a field only when it contains ';', '"' or a line break; quotes inside are doubled. */
    static String escape(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
