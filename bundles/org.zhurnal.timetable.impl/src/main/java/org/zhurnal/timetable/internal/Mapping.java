package org.zhurnal.timetable.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import javax.persistence.EntityManager;

import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.timetable.api.LessonChange;
import org.zhurnal.timetable.api.TimetableEntry;
import org.zhurnal.timetable.internal.entity.ChangeEntity;
import org.zhurnal.timetable.internal.entity.EntryEntity;

/** Entity ↔ DTO mapping and the module's queries. */
final class Mapping {
    private Mapping() {
    }

    static TimetableEntry toDTO(EntryEntity e) {
        return new TimetableEntry(e.getId(), e.getSchoolId(), e.getAcademicYear(), e.getClassId(), e.getGroupId(), e.getSubject(),
                e.getTeacherId(), e.getRoom(), DayOfWeek.valueOf(e.getWeekday()), e.getLessonNo(), LocalDate.parse(e.getValidFrom()),
                e.getValidTo() == null ? null : LocalDate.parse(e.getValidTo()), e.getWeeks());
    }

    /** A new entity for a validated entry, created and updated {@code now} (epoch ms). */
    static EntryEntity toEntity(TimetableEntry t, long now) {
        EntryEntity e = new EntryEntity();
        e.setId(t.id());
        e.setSchoolId(t.schoolId());
        e.setAcademicYear(t.academicYear());
        e.setClassId(t.classId());
        e.setGroupId(t.groupId());
        e.setSubject(t.subject());
        e.setTeacherId(t.teacherId());
        e.setRoom(t.room());
        e.setWeekday(t.weekday().name());
        e.setLessonNo(t.lessonNumber());
        e.setValidFrom(t.validFrom().toString());
        e.setValidTo(t.validTo() == null ? null : t.validTo().toString());
        e.setWeeks(t.weeks());
        e.setCreatedAt(now);
        e.setUpdatedAt(now);
        return e;
    }

    /** Entries of the school at one weekday and lesson number (the candidates for a conflict). */
    static List<EntryEntity> atSlot(EntityManager em, String schoolId, DayOfWeek weekday, int lessonNo) {
        return em.createQuery("select e from EntryEntity e where e.schoolId = :s and e.weekday = :w and e.lessonNo = :n", EntryEntity.class)
                .setParameter("s", schoolId).setParameter("w", weekday.name()).setParameter("n", lessonNo).getResultList();
    }

    /** Entries of the school, optionally of one class or teacher, optionally valid on a date; unordered. */
    static List<EntryEntity> list(EntityManager em, String schoolId, String classId, String teacherId, LocalDate date) {
        StringBuilder q = new StringBuilder("select e from EntryEntity e where e.schoolId = :s");
        if (classId != null) {
            q.append(" and e.classId = :c");
        }
        if (teacherId != null) {
            q.append(" and e.teacherId = :t");
        }
        if (date != null) {
            q.append(" and e.validFrom <= :d and (e.validTo is null or e.validTo >= :d)");
        }
        var query = em.createQuery(q.toString(), EntryEntity.class).setParameter("s", schoolId);
        if (classId != null) {
            query.setParameter("c", classId);
        }
        if (teacherId != null) {
            query.setParameter("t", teacherId);
        }
        if (date != null) {
            query.setParameter("d", date.toString());
        }
        return query.getResultList();
    }

    private static final String OVERLAP = " and e.validFrom <= :to and (e.validTo is null or e.validTo >= :from)";

    /** Entries whose {@code field} (classId, groupId, teacherId, schoolId) is {@code value}, valid some day of [from, to]. */
    static List<EntryEntity> overlapping(EntityManager em, String field, Collection<String> values, LocalDate from, LocalDate to) {
        if (values.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from EntryEntity e where e." + field + " in :v" + OVERLAP, EntryEntity.class)
                .setParameter("v", InLists.padded(values)).setParameter("from", from.toString()).setParameter("to", to.toString())
                .getResultList();
    }

    /** Entries of any of {@code classIds} or {@code groupIds}, valid some day of [from, to], in one query. */
    static List<EntryEntity> overlappingUnits(EntityManager em, Collection<String> classIds, Collection<String> groupIds, LocalDate from,
            LocalDate to) {
        if (classIds.isEmpty() || groupIds.isEmpty()) {
            return classIds.isEmpty() ? overlapping(em, "groupId", groupIds, from, to) : overlapping(em, "classId", classIds, from, to);
        }
        return em.createQuery("select e from EntryEntity e where (e.classId in :c or e.groupId in :g)" + OVERLAP, EntryEntity.class)
                .setParameter("c", InLists.padded(classIds)).setParameter("g", InLists.padded(groupIds))
                .setParameter("from", from.toString())
                .setParameter("to", to.toString()).getResultList();
    }

    static LessonChange toDTO(ChangeEntity c) {
        return new LessonChange(c.getId(), c.getSchoolId(), c.getEntryId(), LocalDate.parse(c.getLessonDate()), c.getKind(), c.getSubstituteId(),
                c.getRoom(), c.getReason(), c.getRevision());
    }

    /** The school's changes of lessons dated from {@code from} to {@code to}. */
    static List<ChangeEntity> changes(EntityManager em, String schoolId, LocalDate from, LocalDate to) {
        return em.createQuery("select c from ChangeEntity c where c.schoolId = :s and c.lessonDate >= :from and c.lessonDate <= :to",
                ChangeEntity.class).setParameter("s", schoolId).setParameter("from", from.toString()).setParameter("to", to.toString())
                .getResultList();
    }

    /** The entries of lessons {@code teacherId} substitutes from {@code from} to {@code to}. */
    static List<String> substitutedEntries(EntityManager em, String teacherId, LocalDate from, LocalDate to) {
        return em.createQuery("select distinct c.entryId from ChangeEntity c where c.substituteId = :t and c.kind = :k"
                + " and c.lessonDate >= :from and c.lessonDate <= :to", String.class).setParameter("t", teacherId)
                .setParameter("k", LessonChange.SUBSTITUTION).setParameter("from", from.toString()).setParameter("to", to.toString())
                .getResultList();
    }

    /** The change of one occurrence, if any. */
    static java.util.Optional<ChangeEntity> change(EntityManager em, String entryId, LocalDate date) {
        return em.createQuery("select c from ChangeEntity c where c.entryId = :e and c.lessonDate = :d", ChangeEntity.class)
                .setParameter("e", entryId).setParameter("d", date.toString()).getResultList().stream().findFirst();
    }
}
