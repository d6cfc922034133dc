package org.zhurnal.diary.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.diary.api.DiaryWeek;

/**
 * A short-lived cache of assembled diary weeks (per student and Monday), on this node only. Parents reopen the
 * diary often; assembling a week reads five modules. What the domain events report (marks, absences, homework,
 * final grades, substitutions, closed periods) evicts at once through {@link CacheInvalidator}; anything else
 * (a topic edited without homework, a new holiday, a timetable template change) shows within {@code weekSeconds}.
 * {@code weekSeconds = 0} turns the cache off.
 */
@Component(service = WeekCache.class, configurationPid = WeekCache.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = WeekCache.Config.class)
public class WeekCache {
    public static final String PID = "org.zhurnal.diary.cache";

    @ObjectClassDefinition(name = "Zhurnal diary cache", description = "How long an assembled diary week is reused on this node")
    public @interface Config {
        @AttributeDefinition(description = "Seconds an assembled week is reused (0: no cache)")
        int weekSeconds() default 30;

        @AttributeDefinition(description = "Most weeks kept; beyond it the cache is emptied")
        int maxWeeks() default 20000;
    }

    private record Entry(Optional<DiaryWeek> week, long expires) {
    }

    private final Map<String, Entry> weeks = new ConcurrentHashMap<>();
    private volatile Config config;

    @Activate
    public WeekCache(Config config) {
        this.config = config;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
        weeks.clear();
    }

    public Optional<DiaryWeek> week(String studentId, LocalDate monday, Supplier<Optional<DiaryWeek>> assemble) {
        int seconds = config.weekSeconds();
        if (seconds <= 0) {
            return assemble.get();
        }
        String key = studentId + "|" + monday;
        long now = System.currentTimeMillis();
        Entry e = weeks.get(key);
        if (e != null && e.expires() > now) {
            return e.week();
        }
        Optional<DiaryWeek> fresh = assemble.get();
        if (weeks.size() >= config.maxWeeks()) {
            weeks.clear();
        }
        weeks.put(key, new Entry(fresh, now + seconds * 1000L));
        return fresh;
    }

    /** Forgets the student's weeks. */
    public void evictStudent(String studentId) {
        String prefix = studentId + "|";
        weeks.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Forgets every week. */
    public void clear() {
        weeks.clear();
    }
}
