package org.zhurnal.core.internal.shell;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.demo.DemoLoader;
import org.zhurnal.core.api.security.CallContext;

@Command(scope = "zhurnal", name = "demo-load", description = "Loads (or completes) the demo school; with --schools, also generated "
        + "neighbour schools of the demo municipality (for benchmarks and training); idempotent")
@Service
public class DemoLoadCommand implements Action {
    @Reference
    DemoLoader loader;
    @Reference
    ZhurnalClock clock;

    @Option(name = "--schools", description = "How many generated neighbour schools the demo municipality should have (Школа № 8, № 9, …)")
    int schools;

    @Option(name = "--activity-days", description = "With --schools: their journal covers this many days up to yesterday "
            + "(default: since 1 September)")
    int activityDays;

    @Override
    public Object execute() throws Exception {
        if (schools < 0 || schools > 500 || activityDays < 0 || activityDays > 366) {
            System.err.println("--schools is 0 to 500 and --activity-days 0 to 366");
            return null;
        }
        var creds = CallContext.asShellOperator("demo-load", loader::load);
        if (creds.isEmpty()) {
            System.out.println("Demo school loaded; no new logins (those created before are in data/demo-credentials.txt).");
        } else {
            System.out.println("Demo school loaded. Logins (also in data/demo-credentials.txt):");
            creds.forEach(c -> System.out.println("  " + c.replace('\t', ' ')));
        }
        if (schools > 0) {
            LocalDate from = activityDays > 0 ? clock.today().minusDays(activityDays) : null;
            var ids = CallContext.asShellOperator("demo-load", () -> loader.loadNeighbours(schools, from));
            System.out.println(ids.size() + " neighbour schools loaded" + (from == null ? "" : ", journal from " + from));
        }
        return null;
    }
}
