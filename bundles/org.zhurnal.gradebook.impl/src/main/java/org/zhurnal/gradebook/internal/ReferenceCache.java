package org.zhurnal.gradebook.internal;

import java.time.Duration;
import java.util.function.Supplier;

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
 * The gradebook's reference books of a school as every journal entry and page reads them — the grading-scheme rules
 * and the attendance codes — and the person of a signed-in account, reused for {@code referenceSeconds}. This node's writes of them evict at once (through
 * {@link #write}); another node's show within that time.
 */
@Component(service = ReferenceCache.class, configurationPid = ReferenceCache.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReferenceCache.Config.class)
public class ReferenceCache {
    static final String PID = "org.zhurnal.gradebook.cache";

    @ObjectClassDefinition(name = "Zhurnal gradebook read cache", description = "Reuse of a school's grading-scheme rules and attendance codes")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a school's scheme rules and attendance codes are reused; this node's changes "
                + "evict them at once, another node's show within this time. 0 turns the reuse off")
        int referenceSeconds() default 10;
    }

    /** Keys: the kind of book and the school (or, for an account's person, the account). */
    record Key(String book, String schoolId) {
    }

    static final int MAX_KEPT = 10_000;

    private final NodeCache<Key, Object> cache = new NodeCache<>(Duration.ZERO, MAX_KEPT);

    @Activate
    public ReferenceCache(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        cache.ttl(Duration.ofSeconds(Math.max(0, config.referenceSeconds())));
    }

    /** @return the school's book, reused while fresh (the value must be immutable) */
    @SuppressWarnings("unchecked")
    <V> V read(String book, String schoolId, Supplier<V> loader) {
        return (V) cache.get(new Key(book, schoolId), loader::get);
    }

    /** @return the result of a write of the school's book, after which (committed or not) the book is read again */
    <R> R write(JpaTemplate jpa, String book, String schoolId, EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } finally {
            cache.evict(k -> k.book().equals(book) && k.schoolId().equals(schoolId));
        }
    }
}
