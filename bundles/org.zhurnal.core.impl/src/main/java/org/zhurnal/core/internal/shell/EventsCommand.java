package org.zhurnal.core.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.core.internal.event.EventDispatcher;

@Command(scope = "zhurnal", name = "events", description = "Shows the end of the domain-event log and the delivery progress of every listener (how far behind it is)")
@Service
public class EventsCommand implements Action {
    @Reference
    EventDispatcher dispatcher;

    @Override
    public Object execute() throws Exception {
        long[] end = dispatcher.end();
        System.out.printf("Log end: position %d; %d committed events not yet sequenced%n", end[0], end[1]);
        System.out.printf("%-40s %10s %8s %8s  %s%n", "LISTENER", "POSITION", "BEHIND", "FAILURES", "LAST ERROR / NEXT ATTEMPT");
        dispatcher.progress().forEach(l -> System.out.printf("%-40s %10d %8d %8d  %s%n", l.getListenerId(), l.getPos(),
                Math.max(0, end[0] - l.getPos()), l.getFailures(),
                l.getLastError() == null ? "" : l.getLastError() + " / " + Instant.ofEpochMilli(l.getNextAttemptAt())));
        return null;
    }
}
