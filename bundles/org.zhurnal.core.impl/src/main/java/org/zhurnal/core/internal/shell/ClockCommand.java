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

    @Override
    public Object execute() throws Exception {
        if (fixed != null || offset != null || reset) {
            if (fixed != null) {
                Instant.parse(fixed);
            }
            Configuration cfg = configAdmin.getConfiguration("org.zhurnal.clock", "?");
            Dictionary<String, Object> props = cfg.getProperties() == null ? new Hashtable<>() : cfg.getProperties();
            props.put("fixedInstant", reset || fixed == null ? "" : fixed);
            props.put("offsetSeconds", reset || offset == null ? 0L : offset);
            cfg.update(props);
            Thread.sleep(200);
        }
        System.out.println(clock.now() + " (" + clock.zone() + ")");
        return null;
    }
}
