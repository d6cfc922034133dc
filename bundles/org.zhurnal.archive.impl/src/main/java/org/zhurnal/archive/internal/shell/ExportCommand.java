package org.zhurnal.archive.internal.shell;

import org.zhurnal.core.api.security.CallContext;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.archive.api.ArchiveService;
import org.zhurnal.archive.api.ExportResult;

@Command(scope = "zhurnal", name = "archive-export", description = "Copies a school's archive (documents, records, signed manifests, "
        + "signatures) to every export target of org.zhurnal.archive; fails when a target fails (the others are still written)")
@Service
public class ExportCommand implements Action {
    @Reference
    ArchiveService archive;

    @Argument(index = 0, name = "schoolId", description = "The school", required = true)
    String schoolId;

    @Override
    public Object execute() throws Exception {
        ExportResult r = CallContext.asShellOperator("archive-export", () -> archive.export(schoolId));
        for (ExportResult.Target t : r.targets()) {
            System.out.println((t.ok() ? "OK     " : "FAILED ") + t.directory() + (t.ok() ? "" : " — " + t.error()));
        }
        System.out.println(r.documents() + " documents exported");
        if (!r.ok()) {
            throw new IllegalStateException("Export of school " + schoolId + " failed for some targets");
        }
        return null;
    }
}
