package org.zhurnal.report.summary.internal;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.gradebook.api.AbsenceCode;
import org.zhurnal.gradebook.api.Attendance;
import org.zhurnal.gradebook.api.FinalGrade;
import org.zhurnal.roster.api.ClassMember;
import org.zhurnal.roster.api.Membership;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.Lesson;

/**
 * The content of the summary sheet, computed from what the query services answered (no service calls here, so it
 * is unit-tested on its own). A student appears once per class they belonged to in the year; when they changed
 * class, each class shows the grades and absences of its own time: a period grade goes to the class the student was
 * in at the end of that period (or last, within it), year, exam and final grades to the student's last class of the
 * year, an absence to the class of its date.
 */
final class SummarySheet {
    static final Collator RU = Collator.getInstance(Locale.forLanguageTag("ru"));

    private SummarySheet() {
    }

    /** A student's grades in one subject; a {@code null} value is no confirmed grade. */
    record SubjectGrades(List<String> periods, String year, String exam, String fin) {
        boolean isEmpty() {
            return year == null && exam == null && fin == null && periods.stream().allMatch(p -> p == null);
        }
    }

    /** Lessons missed in the year, of them for illness, excused and unexcused (lateness is not a missed lesson). */
    record Absences(int missed, int illness, int excused, int unexcused) {
    }

    /** One student of a class. */
    record Line(String studentId, String name, Map<String, SubjectGrades> grades, Absences absences) {
    }

    /**
     * One class's sheet.
     *
     * @param periods the class's reporting periods (of its grade), by start
     * @param subjects the subjects taught to the class in the year plus any with a confirmed grade, alphabetically
     */
    record ClassSheet(SchoolClass schoolClass, List<ReportingPeriod> periods, List<String> subjects, List<Line> lines) {
    }

    /**
     * @param classes the classes to show, in order
     * @param periodsOfGrade the reporting periods of a grade in the year
     * @param members the class memberships of the school overlapping the year (others' classes are ignored)
     * @param lessons the lessons of the year (class lessons carry the class, group lessons the group)
     * @param classOfGroup the class of each group of the school (a group of no class is absent)
     * @param finals the confirmed grades of the year
     * @param attendance the attendance records of the year
     * @param yearEnd the last day of the year (an open membership ends there)
     */
    static List<ClassSheet> build(List<SchoolClass> classes, Function<Integer, List<ReportingPeriod>> periodsOfGrade, List<ClassMember> members,
            Collection<Lesson> lessons, Map<String, String> classOfGroup, List<FinalGrade> finals, List<Attendance> attendance,
            LocalDate yearEnd) {
        Map<String, SchoolClass> byId = new LinkedHashMap<>();
        classes.forEach(c -> byId.put(c.id(), c));
        // Memberships per student, in this report's classes only.
        Map<String, List<Membership>> membershipsOf = new HashMap<>();
        Map<String, Person> students = new HashMap<>();
        for (ClassMember m : members) {
            if (byId.containsKey(m.membership().classId())) {
                membershipsOf.computeIfAbsent(m.student().id(), k -> new ArrayList<>()).add(m.membership());
                students.putIfAbsent(m.student().id(), m.student());
            }
        }
        Map<String, Set<String>> subjects = new HashMap<>();
        for (Lesson l : lessons) {
            String c = l.classId() != null ? l.classId() : classOfGroup.get(l.groupId());
            if (c != null && byId.containsKey(c) && !l.cancelled()) {
                // A plain set here (tens of thousands of lessons); sorted by the collator once per class below.
                subjects.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(l.subject());
            }
        }
        Map<Integer, List<ReportingPeriod>> periods = new HashMap<>();
        Map<String, ReportingPeriod> periodById = new HashMap<>();
        for (SchoolClass c : classes) {
            periods.computeIfAbsent(c.grade(), g -> List.copyOf(periodsOfGrade.apply(g))).forEach(p -> periodById.put(p.id(), p));
        }
        // grades[classId][studentId][subject] = {periodId → value, YEAR, EXAM, FINAL}
        Map<String, Map<String, Map<String, Map<String, String>>>> grades = new HashMap<>();
        for (FinalGrade f : finals) {
            List<Membership> ms = membershipsOf.get(f.studentId());
            if (ms == null) {
                continue;
            }
            LocalDate at;
            String key;
            if (FinalGrade.PERIOD.equals(f.kind())) {
                ReportingPeriod p = periodById.get(f.periodId());
                if (p == null) {
                    continue;
                }
                at = lastIn(ms, p.start(), p.end(), yearEnd);
                key = p.id();
            } else {
                at = lastIn(ms, LocalDate.MIN, yearEnd, yearEnd);
                key = f.kind();
            }
            String c = classOn(ms, at);
            if (c != null) {
                grades.computeIfAbsent(c, k -> new HashMap<>()).computeIfAbsent(f.studentId(), k -> new HashMap<>())
                        .computeIfAbsent(f.subject(), k -> new HashMap<>()).put(key, f.value());
                subjects.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(f.subject());
            }
        }
        // absences[classId][studentId] = {illness, excused, unexcused}
        Map<String, Map<String, int[]>> absences = new HashMap<>();
        for (Attendance a : attendance) {
            List<Membership> ms = membershipsOf.get(a.studentId());
            if (ms == null || AbsenceCode.LATE.equals(a.category())) {
                continue;
            }
            String c = classOn(ms, a.lessonDate());
            if (c == null) {
                continue;
            }
            int[] n = absences.computeIfAbsent(c, k -> new HashMap<>()).computeIfAbsent(a.studentId(), k -> new int[3]);
            switch (a.category()) {
                case AbsenceCode.ILLNESS -> n[0]++;
                case AbsenceCode.EXCUSED -> n[1]++;
                default -> n[2]++;
            }
        }
        Comparator<Person> byName = byName(students.values());
        Map<String, List<Person>> inClass = new HashMap<>();
        students.values().stream().sorted(byName).forEach(p -> membershipsOf.get(p.id()).stream().map(Membership::classId).distinct()
                .forEach(c -> inClass.computeIfAbsent(c, k -> new ArrayList<>()).add(p)));
        List<ClassSheet> out = new ArrayList<>();
        for (SchoolClass c : classes) {
            List<ReportingPeriod> ps = periods.get(c.grade());
            TreeSet<String> sorted = new TreeSet<>(RU);
            sorted.addAll(subjects.getOrDefault(c.id(), Set.of()));
            List<String> subs = List.copyOf(sorted);
            List<Person> in = inClass.getOrDefault(c.id(), List.of());
            List<Line> lines = new ArrayList<>();
            for (Person s : in) {
                Map<String, Map<String, String>> mine = grades.getOrDefault(c.id(), Map.of()).getOrDefault(s.id(), Map.of());
                Map<String, SubjectGrades> row = new LinkedHashMap<>();
                for (String subject : subs) {
                    Map<String, String> g = mine.getOrDefault(subject, Map.of());
                    List<String> pv = new ArrayList<>();
                    ps.forEach(p -> pv.add(g.get(p.id())));
                    row.put(subject, new SubjectGrades(java.util.Collections.unmodifiableList(pv), g.get(FinalGrade.YEAR), g.get(FinalGrade.EXAM),
                            g.get(FinalGrade.FINAL)));
                }
                int[] n = absences.getOrDefault(c.id(), Map.of()).getOrDefault(s.id(), new int[3]);
                lines.add(new Line(s.id(), name(s), row, new Absences(n[0] + n[1] + n[2], n[0], n[1], n[2])));
            }
            out.add(new ClassSheet(c, ps, subs, lines));
        }
        return out;
    }

    /** @return «Фамилия Имя Отчество» */
    static String name(Person p) {
        return p.fullName();
    }

    /** @return the last day within {@code from}..{@code to} on which the student is in one of the memberships, or {@code null} */
    static LocalDate lastIn(List<Membership> ms, LocalDate from, LocalDate to, LocalDate yearEnd) {
        LocalDate best = null;
        for (Membership m : ms) {
            LocalDate end = m.validTo() == null ? yearEnd : m.validTo();
            if (end.isAfter(to)) {
                end = to;
            }
            if (!end.isBefore(from) && !end.isBefore(m.validFrom()) && (best == null || end.isAfter(best))) {
                best = end;
            }
        }
        return best;
    }

    /** @return the class of the membership valid on {@code date} ({@code null} date or none: {@code null}) */
    static String classOn(List<Membership> ms, LocalDate date) {
        if (date == null) {
            return null;
        }
        for (Membership m : ms) {
            if (m.validOn(date)) {
                return m.classId();
            }
        }
        return null;
    }

    /**
     * The journal's order: surname, then given name, then patronymic, each by the Russian collator — «Денисов» before
     * «Денисова». (One key of the three joined would not do: the collator ignores a control character between them, and
     * «ДенисовИван» comes after «ДенисоваАнна».) Collation keys are computed once per student.
     */
    static Comparator<Person> byName(java.util.Collection<Person> people) {
        Map<String, java.text.CollationKey[]> keys = new HashMap<>();
        people.forEach(p -> keys.put(p.id(), new java.text.CollationKey[] { RU.getCollationKey(p.lastName()),
                RU.getCollationKey(p.firstName()), RU.getCollationKey(p.middleName() == null ? "" : p.middleName()) }));
        return Comparator.comparing((Person p) -> keys.get(p.id())[0]).thenComparing(p -> keys.get(p.id())[1])
                .thenComparing(p -> keys.get(p.id())[2]).thenComparing(Person::id);
    }
}
