package org.zhurnal.core.internal.shell;

import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.zhurnal.core.api.ZhurnalClock;

@Command(scope = "zhurnal", name = "clock", description = "Shows the clock; --fixed/--offset set it (training and test instances), --reset returns to system time")
@Service
public class ClockCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;
    @Reference
    ZhurnalClock clock;

    @Option(name = "--fixed", description = "ISO-8601 instant at which the clock stands still")
    String fixed;
    @Option(name = "--offset", description = "Seconds added to system time")
    Long offset;
    @Option(name = "--reset", description = "Follow the system time again")
    boolean reset;

    /** The furthest a training or test instance's clock is moved: ten years either way. */
    static final long MAX_OFFSET_SECONDS = 10L * 366 * 24 * 3600;

    @Override
    public Object execute() throws Exception {
        if (reset && (fixed != null || offset != null)) {
            System.err.println("--reset returns to the system time: give it alone, without --fixed or --offset");
            return null;
        }
        if (fixed != null && offset != null) {
            System.err.println("Give either --fixed or --offset, not both");
            return null;
        }
        if (offset != null && Math.abs(offset) > MAX_OFFSET_SECONDS) {
            System.err.println("--offset is in seconds, at most " + MAX_OFFSET_SECONDS + " (ten years) either way; e.g. --offset 86400 is a day ahead");
            return null;
        }
        if (fixed != null) {
            try {
                Instant.parse(fixed);
            } catch (java.time.format.DateTimeParseException e) {
                System.err.println("--fixed is an instant such as 2026-12-02T08:00:00Z (UTC) or 2026-12-02T08:00:00+03:00, not «" + fixed + "»");
                return null;
            }
        }
        if (fixed != null || offset != null || reset) {
            Configuration cfg = configAdmin.getConfiguration("org.zhurnal.clock", "?");
            Dictionary<String, Object> props = cfg.getProperties() == null ? new Hashtable<>() : cfg.getProperties();
            props.put("fixedInstant", reset || fixed == null ? "" : fixed);
            props.put("offsetSeconds", reset || offset == null ? 0L : offset);
            cfg.update(props);
            Thread.sleep(200);
        }
        // The instant in the deployment's zone (the instant alone read as local time to operators).
        System.out.println(clock.now().atZone(clock.zone()).toOffsetDateTime() + " (" + clock.zone() + ")");
        return null;
    }
}
