package org.zhurnal.bells.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.bells.api.BellPeriod;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.internal.BellRules.ScheduleInput;
import org.zhurnal.bells.internal.entity.DateOverrideEntity;
import org.zhurnal.bells.internal.entity.ScheduleEntity;
import org.zhurnal.bells.internal.entity.WeekdayEntity;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;

/**
 * The bells' operations, each checked against the caller's scope: reads need any relation to the school,
 * writes ADMINISTER on it. Every write is audited.
 */
@Component(service = BellsServiceImpl.class)
public class BellsServiceImpl {

    /** Body of an assignment: which schedule. */
    public record Assignment(String scheduleId) {}

    /** The weekday assignments and date overrides of a school. */
    public record Assignments(Map<DayOfWeek, String> weekdays, Map<LocalDate, String> dates) {}

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final SchoolAccess access;
    private final SchoolBells bells;

    @Activate
    public BellsServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-bells)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference SchoolAccess access, @Reference BellsSchema schema, @Reference SchoolBells bells) {
        this.bells = bells;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
    }

    /** Every write of the bells: the reused bells ({@link SchoolBells}) are forgotten once its transaction has ended. */
    private <R> R write(EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } finally {
            bells.evictAll();
        }
    }

    private void writeVoid(EmConsumer work) {
        try {
            jpa.tx(TransactionType.Required, work);
        } finally {
            bells.evictAll();
        }
    }

    private static ZhurnalPrincipal caller() {
        return CallContext.requirePrincipal();
    }

    private static void validate(ScheduleInput in) {
        List<Violation> v = BellRules.validate(in);
        if (!v.isEmpty()) {
            throw ProblemException.invalid(Text.firstOf(v), v);
        }
    }

    private static void apply(ScheduleEntity s, ScheduleInput in, long now) {
        s.setName(in.name().strip());
        s.setKind(in.kind().toUpperCase(Locale.ROOT));
        s.setValidFrom(in.validFrom().toString());
        s.setValidTo(in.validTo() == null ? null : in.validTo().toString());
        s.setLessons(BellRules.encode(in.periods().stream().map(p -> new BellPeriod(p.number(), p.start(), p.end())).toList()));
        s.setUpdatedAt(now);
    }

    /**
     * Two schedules of a school with the same name over the same days could not be told apart in the weekday and date
     * choices: refused (409 {@code duplicate-name}, field {@code name}), naming the one there is.
     */
    private static void requireUniqueName(EntityManager em, String schoolId, String exceptId, ScheduleInput in) {
        String name = in.name().strip();
        String from = in.validFrom().toString();
        String to = in.validTo() == null ? null : in.validTo().toString();
        for (BellSchedule other : Mapping.schedules(em, schoolId)) {
            boolean overlaps = (to == null || other.validFrom().toString().compareTo(to) <= 0)
                    && (other.validTo() == null || other.validTo().toString().compareTo(from) >= 0);
            if (!other.id().equals(exceptId) && other.name().strip().equalsIgnoreCase(name) && overlaps) {
                throw new ProblemException(409, "duplicate-name", "Conflict", Text.of("The school has a bell schedule «" + other.name()
                        + "» for these days already (from " + other.validFrom() + "); give this one another name",
                        "В школе уже есть расписание звонков «" + other.name() + "» на эти дни (с " + Text.date(other.validFrom())
                                + "); назовите это расписание иначе"), "name");
            }
        }
    }

    public BellSchedule create(String schoolId, ScheduleInput in) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        validate(in);
        return write( em -> {
            requireUniqueName(em, schoolId, null, in);
            long now = clock.now().toEpochMilli();
            ScheduleEntity s = new ScheduleEntity();
            s.setId(UUID.randomUUID().toString());
            s.setSchoolId(schoolId);
            s.setCreatedAt(now);
            apply(s, in, now);
            em.persist(s);
            BellSchedule dto = Mapping.toDTO(s);
            audit.record(schoolId, "bell-schedule", s.getId(), "create", null, dto);
            return dto;
        });
    }

    private ScheduleEntity readable(EntityManager em, ZhurnalPrincipal p, String scheduleId) {
        ScheduleEntity s = scheduleId == null ? null : em.find(ScheduleEntity.class, scheduleId);
        if (s == null || !access.mayRead(p, s.getSchoolId())) {
            throw ProblemException.notFound("Bell schedule", scheduleId);
        }
        return s;
    }

    public BellSchedule replace(String scheduleId, ScheduleInput in) {
        ZhurnalPrincipal p = caller();
        return write( em -> {
            ScheduleEntity s = readable(em, p, scheduleId);
            access.require(p, s.getSchoolId(), Action.ADMINISTER);
            validate(in);
            requireUniqueName(em, s.getSchoolId(), s.getId(), in);
            BellSchedule before = Mapping.toDTO(s);
            apply(s, in, clock.now().toEpochMilli());
            BellSchedule after = Mapping.toDTO(s);
            audit.record(s.getSchoolId(), "bell-schedule", s.getId(), "update", before, after);
            return after;
        });
    }

    /**
     * Deletes a schedule no day follows: one a weekday or a special date is assigned to is refused (409
     * {@code schedule-in-use}, naming them) — the days would lose their lesson times; assign them another first.
     */
    public void delete(String scheduleId) {
        ZhurnalPrincipal p = caller();
        writeVoid(em -> {
            ScheduleEntity s = readable(em, p, scheduleId);
            access.require(p, s.getSchoolId(), Action.ADMINISTER);
            List<String> days = em.createQuery("select w.weekday from WeekdayEntity w where w.scheduleId = :s", String.class)
                    .setParameter("s", s.getId()).getResultList().stream().sorted(java.util.Comparator.comparing(DayOfWeek::valueOf)).toList();
            List<String> dates = em.createQuery("select o.overrideDate from DateOverrideEntity o where o.scheduleId = :s order by o.overrideDate",
                    String.class).setParameter("s", s.getId()).getResultList();
            if (!days.isEmpty() || !dates.isEmpty()) {
                List<String> en = new java.util.ArrayList<>();
                List<String> ru = new java.util.ArrayList<>();
                for (String d : days) {
                    DayOfWeek w = DayOfWeek.valueOf(d);
                    en.add(w.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
                    ru.add(w.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, Text.RUSSIAN).toLowerCase(Text.RUSSIAN));
                }
                for (String d : dates) {
                    en.add(d);
                    ru.add(Text.date(LocalDate.parse(d)));
                }
                throw new ProblemException(409, "schedule-in-use", "Conflict", Text.of("The bell schedule «" + s.getName() + "» is the "
                        + "schedule of: " + String.join(", ", en) + "; assign them another schedule first", "По расписанию звонков «"
                        + s.getName() + "» идут: " + String.join(", ", ru) + ". Сначала назначьте этим дням другое расписание"), null);
            }
            audit.record(s.getSchoolId(), "bell-schedule", s.getId(), "delete", Mapping.toDTO(s), null);
            em.remove(s);
        });
    }

    public BellSchedule get(String scheduleId) {
        ZhurnalPrincipal p = caller();
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.toDTO(readable(em, p, scheduleId)));
    }

    public List<BellSchedule> list(String schoolId) {
        access.require(caller(), schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.schedules(em, schoolId));
    }

    public Assignments assignments(String schoolId) {
        access.require(caller(), schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<DayOfWeek, String> days = new LinkedHashMap<>();
            em.createQuery("select w from WeekdayEntity w where w.schoolId = :s", WeekdayEntity.class).setParameter("s", schoolId)
                    .getResultList().stream().sorted((a, b) -> DayOfWeek.valueOf(a.getWeekday()).compareTo(DayOfWeek.valueOf(b.getWeekday())))
                    .forEach(w -> days.put(DayOfWeek.valueOf(w.getWeekday()), w.getScheduleId()));
            Map<LocalDate, String> dates = new LinkedHashMap<>();
            em.createQuery("select o from DateOverrideEntity o where o.schoolId = :s order by o.overrideDate", DateOverrideEntity.class)
                    .setParameter("s", schoolId).getResultList()
                    .forEach(o -> dates.put(LocalDate.parse(o.getOverrideDate()), o.getScheduleId()));
            return new Assignments(days, dates);
        });
    }

    public Optional<BellSchedule> scheduleFor(String schoolId, LocalDate date) {
        access.require(caller(), schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.scheduleFor(em, schoolId, date));
    }

    /** The schedule named by an assignment, which must belong to the school (else 400 scheduleId). */
    private static ScheduleEntity target(EntityManager em, String schoolId, Assignment body) {
        if (body == null || body.scheduleId() == null || body.scheduleId().isBlank()) {
            throw ProblemException.invalid("scheduleId", Text.of("scheduleId is required", "Выберите расписание звонков"));
        }
        ScheduleEntity s = em.find(ScheduleEntity.class, body.scheduleId());
        if (s == null || !s.getSchoolId().equals(schoolId)) {
            throw ProblemException.invalid("scheduleId", Text.of("No bell schedule " + body.scheduleId() + " in this school",
                    "В этой школе нет такого расписания звонков"));
        }
        return s;
    }

    /** Assigns a schedule to a weekday (MONDAY to SATURDAY). */
    public Assignment assignWeekday(String schoolId, String weekday, Assignment body) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(weekday == null ? "" : weekday.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("weekday", Text.of("weekday is MONDAY to SATURDAY", "День недели — с понедельника по субботу"));
        }
        if (day == DayOfWeek.SUNDAY) {
            throw ProblemException.invalid("weekday", Text.of("weekday is MONDAY to SATURDAY", "День недели — с понедельника по субботу"));
        }
        return write( em -> {
            ScheduleEntity s = target(em, schoolId, body);
            WeekdayEntity w = Mapping.weekday(em, schoolId, day);
            String before = w == null ? null : w.getScheduleId();
            if (w == null) {
                w = new WeekdayEntity();
                w.setId(UUID.randomUUID().toString());
                w.setSchoolId(schoolId);
                w.setWeekday(day.name());
                w.setScheduleId(s.getId());
                w.setUpdatedAt(clock.now().toEpochMilli());
                em.persist(w);
            } else {
                w.setScheduleId(s.getId());
                w.setUpdatedAt(clock.now().toEpochMilli());
            }
            audit.record(schoolId, "bell-weekday", w.getId(), "assign", before == null ? null : Map.of("weekday", day.name(), "scheduleId", before),
                    Map.of("weekday", day.name(), "scheduleId", s.getId()));
            return new Assignment(s.getId());
        });
    }

    /** Overrides the schedule of one date (a shortened day). */
    public Assignment assignDate(String schoolId, String date, Assignment body) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        LocalDate d = parseDate(date);
        if (d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            throw ProblemException.invalid("date", Text.of(d + " is a Sunday: there are no lessons to ring for",
                    Text.date(d) + " — воскресенье: уроков нет, звонки не назначаются"));
        }
        return write( em -> {
            ScheduleEntity s = target(em, schoolId, body);
            if (!Mapping.toDTO(s).validOn(d)) {
                throw ProblemException.invalid("scheduleId", Text.of("The schedule «" + s.getName() + "» is not valid on " + d,
                        "Расписание «" + s.getName() + "» не действует " + Text.date(d)));
            }
            DateOverrideEntity o = Mapping.override(em, schoolId, d);
            String before = o == null ? null : o.getScheduleId();
            if (o == null) {
                o = new DateOverrideEntity();
                o.setId(UUID.randomUUID().toString());
                o.setSchoolId(schoolId);
                o.setOverrideDate(d.toString());
                o.setScheduleId(s.getId());
                o.setUpdatedAt(clock.now().toEpochMilli());
                em.persist(o);
            } else {
                o.setScheduleId(s.getId());
                o.setUpdatedAt(clock.now().toEpochMilli());
            }
            audit.record(schoolId, "bell-date", o.getId(), "assign", before == null ? null : Map.of("date", d.toString(), "scheduleId", before),
                    Map.of("date", d.toString(), "scheduleId", s.getId()));
            return new Assignment(s.getId());
        });
    }

    /** Removes a date's override: the weekday's schedule applies again. */
    public void removeDate(String schoolId, String date) {
        ZhurnalPrincipal p = caller();
        access.require(p, schoolId, Action.ADMINISTER);
        LocalDate d = parseDate(date);
        writeVoid( em -> {
            DateOverrideEntity o = Mapping.override(em, schoolId, d);
            if (o == null) {
                throw ProblemException.notFound("Override of", d.toString());
            }
            em.remove(o);
            audit.record(schoolId, "bell-date", o.getId(), "delete", Map.of("date", d.toString(), "scheduleId", o.getScheduleId()), null);
        });
    }

    public static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("date", Text.of("date is yyyy-MM-dd", "Дата указывается в формате ГГГГ-ММ-ДД"));
        }
    }
}
