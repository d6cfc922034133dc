package org.zhurnal.core.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The single source of "now" for every module. Deadline rules (journal timeliness, session expiry,
 * lockouts) must read time only from here so that tests and operators can set it.
 * <p>Thread-safe. Never returns {@code null}.
 */
@ProviderType
public interface ZhurnalClock {

    /** @return the current instant. */
    Instant now();

    /** @return the deployment's default time zone (Europe/Moscow unless configured). */
    ZoneId zone();

    /** @return today's date in {@link #zone()}. */
    default LocalDate today() {
        return LocalDate.ofInstant(now(), zone());
    }

    /** @return a {@link Clock} view for APIs that take one; it follows later changes of this clock. */
    Clock asClock();
}
