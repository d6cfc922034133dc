package org.zhurnal.roster.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.cache.NodeCache;

/**
 * The number of students in each class of a school's year, as the class list shows it: counting them reads every
 * membership of the school (10,000 rows for a big one), so the counts of a school's year are reused for
 * {@code classSizeSeconds}. This node's own writes of memberships (imports, promotion) evict them when they commit;
 * another node's writes show within that time.
 */
@Component(service = ClassSizes.class, configurationPid = ClassSizes.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ClassSizes.Config.class)
public class ClassSizes {
    static final String PID = "org.zhurnal.roster.cache";

    @ObjectClassDefinition(name = "Zhurnal roster read cache", description = "Reuse of the class sizes shown in class lists")
    public @interface Config {
        @AttributeDefinition(description = "Seconds the class sizes of a school's year are reused; this node's imports and promotions "
                + "evict them at once, another node's show within this time. 0 turns the reuse off")
        int classSizeSeconds() default 10;
    }

    private record Key(String schoolId, int year, LocalDate day) {
    }

    private final NodeCache<Key, Map<String, Long>> cache = new NodeCache<>(Duration.ZERO);

    @Activate
    public ClassSizes(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        cache.ttl(Duration.ofSeconds(Math.max(0, config.classSizeSeconds())));
    }

    /** @return students enrolled on {@code day} per class of the school's year (classes without students left out) */
    Map<String, Long> ofSchool(EntityManager em, String schoolId, int year, LocalDate day) {
        return cache.get(new Key(schoolId, year, day), () -> Map.copyOf(RosterQueryImpl.countsOfSchool(em, schoolId, year, day)));
    }

    /** Forgets the school's class sizes; called after a write of memberships committed. */
    void evict(String schoolId) {
        cache.evict(k -> k.schoolId().equals(schoolId));
    }
}
