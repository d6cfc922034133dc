package org.zhurnal.itests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.ConfigurationAdmin;
import org.zhurnal.core.api.ZhurnalClock;

/** Setting the platform clock ({@code org.zhurnal.clock}) from a test and waiting until every module reads the new time. */
final class Clocks {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Clocks() {
    }

    /** Stops the platform clock at {@code at} (Moscow time) of {@code day}, or lets it follow system time again ({@code day} null). */
    static void set(ConfigurationAdmin configAdmin, ZhurnalClock clock, LocalDate day, LocalTime at) throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("org.zhurnal.clock", null);
        Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        Instant target = day == null ? null : day.atTime(at).atZone(MOSCOW).toInstant();
        props.put("fixedInstant", target == null ? "" : target.toString());
        c.update(props);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Instant now = clock.now();
            Instant expected = target == null ? Instant.now() : target;
            if (Math.abs(Duration.between(now, expected).toSeconds()) < 5) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the clock did not move to " + expected + " (it says " + now + ")");
            }
            Thread.sleep(100);
        }
    }
}
