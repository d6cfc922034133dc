package org.zhurnal.security.internal;

import java.time.Duration;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.cache.NodeCache;
import org.zhurnal.security.api.Session;

/**
 * What this node read of a session for a request — the session, its account's principal (roles and scopes) and its
 * times — reused for {@code seconds}, so that a request does not read the session, the account and its grants again
 * (a third of a simple read's CPU). The times are kept, not a verdict: expiry and idle time are checked against the
 * clock on every request. This node's sign-outs, password changes and account writes (grants, locks, resets) forget
 * everything once they ended; another node's show within {@code seconds}.
 */
@Component(service = CheckedSessions.class, configurationPid = CheckedSessions.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CheckedSessions.Config.class)
public class CheckedSessions {
    static final String PID = "org.zhurnal.security.sessions";

    @ObjectClassDefinition(name = "Zhurnal session reuse", description = "Reuse of checked sessions across requests")
    public @interface Config {
        @AttributeDefinition(description = "Seconds a checked session (with its roles) is reused; this node's sign-outs, password "
                + "and account changes end the reuse at once, another node's show within this time. 0 turns the reuse off")
        int seconds() default 5;
    }

    /**
     * A session as read: {@code session} null when the token is unknown or its account is gone or disabled;
     * {@code found} whether a session row exists (an expired one is deleted by the next request).
     */
    record Known(boolean found, Session session, long expiresAt, long lastSeenAt) {
        static final Known UNKNOWN = new Known(false, null, 0, 0);
    }

    /** Many more than the sessions of a node's busiest hour; past it, expired entries go, then all. */
    static final int MAX_KEPT = 50_000;

    private final NodeCache<String, Known> known = new NodeCache<>(Duration.ZERO, MAX_KEPT);

    @Activate
    public CheckedSessions(Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        known.ttl(Duration.ofSeconds(Math.max(0, config.seconds())));
    }

    Known get(String tokenHash, Supplier<Known> loader) {
        return known.get(tokenHash, loader);
    }

    void forget(String tokenHash) {
        known.evict(tokenHash::equals);
    }

    void forgetAll() {
        known.evictAll();
    }

    /** @return the write's result; everything is forgotten once it ended (committed, failed or joined a caller's transaction) */
    <R> R forgettingAll(Supplier<R> write) {
        try {
            return write.get();
        } finally {
            forgetAll();
        }
    }
}
