package org.zhurnal.timetable.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.LessonChange;
import org.zhurnal.timetable.internal.entity.ChangeEntity;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.internal.entity.EntryEntity;

/**
 * The timetable's operations, each checked against the caller's scope: template writes need ADMINISTER on
 * the school, template reads any relation to it; lessons are read within the class's or student's scope, or
 * by the teacher themself. Outside the scope the thing does not exist (404). Every write is audited.
 */
@Component(service = TimetableServiceImpl.class)
public class TimetableServiceImpl {
    static final String ENTITY = "timetable-entry";
    /** Entries in week order: weekday, lesson number, then validity. */
    static final java.util.Comparator<TimetableEntry> BY_SLOT = java.util.Comparator.comparing(TimetableEntry::weekday)
            .thenComparingInt(TimetableEntry::lessonNumber).thenComparing(TimetableEntry::validFrom).thenComparing(TimetableEntry::id);

    /** Body of a new template entry; {@code academicYear} defaults to the year of {@code validFrom}, {@code weeks} to ALL. */
    public record NewEntry(Integer academicYear, String classId, String groupId, String subject, String teacherId, String room,
            DayOfWeek weekday, Integer lessonNumber, LocalDate validFrom, LocalDate validTo, String weeks) {}

    /** Body of ending an entry: the first day it no longer applies. */
    public record EndEntry(LocalDate date) {}

    /**
     * Body of changing one lesson: {@code kind} SUBSTITUTION (a substitute teacher and/or another room),
     * CANCELLATION, or NONE (restore as planned); a reason is required for the first two.
     */
    public record ChangeLesson(String kind, String substituteTeacherId, String room, String reason) {}

    static final String CHANGE_ENTITY = "timetable-lesson-change";
    /** Domain event published with every change of a lesson (payload: the lesson after the change). */
    public static final String LESSON_CHANGED = "timetable.lesson.changed";

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final SchoolAccess access;
    private final Authorization authorization;
    private final RosterQuery roster;
    private final CalendarQuery calendar;
    private final AccountService accounts;
    private final TimetableQueryImpl query;
    private final DomainEvents events;

    @Activate
    public TimetableServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-timetable)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference SchoolAccess access, @Reference Authorization authorization, @Reference RosterQuery roster,
            @Reference CalendarQuery calendar, @Reference AccountService accounts, @Reference TimetableQueryImpl query,
            @Reference DomainEvents events, @Reference TimetableSchema schema) {
        this.events = events;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.authorization = authorization;
        this.roster = roster;
        this.calendar = calendar;
        this.accounts = accounts;
        this.query = query;
    }

    private static ZhurnalPrincipal caller() {
        return CallContext.requirePrincipal();
    }

    private Function<String, Group> groupLookup(String schoolId, int year) {
        Map<String, Group> groups = new HashMap<>();
        for (int y = year - 1; y <= year + 1; y++) {
            roster.groups(schoolId, y).forEach(g -> groups.put(g.id(), g));
        }
        return groups::get;
    }

    private String nameOf(String classOrGroupId, Function<String, Group> groups) {
        Group g = groups.apply(classOrGroupId);
        if (g != null) {
            return g.name();
        }
        return roster.schoolClass(classOrGroupId).map(SchoolClass::name).orElse(classOrGroupId);
    }

    public TimetableEntry create(String schoolId, NewEntry n) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        if (n == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        List<Violation> v = new ArrayList<>();
        int year = n.academicYear() != null ? n.academicYear() : n.validFrom() != null ? RosterQuery.academicYearOf(n.validFrom()) : 0;
        Optional<AcademicYear> cal = calendar.year(schoolId, year);
        if (cal.isEmpty()) {
            v.add(new Violation(n.academicYear() != null ? "academicYear" : "validFrom",
                    "The school has no academic year " + year + "/" + (year + 1) + " in its calendar"));
        }
        if ((n.classId() == null) == (n.groupId() == null)) {
            v.add(new Violation("classId", "Exactly one of classId and groupId is given"));
        } else if (n.classId() != null) {
            boolean ok = roster.schoolClass(n.classId()).map(c -> schoolId.equals(c.schoolId()) && c.academicYear() == year).orElse(false);
            if (!ok) {
                v.add(new Violation("classId", "classId is a class of this school in " + year + "/" + (year + 1)));
            }
        } else if (roster.groups(schoolId, year).stream().noneMatch(g -> g.id().equals(n.groupId()))) {
            v.add(new Violation("groupId", "groupId is a group of this school in " + year + "/" + (year + 1)));
        }
        String subject = n.subject() == null ? "" : n.subject().trim();
        if (subject.isEmpty() || subject.length() > 100) {
            v.add(new Violation("subject", "subject is required, at most 100 characters"));
        }
        Person teacher = n.teacherId() == null ? null : roster.person(n.teacherId()).orElse(null);
        if (teacher == null || teacher.kind() != PersonKind.STAFF || !schoolId.equals(teacher.schoolId())) {
            v.add(new Violation("teacherId", "teacherId is a staff member of this school"));
        }
        String room = n.room() == null || n.room().isBlank() ? null : n.room().trim();
        if (room != null && room.length() > 50) {
            v.add(new Violation("room", "room is at most 50 characters"));
        }
        if (n.weekday() == null) {
            v.add(new Violation("weekday", "weekday is required (MONDAY … SATURDAY)"));
        } else if (cal.isPresent() && n.weekday().getValue() > cal.get().workingDays()) {
            v.add(new Violation("weekday", "The school works " + cal.get().workingDays() + " days a week; " + n.weekday() + " is not one of them"));
        }
        if (n.lessonNumber() == null || n.lessonNumber() < 1 || n.lessonNumber() > TimetableRules.MAX_LESSON) {
            v.add(new Violation("lessonNumber", "lessonNumber is 1 to " + TimetableRules.MAX_LESSON));
        }
        if (n.validFrom() == null) {
            v.add(new Violation("validFrom", "validFrom is required"));
        } else if (cal.isPresent() && (n.validFrom().isBefore(cal.get().start()) || n.validFrom().isAfter(cal.get().end()))) {
            v.add(new Violation("validFrom", "validFrom lies within the academic year, " + cal.get().start() + " to " + cal.get().end()));
        } else if (n.validTo() != null && n.validTo().isBefore(n.validFrom())) {
            v.add(new Violation("validTo", "validTo is not before validFrom"));
        }
        String weeks = n.weeks() == null ? "ALL" : n.weeks().toUpperCase(Locale.ROOT);
        if (!TimetableRules.WEEKS.contains(weeks)) {
            v.add(new Violation("weeks", "weeks is ALL, ODD or EVEN"));
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(v.get(0).message(), v);
        }
        TimetableEntry candidate = new TimetableEntry(UUID.randomUUID().toString(), schoolId, year, n.classId(), n.groupId(), subject,
                n.teacherId(), room, n.weekday(), n.lessonNumber(), n.validFrom(), n.validTo(), weeks);
        Function<String, Group> groups = groupLookup(schoolId, year);
        ensureLockRow(schoolId);
        return jpa.txExpr(TransactionType.Required, em -> {
            // Serialise the saves of this school (on every node) so two saves cannot both pass the conflict check.
            em.createNativeQuery("UPDATE zh_t_lock SET locked_at = ?1 WHERE school_id = ?2")
                    .setParameter(1, clock.now().toEpochMilli()).setParameter(2, schoolId).executeUpdate();
            List<TimetableEntry> slot = Mapping.atSlot(em, schoolId, candidate.weekday(), candidate.lessonNumber()).stream()
                    .map(Mapping::toDTO).toList();
            TimetableRules.conflict(candidate, slot, groups).ifPresent(other -> {
                throw conflict(candidate, other, groups);
            });
            long now = clock.now().toEpochMilli();
            EntryEntity e = new EntryEntity();
            e.setId(candidate.id());
            e.setSchoolId(schoolId);
            e.setAcademicYear(year);
            e.setClassId(candidate.classId());
            e.setGroupId(candidate.groupId());
            e.setSubject(subject);
            e.setTeacherId(candidate.teacherId());
            e.setRoom(room);
            e.setWeekday(candidate.weekday().name());
            e.setLessonNo(candidate.lessonNumber());
            e.setValidFrom(candidate.validFrom().toString());
            e.setValidTo(candidate.validTo() == null ? null : candidate.validTo().toString());
            e.setWeeks(weeks);
            e.setCreatedAt(now);
            e.setUpdatedAt(now);
            em.persist(e);
            TimetableEntry dto = Mapping.toDTO(e);
            audit.record(schoolId, ENTITY, e.getId(), "create", null, dto);
            return dto;
        });
    }

    /** The school's lock row exists from its first save on; two first saves racing to create it are harmless. */
    private void ensureLockRow(String schoolId) {
        try {
            jpa.tx(TransactionType.RequiresNew, em -> {
                Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM zh_t_lock WHERE school_id = ?1")
                        .setParameter(1, schoolId).getSingleResult();
                if (n.intValue() == 0) {
                    em.createNativeQuery("INSERT INTO zh_t_lock (school_id, locked_at) VALUES (?1, ?2)")
                            .setParameter(1, schoolId).setParameter(2, clock.now().toEpochMilli()).executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // Another save created the row at the same moment: the row exists, which is all we need.
        }
    }

    private ProblemException conflict(TimetableEntry candidate, TimetableEntry other, Function<String, Group> groups) {
        String why;
        if (other.teacherId().equals(candidate.teacherId())) {
            why = "the teacher already teaches";
        } else if (candidate.room() != null && other.room() != null && candidate.room().equalsIgnoreCase(other.room())) {
            why = "the room is already taken by";
        } else {
            why = "the class already has";
        }
        return ProblemException.conflict("timetable-conflict",
                "Conflict: " + why + " " + TimetableRules.describe(other, id -> nameOf(id, groups)));
    }

    /** Ends an entry from {@code date} (it last applies the day before); the past stays as it was. */
    public TimetableEntry end(String entryId, EndEntry body) {
        ZhurnalPrincipal p = caller();
        return jpa.txExpr(TransactionType.Required, em -> {
            EntryEntity e = entryId == null ? null : em.find(EntryEntity.class, entryId);
            if (e == null || !access.mayRead(p, e.getSchoolId())) {
                throw ProblemException.notFound("Timetable entry", entryId);
            }
            access.require(p, e.getSchoolId(), Action.ADMINISTER);
            if (body == null || body.date() == null) {
                throw ProblemException.invalid("date", "date is required: the first day the entry no longer applies");
            }
            TimetableEntry before = Mapping.toDTO(e);
            if (!body.date().isAfter(before.validFrom())) {
                throw ProblemException.invalid("date", "date comes after validFrom " + before.validFrom() + "; the past is not rewritten");
            }
            if (before.validTo() != null && body.date().isAfter(before.validTo())) {
                throw ProblemException.invalid("date", "The entry already ends on " + before.validTo());
            }
            e.setValidTo(body.date().minusDays(1).toString());
            e.setUpdatedAt(clock.now().toEpochMilli());
            TimetableEntry after = Mapping.toDTO(e);
            audit.record(e.getSchoolId(), ENTITY, e.getId(), "end", before, after);
            return after;
        });
    }

    /**
     * Substitutes, moves, cancels or restores one lesson occurrence. ADMINISTER on the school. The substitute
     * and the new room must be free at that lesson on that date (409 naming the clash); the revision grows on
     * every change, so calendar clients see the new version.
     */
    public Lesson changeLesson(String occurrenceId, ChangeLesson body) {
        ZhurnalPrincipal p = caller();
        Lesson planned = query.lesson(occurrenceId).orElse(null);
        TimetableEntry entry = planned == null ? null : jpa.txExpr(TransactionType.Supports, em -> {
            EntryEntity e = em.find(EntryEntity.class, planned.entryId());
            return e == null ? null : Mapping.toDTO(e);
        });
        if (entry == null || !access.mayRead(p, entry.schoolId())) {
            throw ProblemException.notFound("Lesson", occurrenceId);
        }
        String schoolId = entry.schoolId();
        access.require(p, schoolId, Action.ADMINISTER);
        if (body == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        List<Violation> v = new ArrayList<>();
        String kind = body.kind() == null ? "" : body.kind().trim().toUpperCase(Locale.ROOT);
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        String substitute = body.substituteTeacherId() == null || body.substituteTeacherId().isBlank() ? null : body.substituteTeacherId().trim();
        String room = body.room() == null || body.room().isBlank() ? null : body.room().trim();
        switch (kind) {
            case LessonChange.SUBSTITUTION -> {
                if (substitute == null && room == null) {
                    v.add(new Violation("substituteTeacherId", "A substitution names the substitute teacher, another room, or both"));
                }
                if (substitute != null) {
                    Person t = roster.person(substitute).orElse(null);
                    if (t == null || t.kind() != PersonKind.STAFF || !schoolId.equals(t.schoolId())) {
                        v.add(new Violation("substituteTeacherId", "substituteTeacherId is a staff member of this school"));
                    } else if (substitute.equals(entry.teacherId()) && room == null) {
                        v.add(new Violation("substituteTeacherId", "The substitute is the lesson's own teacher"));
                    }
                }
                if (room != null && room.length() > 50) {
                    v.add(new Violation("room", "room is at most 50 characters"));
                }
                if (reason == null) {
                    v.add(new Violation("reason", "reason is required, e.g. «болезнь учителя»"));
                }
            }
            case LessonChange.CANCELLATION -> {
                if (reason == null) {
                    v.add(new Violation("reason", "reason is required, e.g. «карантин»"));
                }
                substitute = null;
                room = null;
            }
            case LessonChange.NONE -> {
                substitute = null;
                room = null;
            }
            default -> v.add(new Violation("kind", "kind is SUBSTITUTION, CANCELLATION or NONE"));
        }
        if (reason != null && reason.length() > 500) {
            v.add(new Violation("reason", "reason is at most 500 characters"));
        }
        if (!v.isEmpty()) {
            throw ProblemException.invalid(v.get(0).message(), v);
        }
        String sub = substitute;
        String newRoom = room;
        ensureLockRow(schoolId);
        Lesson after = jpa.txExpr(TransactionType.Required, em -> {
            em.createNativeQuery("UPDATE zh_t_lock SET locked_at = ?1 WHERE school_id = ?2")
                    .setParameter(1, clock.now().toEpochMilli()).setParameter(2, schoolId).executeUpdate();
            if (LessonChange.SUBSTITUTION.equals(kind)) {
                Function<String, Group> groups = groupLookup(schoolId, entry.academicYear());
                if (sub != null && !sub.equals(entry.teacherId())) {
                    query.forTeacher(sub, planned.date(), planned.date()).stream()
                            .filter(l -> l.lessonNumber() == planned.lessonNumber() && !l.cancelled() && !l.entryId().equals(entry.id()))
                            .findFirst().ifPresent(l -> {
                                throw ProblemException.conflict("timetable-conflict", "Conflict: the substitute already teaches "
                                        + describe(l, groups) + " at that time");
                            });
                }
                if (newRoom != null) {
                    query.forRoom(schoolId, newRoom, planned.date(), planned.date()).stream()
                            .filter(l -> l.lessonNumber() == planned.lessonNumber() && !l.cancelled() && !l.entryId().equals(entry.id()))
                            .findFirst().ifPresent(l -> {
                                throw ProblemException.conflict("timetable-conflict", "Conflict: the room is already taken by "
                                        + describe(l, groups) + " at that time");
                            });
                }
            }
            long now = clock.now().toEpochMilli();
            ChangeEntity c = Mapping.change(em, entry.id(), planned.date()).orElse(null);
            LessonChange before = c == null ? null : Mapping.toDTO(c);
            if (c == null) {
                if (LessonChange.NONE.equals(kind)) {
                    return planned; // nothing was changed: nothing to restore
                }
                c = new ChangeEntity();
                c.setId(UUID.randomUUID().toString());
                c.setSchoolId(schoolId);
                c.setEntryId(entry.id());
                c.setLessonDate(planned.date().toString());
                c.setCreatedAt(now);
                em.persist(c);
            }
            c.setKind(kind);
            c.setSubstituteId(sub);
            c.setRoom(newRoom);
            c.setReason(reason);
            c.setRevision(c.getRevision() + 1);
            c.setUpdatedAt(now);
            LessonChange dto = Mapping.toDTO(c);
            audit.record(schoolId, CHANGE_ENTITY, c.getId(), before == null ? "create" : "update", before, dto);
            Lesson changed = TimetableRules.withChange(planned, dto);
            events.publish(LESSON_CHANGED, schoolId, changed);
            return changed;
        });
        return after;
    }

    private String describe(Lesson l, Function<String, Group> groups) {
        String who = l.classId() != null ? "class " + nameOf(l.classId(), groups) : "group " + nameOf(l.groupId(), groups);
        return "«" + l.subject() + "» (" + who + ", " + l.date() + ", lesson " + l.lessonNumber() + (l.room() == null ? "" : ", room " + l.room())
                + ", " + l.occurrenceId() + ")";
    }

    /** The school's lesson changes in a date range, by date. READ on the school. */
    public List<LessonChange> changes(String schoolId, LocalDate from, LocalDate to) {
        access.require(caller(), schoolId, Action.READ);
        return query.changes(schoolId, from, to);
    }

    /** The school's entries in week order, optionally of one class or teacher, optionally valid on {@code date}. */
    public List<TimetableEntry> list(String schoolId, String classId, String teacherId, LocalDate date) {
        access.require(caller(), schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports,
                em -> Mapping.list(em, schoolId, classId, teacherId, date).stream().map(Mapping::toDTO)
                        .sorted(BY_SLOT).toList());
    }

    public List<Lesson> classLessons(String classId, LocalDate from, LocalDate to) {
        ZhurnalPrincipal p = caller();
        SchoolClass c = classId == null ? null : roster.schoolClass(classId).orElse(null);
        if (c == null || !authorization.permits(p, Action.READ, ScopeRef.schoolClass(classId))) {
            throw ProblemException.notFound("Class", classId);
        }
        return query.forClass(classId, from, to);
    }

    public List<Lesson> studentLessons(String personId, LocalDate from, LocalDate to) {
        ZhurnalPrincipal p = caller();
        Person s = personId == null ? null : roster.person(personId).orElse(null);
        if (s == null || s.kind() != PersonKind.STUDENT || !authorization.permits(p, Action.READ, ScopeRef.student(personId))) {
            throw ProblemException.notFound("Student", personId);
        }
        return query.forStudent(personId, from, to);
    }

    public List<Lesson> teacherLessons(String personId, LocalDate from, LocalDate to) {
        ZhurnalPrincipal p = caller();
        Person t = personId == null ? null : roster.person(personId).orElse(null);
        boolean visible = t != null && t.kind() == PersonKind.STAFF && t.schoolId() != null
                && (authorization.permits(p, Action.READ, ScopeRef.school(t.schoolId()))
                        || accounts.byId(p.accountId()).map(AccountInfo::personId).map(personId::equals).orElse(false));
        if (!visible) {
            throw ProblemException.notFound("Teacher", personId);
        }
        return query.forTeacher(personId, from, to);
    }
}
