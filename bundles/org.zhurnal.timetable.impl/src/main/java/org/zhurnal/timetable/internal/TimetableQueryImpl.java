package org.zhurnal.timetable.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.bells.api.BellsQuery;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.LessonChange;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.api.TimetableQuery;

/** Lesson occurrences from the template, the calendar and the bells. No authorization here. */
@Component(service = { TimetableQuery.class, TimetableQueryImpl.class })
public class TimetableQueryImpl implements TimetableQuery {
    private final JpaTemplate jpa;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final BellsQuery bells;

    @Activate
    public TimetableQueryImpl(@Reference(target = "(osgi.unit.name=zhurnal-timetable)") JpaTemplate jpa, @Reference RosterQuery roster,
            @Reference CalendarQuery calendar, @Reference BellsQuery bells, @Reference TimetableSchema schema) {
        this.jpa = jpa;
        this.roster = roster;
        this.calendar = calendar;
        this.bells = bells;
    }

    private List<TimetableEntry> load(String field, Set<String> values, LocalDate from, LocalDate to) {
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.overlapping(em, field, values, from, to).stream().map(Mapping::toDTO).toList());
    }

    /** The school's changes in the range, by occurrence id. */
    Map<String, LessonChange> changeMap(String schoolId, LocalDate from, LocalDate to) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, LessonChange> m = new HashMap<>();
            for (var c : Mapping.changes(em, schoolId, from, to)) {
                LessonChange dto = Mapping.toDTO(c);
                m.put(dto.occurrenceId(), dto);
            }
            return m;
        });
    }

    private List<Lesson> compute(String schoolId, List<TimetableEntry> entries, LocalDate from, LocalDate to,
            java.util.function.Function<TimetableEntry, Integer> gradeOf, java.util.function.BiPredicate<TimetableEntry, LocalDate> applies) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return TimetableRules.occurrences(TimetableRules.rangeDays(calendar, schoolId, from, to), bells, schoolId, entries, from, to, gradeOf,
                applies, changeMap(schoolId, from, to));
    }

    /**
     * Grades of the entries' classes and groups, read once per school and academic year (a group without a class
     * follows grade 0: only all-grade days off).
     */
    private java.util.function.Function<TimetableEntry, Integer> grades() {
        Map<String, Map<String, Integer>> classGrades = new HashMap<>();
        Map<String, Map<String, Group>> groupsByYear = new HashMap<>();
        return e -> {
            String key = e.schoolId() + "/" + e.academicYear();
            String classId = e.classId();
            if (classId == null) {
                Group g = groupsByYear.computeIfAbsent(key,
                        k -> roster.groups(e.schoolId(), e.academicYear()).stream().collect(Collectors.toMap(Group::id, x -> x)))
                        .get(e.groupId());
                classId = g == null ? null : g.classId();
            }
            if (classId == null) {
                return 0;
            }
            Integer grade = classGrades.computeIfAbsent(key,
                    k -> roster.classes(e.schoolId(), e.academicYear()).stream().collect(Collectors.toMap(SchoolClass::id, SchoolClass::grade)))
                    .get(classId);
            if (grade == null) {
                // A class of another year than the entry's (not made by this module, but possible in old data).
                grade = roster.schoolClass(classId).map(SchoolClass::grade).orElse(0);
            }
            return grade;
        };
    }

    @Override
    public List<Lesson> forSchool(String schoolId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        return compute(schoolId, load("schoolId", Set.of(schoolId), from, to), from, to, grades(), (e, d) -> true);
    }

    @Override
    public List<Lesson> forClass(String classId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        SchoolClass c = roster.schoolClass(classId).orElse(null);
        if (c == null) {
            return List.of();
        }
        List<TimetableEntry> entries = new ArrayList<>(load("classId", Set.of(classId), from, to));
        Set<String> groupIds = roster.groups(c.schoolId(), c.academicYear()).stream().filter(g -> classId.equals(g.classId()))
                .map(Group::id).collect(Collectors.toSet());
        entries.addAll(load("groupId", groupIds, from, to));
        return compute(c.schoolId(), entries, from, to, e -> c.grade(), (e, d) -> true);
    }

    @Override
    public List<Lesson> forGroup(String groupId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        List<TimetableEntry> entries = load("groupId", Set.of(groupId), from, to);
        return entries.isEmpty() ? List.of() : compute(entries.get(0).schoolId(), entries, from, to, grades(), (e, d) -> true);
    }

    @Override
    public List<Lesson> forTeacher(String teacherId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        List<TimetableEntry> entries = new ArrayList<>(load("teacherId", Set.of(teacherId), from, to));
        Set<String> own = entries.stream().map(TimetableEntry::id).collect(Collectors.toSet());
        Set<String> substituted = new java.util.HashSet<>(jpa.txExpr(TransactionType.Supports,
                em -> Mapping.substitutedEntries(em, teacherId, from, to)));
        substituted.removeAll(own);
        entries.addAll(load("id", substituted, from, to));
        if (entries.isEmpty()) {
            return List.of();
        }
        return compute(entries.get(0).schoolId(), entries, from, to, grades(), (e, d) -> true).stream()
                .filter(l -> teacherId.equals(l.teacherId())).toList();
    }

    @Override
    public List<Lesson> forRoom(String schoolId, String room, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        if (room == null || room.isBlank()) {
            return List.of();
        }
        // A substitution may move any lesson of the school into the room, so all the school's entries are candidates.
        List<TimetableEntry> entries = load("schoolId", Set.of(schoolId), from, to);
        return compute(schoolId, entries, from, to, grades(), (e, d) -> true).stream()
                .filter(l -> l.room() != null && l.room().trim().equalsIgnoreCase(room.trim())).toList();
    }

    @Override
    public Optional<Lesson> lesson(String occurrenceId) {
        int colon = occurrenceId == null ? -1 : occurrenceId.lastIndexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(occurrenceId.substring(colon + 1));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        List<TimetableEntry> entries = load("id", Set.of(occurrenceId.substring(0, colon)), date, date);
        // One entry: read its own class (or its group's class) rather than every class of the school.
        java.util.function.Function<TimetableEntry, Integer> grade = e -> {
            String classId = e.classId() != null ? e.classId() : roster.group(e.groupId()).map(Group::classId).orElse(null);
            return classId == null ? 0 : roster.schoolClass(classId).map(SchoolClass::grade).orElse(0);
        };
        return entries.isEmpty() ? Optional.empty()
                : compute(entries.get(0).schoolId(), entries, date, date, grade, (e, d) -> true).stream().findFirst();
    }

    @Override
    public List<LessonChange> changes(String schoolId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.changes(em, schoolId, from, to).stream().map(Mapping::toDTO)
                .sorted(java.util.Comparator.comparing(LessonChange::date).thenComparing(LessonChange::entryId)).toList());
    }

    @Override
    public List<Lesson> forStudent(String studentId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        Person s = roster.person(studentId).orElse(null);
        if (s == null || s.schoolId() == null) {
            return List.of();
        }
        // The student's classes and groups on each date, read once; then only their entries are loaded.
        Map<LocalDate, Set<String>> memberships = new HashMap<>();
        Map<String, Integer> classGrades = new HashMap<>();
        Map<String, String> groupClass = new HashMap<>();
        Set<String> classIds = new java.util.HashSet<>();
        Set<String> groupIds = new java.util.HashSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Set<String> ids = new java.util.HashSet<>();
            for (SchoolClass c : roster.classesOfStudent(studentId, d)) {
                ids.add(c.id());
                classIds.add(c.id());
                classGrades.put(c.id(), c.grade());
            }
            for (Group g : roster.groupsOfStudent(studentId, d)) {
                ids.add(g.id());
                groupIds.add(g.id());
                groupClass.put(g.id(), g.classId());
            }
            memberships.put(d, ids);
        }
        List<TimetableEntry> entries = new ArrayList<>(load("classId", classIds, from, to));
        entries.addAll(load("groupId", groupIds, from, to));
        java.util.function.Function<TimetableEntry, Integer> others = grades();
        return compute(s.schoolId(), entries, from, to, e -> {
            String classId = e.classId() != null ? e.classId() : groupClass.get(e.groupId());
            Integer grade = classId == null ? null : classGrades.get(classId);
            return grade != null ? grade : others.apply(e);
        }, (e, d) -> memberships.get(d).contains(Objects.requireNonNullElse(e.classId(), e.groupId())));
    }
}
