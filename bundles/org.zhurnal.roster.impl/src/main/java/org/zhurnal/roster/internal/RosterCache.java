package org.zhurnal.roster.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.cache.NodeCache;

/**
 * The roster's read cache of this node. Two kinds of values, each reused for a time to live and evicted by this
 * node's own writes once they commit (another node's writes show within the time to live):
 * <ul>
 * <li>the number of students in each class of a school's year, as the class list shows it — counting reads every
 * membership of the school (10,000 rows for a big one) — for {@code classSizeSeconds};</li>
 * <li>what the other modules ask of the roster on every journal entry, journal page and diary week — a class, a
 * group, the members of a class or group with their dates, a person, a student's guardians — and the roster's own class list and class cards
 * (everything but the accounts, which the security module answers each time) for {@code readSeconds}.</li>
 * </ul>
 * Every roster write evicts them: imports, promotion, person edits, groups and their members, consents.
 */
@Component(service = RosterCache.class, configurationPid = RosterCache.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RosterCache.Config.class)
public class RosterCache {
    static final String PID = "org.zhurnal.roster.cache";

    @ObjectClassDefinition(name = "Zhurnal roster read cache", description = "Reuse of class sizes, classes, groups and their members")
    public @interface Config {
        @AttributeDefinition(description = "Seconds the class sizes of a school's year are reused; this node's imports and promotions "
                + "evict them at once, another node's show within this time. 0 turns the reuse off")
        int classSizeSeconds() default 10;

        @AttributeDefinition(description = "Seconds a class, a group and their members are reused for the journal and the diary; "
                + "this node's roster writes evict them at once, another node's show within this time. 0 turns the reuse off")
        int readSeconds() default 10;
    }

    private record Key(String schoolId, int year, LocalDate day) {
    }

    /** At most this many classes, groups and member lists are kept (a big school has a few hundred of each). */
    static final int MAX_READS = 20_000;

    private final NodeCache<Key, Map<String, Long>> cache = new NodeCache<>(Duration.ZERO);
    private final NodeCache<Object, Object> reads = new NodeCache<>(Duration.ZERO, MAX_READS);

    @Activate
    public RosterCache(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        cache.ttl(Duration.ofSeconds(Math.max(0, config.classSizeSeconds())));
        reads.ttl(Duration.ofSeconds(Math.max(0, config.readSeconds())));
    }

    /** @return students enrolled on {@code day} per class of the school's year (classes without students left out) */
    Map<String, Long> ofSchool(EntityManager em, String schoolId, int year, LocalDate day) {
        return cache.get(new Key(schoolId, year, day), () -> Map.copyOf(RosterQueryImpl.countsOfSchool(em, schoolId, year, day)));
    }

    /** @return the value of a read of the other modules (its key names it: a record per kind of read), reused while fresh */
    @SuppressWarnings("unchecked")
    <V> V read(Object key, Supplier<V> loader) {
        return (V) reads.get(key, loader::get);
    }

    /** Forgets everything; called after a roster write of people or groups committed (or rolled back). */
    void evictAll() {
        cache.evictAll();
        reads.evictAll();
    }

    /**
     * @return the work's result, run in a (joined or new) transaction, after which everything cached is forgotten —
     * the write helper of roster writes outside imports and promotion
     */
    <R> R write(JpaTemplate jpa, EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } finally {
            evictAll();
        }
    }

    /** Forgets the school's class sizes and every cached read; called after a roster write committed (or rolled back). */
    void evict(String schoolId) {
        cache.evict(k -> k.schoolId().equals(schoolId));
        reads.evictAll();
    }
}
