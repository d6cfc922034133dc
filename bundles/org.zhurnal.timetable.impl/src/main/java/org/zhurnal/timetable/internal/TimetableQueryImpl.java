package org.zhurnal.timetable.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** Grades of the entries' classes and groups (a group without a class follows grade 0: only all-grade days off). */
    private java.util.function.Function<TimetableEntry, Integer> grades() {
        Map<String, Integer> classGrades = new HashMap<>();
        Map<String, Map<String, Group>> groupsByYear = new HashMap<>();
        return e -> {
            String classId = e.classId();
            if (classId == null) {
                Group g = groupsByYear.computeIfAbsent(e.schoolId() + "/" + e.academicYear(),
                        k -> roster.groups(e.schoolId(), e.academicYear()).stream().collect(Collectors.toMap(Group::id, x -> x)))
                        .get(e.groupId());
                classId = g == null ? null : g.classId();
            }
            if (classId == null) {
                return 0;
            }
            return classGrades.computeIfAbsent(classId, c -> roster.schoolClass(c).map(SchoolClass::grade).orElse(0));
        };
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
        return TimetableRules.occurrences(calendar, bells, c.schoolId(), entries, from, to, e -> c.grade(), (e, d) -> true);
    }

    @Override
    public List<Lesson> forGroup(String groupId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        List<TimetableEntry> entries = load("groupId", Set.of(groupId), from, to);
        if (entries.isEmpty()) {
            return List.of();
        }
        return TimetableRules.occurrences(calendar, bells, entries.get(0).schoolId(), entries, from, to, grades(), (e, d) -> true);
    }

    @Override
    public List<Lesson> forTeacher(String teacherId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        List<TimetableEntry> entries = load("teacherId", Set.of(teacherId), from, to);
        if (entries.isEmpty()) {
            return List.of();
        }
        return TimetableRules.occurrences(calendar, bells, entries.get(0).schoolId(), entries, from, to, grades(), (e, d) -> true);
    }

    @Override
    public List<Lesson> forStudent(String studentId, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        Person s = roster.person(studentId).orElse(null);
        if (s == null || s.schoolId() == null) {
            return List.of();
        }
        List<TimetableEntry> entries = load("schoolId", Set.of(s.schoolId()), from, to);
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Set<String>> memberships = new HashMap<>();
        return TimetableRules.occurrences(calendar, bells, s.schoolId(), entries, from, to, grades(), (e, d) -> {
            Set<String> mine = memberships.computeIfAbsent(d, date -> {
                Set<String> ids = new java.util.HashSet<>();
                roster.classesOfStudent(studentId, date).forEach(c -> ids.add(c.id()));
                roster.groupsOfStudent(studentId, date).forEach(g -> ids.add(g.id()));
                return ids;
            });
            return mine.contains(Objects.requireNonNullElse(e.classId(), e.groupId()));
        });
    }
}
