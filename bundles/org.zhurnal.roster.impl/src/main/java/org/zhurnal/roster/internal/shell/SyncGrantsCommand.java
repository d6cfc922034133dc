package org.zhurnal.roster.internal.shell;

import org.zhurnal.core.api.security.CallContext;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.roster.internal.StaffGrantsResync;

@Command(scope = "zhurnal", name = "roster-sync-grants", description = "Recomputes the roster-derived grants (TEACHER, DEPUTY_DIRECTOR, "
        + "CLASS_TEACHER) of every staff account of one school, or of every school, for today's academic year; prints how many "
        + "accounts changed")
@Service
public class SyncGrantsCommand implements Action {
    @Reference
    StaffGrantsResync resync;

    @Argument(index = 0, name = "schoolId", description = "The school; every school when omitted", required = false)
    String schoolId;

    @Override
    public Object execute() throws Exception {
        StaffGrantsResync.Result result;
        try {
            result = CallContext.asShellOperator("roster-sync-grants", () -> resync.resync(schoolId));
        } catch (ProblemException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        System.out.println(result.summary());
        if (result.failedSchools() > 0) {
            throw new IllegalStateException(result.failedSchools() + " schools failed; see the log. They keep their grants");
        }
        return null;
    }
}
