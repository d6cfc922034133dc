package org.zhurnal.calendar.internal;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.DayOff;
import org.zhurnal.calendar.api.DayTransfer;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.cache.NodeCache;

/**
 * A school's academic years with their days off and transferred days — what every lesson occurrence, diary week and
 * journal deadline is computed from — reused for {@code yearSeconds}. The calendar's own writes on this node evict
 * them when they end ({@link CalendarServiceImpl}); another node's writes show within that time. The year's reporting
 * periods are kept only to find which period a date falls in: their states (and the period itself, in case another
 * node changed it) are read afresh by {@link CalendarQueryImpl#periodOf}, so a closed period is refused from the moment
 * it is closed.
 */
@Component(service = SchoolYears.class, configurationPid = SchoolYears.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SchoolYears.Config.class)
public class SchoolYears {
    static final String PID = "org.zhurnal.calendar.cache";

    @ObjectClassDefinition(name = "Zhurnal calendar read cache", description = "Reuse of a school's years, days off and transfers")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a school's years, days off and transferred days are reused; this node's calendar "
                + "changes evict them at once, another node's show within this time. 0 turns the reuse off")
        int yearSeconds() default 10;
    }

    /** One academic year with what its school days are computed from, and its reporting periods (states as loaded). */
    record YearDays(AcademicYear year, List<DayOff> daysOff, List<DayTransfer> transfers, List<ReportingPeriod> periods) {
    }

    private final NodeCache<String, List<YearDays>> cache = new NodeCache<>(Duration.ZERO);

    @Activate
    public SchoolYears(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        cache.ttl(Duration.ofSeconds(Math.max(0, config.yearSeconds())));
    }

    /** @return the school's years by start, from {@code loader} unless reused */
    List<YearDays> of(String schoolId, Supplier<List<YearDays>> loader) {
        return cache.get(schoolId, loader);
    }

    /** Forgets every school's years; called when a calendar write has ended. */
    void evictAll() {
        cache.evictAll();
    }
}
