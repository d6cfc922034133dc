package org.zhurnal.bells.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.internal.entity.DateOverrideEntity;
import org.zhurnal.bells.internal.entity.WeekdayEntity;
import org.zhurnal.core.api.cache.NodeCache;

/**
 * A school's bell schedules with their weekday and date assignments — read for every lesson occurrence — reused for
 * {@code bellSeconds}. The bells module's own writes on this node evict them when they end ({@link BellsServiceImpl});
 * another node's writes show within that time.
 */
@Component(service = SchoolBells.class, configurationPid = SchoolBells.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SchoolBells.Config.class)
public class SchoolBells {
    static final String PID = "org.zhurnal.bells.cache";

    @ObjectClassDefinition(name = "Zhurnal bells read cache", description = "Reuse of a school's bell schedules and their assignments")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a school's bell schedules and assignments are reused; this node's changes evict them "
                + "at once, another node's show within this time. 0 turns the reuse off")
        int bellSeconds() default 10;
    }

    /** A school's schedules (by name, then start of validity) and which applies on which weekday and date. */
    record Bells(List<BellSchedule> schedules, Map<String, BellSchedule> byId, Map<DayOfWeek, String> weekdays,
            Map<LocalDate, String> overrides) {

        /** The date's override wins; else the weekday's schedule if it is valid on that date. */
        Optional<BellSchedule> on(LocalDate date) {
            String override = overrides.get(date);
            if (override != null) {
                return Optional.ofNullable(byId.get(override));
            }
            return BellRules.scheduleOn(date, null, day -> {
                String id = weekdays.get(day);
                return id == null ? null : byId.get(id);
            });
        }

        SortedMap<LocalDate, BellSchedule> between(LocalDate from, LocalDate to) {
            return BellRules.schedulesOn(from, to, byId, weekdays, overrides);
        }
    }

    private final NodeCache<String, Bells> cache = new NodeCache<>(Duration.ZERO);

    @Activate
    public SchoolBells(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        cache.ttl(Duration.ofSeconds(Math.max(0, config.bellSeconds())));
    }

    /** @return the school's bells, from {@code loader} unless reused */
    Bells of(String schoolId, Supplier<Bells> loader) {
        return cache.get(schoolId, loader);
    }

    /** Reads a school's bells in three queries. */
    static Bells load(EntityManager em, String schoolId) {
        List<BellSchedule> schedules = Mapping.schedules(em, schoolId);
        Map<DayOfWeek, String> weekdays = new HashMap<>();
        for (WeekdayEntity w : em.createQuery("select w from WeekdayEntity w where w.schoolId = :s", WeekdayEntity.class)
                .setParameter("s", schoolId).getResultList()) {
            weekdays.put(DayOfWeek.valueOf(w.getWeekday()), w.getScheduleId());
        }
        Map<LocalDate, String> overrides = new HashMap<>();
        for (DateOverrideEntity o : em.createQuery("select o from DateOverrideEntity o where o.schoolId = :s", DateOverrideEntity.class)
                .setParameter("s", schoolId).getResultList()) {
            overrides.put(LocalDate.parse(o.getOverrideDate()), o.getScheduleId());
        }
        return new Bells(schedules, schedules.stream().collect(Collectors.toUnmodifiableMap(BellSchedule::id, Function.identity())),
                Map.copyOf(weekdays), Map.copyOf(overrides));
    }

    /** Forgets every school's bells; called when a bells write has ended. */
    void evictAll() {
        cache.evictAll();
    }
}
