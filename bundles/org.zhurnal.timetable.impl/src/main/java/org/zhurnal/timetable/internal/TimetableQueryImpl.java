package org.zhurnal.timetable.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.bells.api.BellsQuery;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.cache.NodeCache;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Membership;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.LessonChange;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.api.TimetableQuery;

/** Lesson occurrences from the template, the calendar and the bells. No authorization here. */
@Component(service = { TimetableQuery.class, TimetableQueryImpl.class }, configurationPid = "org.zhurnal.timetable.cache",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TimetableQueryImpl.Config.class)
public class TimetableQueryImpl implements TimetableQuery {
    /** Bounds for «every date» (the dates are compared as ISO strings, so LocalDate.MIN/MAX would not do). */
    private static final LocalDate EVER_FROM = LocalDate.of(1, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

    @ObjectClassDefinition(name = "Zhurnal timetable read cache", description = "Reuse of a school's weekly template and lesson changes")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a school's template entries and lesson changes are reused; this node's timetable "
                + "writes evict them at once, another node's show within this time. 0 turns the reuse off")
        int templateSeconds() default 10;
    }

    private final NodeCache<String, Template> entries = new NodeCache<>(Duration.ZERO);

    /** A school's template entries, and the same by entry id (a lesson's occurrence names its entry). */
    private record Template(List<TimetableEntry> all, Map<String, List<TimetableEntry>> byId) {
        static Template of(List<TimetableEntry> all) {
            return new Template(all, all.stream().collect(Collectors.groupingBy(TimetableEntry::id)));
        }
    }
    private final NodeCache<String, List<LessonChange>> changes = new NodeCache<>(Duration.ZERO);
    /** The school of a template entry, for a lesson asked for by its occurrence id (an entry never changes school). */
    private final NodeCache<String, String> schoolOfEntry = new NodeCache<>(Duration.ZERO, 100_000);
    private final JpaTemplate jpa;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final BellsQuery bells;

    @Activate
    public TimetableQueryImpl(@Reference(target = "(osgi.unit.name=zhurnal-timetable)") JpaTemplate jpa, @Reference RosterQuery roster,
            @Reference CalendarQuery calendar, @Reference BellsQuery bells, @Reference TimetableSchema schema, Config config) {
        modified(config);
        this.jpa = jpa;
        this.roster = roster;
        this.calendar = calendar;
        this.bells = bells;
    }

    private List<TimetableEntry> load(String field, Set<String> values, LocalDate from, LocalDate to) {
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.overlapping(em, field, values, from, to).stream().map(Mapping::toDTO).toList());
    }

    @Modified
    void modified(Config config) {
        Duration ttl = Duration.ofSeconds(Math.max(0, config.templateSeconds()));
        entries.ttl(ttl);
        changes.ttl(ttl);
        schoolOfEntry.ttl(ttl);
    }

    /**
     * The entries of the school's classes and groups, valid some day of the range: from the school's whole template,
     * reused (see {@link #evictAll()}).
     */
    private List<TimetableEntry> loadUnits(String schoolId, Set<String> classIds, Set<String> groupIds, LocalDate from, LocalDate to) {
        List<TimetableEntry> out = new ArrayList<>();
        for (TimetableEntry e : template(schoolId)) {
            boolean unit = e.classId() != null ? classIds.contains(e.classId()) : groupIds.contains(e.groupId());
            if (unit && !e.validFrom().isAfter(to) && (e.validTo() == null || !e.validTo().isBefore(from))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every entry of the school (all years), reused for {@code templateSeconds}. */
    private List<TimetableEntry> template(String schoolId) {
        return templateOf(schoolId).all();
    }

    private Template templateOf(String schoolId) {
        return entries.get(schoolId, () -> Template.of(jpa.txExpr(TransactionType.Supports, em -> Mapping.overlapping(em, "schoolId",
                Set.of(schoolId), EVER_FROM, EVER_TO).stream().map(Mapping::toDTO).toList())));
    }

    /** The school's changes in the range, by occurrence id. */
    Map<String, LessonChange> changeMap(String schoolId, LocalDate from, LocalDate to) {
        Map<String, LessonChange> m = new HashMap<>();
        for (LessonChange c : changes.get(schoolId, () -> jpa.txExpr(TransactionType.Supports, em -> Mapping.changes(em, schoolId,
                EVER_FROM, EVER_TO).stream().map(Mapping::toDTO).toList()))) {
            if (!c.date().isBefore(from) && !c.date().isAfter(to)) {
                m.put(c.occurrenceId(), c);
            }
        }
        return m;
    }

    /**
     * Forgets the reused entries and changes of every school. The timetable's own writes call it once their
     * transaction has ended ({@link TimetableServiceImpl}); another node's writes show within {@code templateSeconds}.
     */
    void evictAll() {
        entries.evictAll();
        changes.evictAll();
        schoolOfEntry.evictAll();
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
        Set<String> groupIds = roster.groups(c.schoolId(), c.academicYear()).stream().filter(g -> classId.equals(g.classId()))
                .map(Group::id).collect(Collectors.toSet());
        List<TimetableEntry> entries = loadUnits(c.schoolId(), Set.of(classId), groupIds, from, to);
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
        String entryId = occurrenceId.substring(0, colon);
        String schoolId = schoolOfEntry.get(entryId, () -> load("id", Set.of(entryId), EVER_FROM, EVER_TO).stream()
                .map(TimetableEntry::schoolId).findFirst().orElse(null));
        // The entry from the school's template (reused), if it is valid on the date.
        List<TimetableEntry> entries = schoolId == null ? List.of() : templateOf(schoolId).byId().getOrDefault(entryId, List.of()).stream()
                .filter(e -> !e.validFrom().isAfter(date) && (e.validTo() == null || !e.validTo().isBefore(date))).toList();
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
        return roster.person(studentId).map(s -> forStudent(s, from, to)).orElse(List.of());
    }

    /**
     * As {@link #forStudent(String, LocalDate, LocalDate)} for a student already read. The student's class and
     * group memberships over the range are read once (with their validity and grades); then only their entries.
     */
    List<Lesson> forStudent(Person s, LocalDate from, LocalDate to) {
        TimetableRules.checkRange(from, to);
        if (s.schoolId() == null) {
            return List.of();
        }
        Map<String, List<Membership>> byUnit = roster.membershipsOfStudent(s.id(), from, to).stream()
                .collect(Collectors.groupingBy(Membership::unitId));
        Set<String> classIds = new HashSet<>();
        Set<String> groupIds = new HashSet<>();
        Map<String, Integer> grades = new HashMap<>();
        byUnit.forEach((unit, ms) -> {
            (ms.get(0).isGroup() ? groupIds : classIds).add(unit);
            grades.put(unit, ms.get(0).grade());
        });
        List<TimetableEntry> entries = loadUnits(s.schoolId(), classIds, groupIds, from, to);
        return compute(s.schoolId(), entries, from, to, e -> grades.getOrDefault(unitOf(e), 0),
                (e, d) -> byUnit.getOrDefault(unitOf(e), List.of()).stream().anyMatch(m -> m.validOn(d)));
    }

    /** The class or group an entry is for. */
    private static String unitOf(TimetableEntry e) {
        return Objects.requireNonNullElse(e.classId(), e.groupId());
    }
}
