package org.zhurnal.bells.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.internal.entity.DateOverrideEntity;
import org.zhurnal.bells.internal.entity.ScheduleEntity;
import org.zhurnal.bells.internal.entity.WeekdayEntity;

/** Entities to DTOs, and the queries shared by the service and the query component. */
final class Mapping {
    private Mapping() {}

    static BellSchedule toDTO(ScheduleEntity s) {
        return new BellSchedule(s.getId(), s.getSchoolId(), s.getName(), s.getKind(), LocalDate.parse(s.getValidFrom()),
                s.getValidTo() == null ? null : LocalDate.parse(s.getValidTo()), BellRules.decode(s.getLessons()));
    }

    static List<BellSchedule> schedules(EntityManager em, String schoolId) {
        return em.createQuery("select s from ScheduleEntity s where s.schoolId = :s order by s.name, s.validFrom", ScheduleEntity.class)
                .setParameter("s", schoolId).getResultList().stream().map(Mapping::toDTO).toList();
    }

    static WeekdayEntity weekday(EntityManager em, String schoolId, DayOfWeek day) {
        return em.createQuery("select w from WeekdayEntity w where w.schoolId = :s and w.weekday = :d", WeekdayEntity.class)
                .setParameter("s", schoolId).setParameter("d", day.name()).getResultList().stream().findFirst().orElse(null);
    }

    static DateOverrideEntity override(EntityManager em, String schoolId, LocalDate date) {
        return em.createQuery("select o from DateOverrideEntity o where o.schoolId = :s and o.overrideDate = :d", DateOverrideEntity.class)
                .setParameter("s", schoolId).setParameter("d", date.toString()).getResultList().stream().findFirst().orElse(null);
    }

    /** The date's override wins; else the weekday's schedule if it is valid on that date. */
    static Optional<BellSchedule> scheduleFor(EntityManager em, String schoolId, LocalDate date) {
        DateOverrideEntity o = override(em, schoolId, date);
        if (o != null) {
            return Optional.ofNullable(em.find(ScheduleEntity.class, o.getScheduleId())).map(Mapping::toDTO);
        }
        return BellRules.scheduleOn(date, null, day -> {
            WeekdayEntity w = weekday(em, schoolId, day);
            return w == null ? null : Optional.ofNullable(em.find(ScheduleEntity.class, w.getScheduleId())).map(Mapping::toDTO).orElse(null);
        });
    }

    /** The schedule of every date in the range from three queries (schedules, weekdays, the range's overrides). */
    static SortedMap<LocalDate, BellSchedule> schedulesFor(EntityManager em, String schoolId, LocalDate from, LocalDate to) {
        Map<String, BellSchedule> byId = schedules(em, schoolId).stream().collect(Collectors.toMap(BellSchedule::id, Function.identity()));
        Map<DayOfWeek, String> weekdays = new HashMap<>();
        for (WeekdayEntity w : em.createQuery("select w from WeekdayEntity w where w.schoolId = :s", WeekdayEntity.class)
                .setParameter("s", schoolId).getResultList()) {
            weekdays.put(DayOfWeek.valueOf(w.getWeekday()), w.getScheduleId());
        }
        Map<LocalDate, String> overrides = new HashMap<>();
        for (DateOverrideEntity o : em.createQuery("select o from DateOverrideEntity o where o.schoolId = :s "
                + "and o.overrideDate >= :f and o.overrideDate <= :t", DateOverrideEntity.class).setParameter("s", schoolId)
                .setParameter("f", from.toString()).setParameter("t", to.toString()).getResultList()) {
            overrides.put(LocalDate.parse(o.getOverrideDate()), o.getScheduleId());
        }
        return BellRules.schedulesOn(from, to, byId, weekdays, overrides);
    }
}
