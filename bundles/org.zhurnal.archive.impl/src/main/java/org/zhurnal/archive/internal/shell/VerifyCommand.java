package org.zhurnal.archive.internal.shell;

import org.zhurnal.core.api.security.CallContext;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.archive.api.ArchiveService;
import org.zhurnal.archive.api.Verification;

@Command(scope = "zhurnal", name = "archive-verify", description = "Verifies the archived documents of one school (or of every school): "
        + "content hash, signature over record and hash, trusted certificate; fails when any document fails")
@Service
public class VerifyCommand implements Action {
    @Reference
    ArchiveService archive;

    @Argument(index = 0, name = "schoolId", description = "The school; every school when omitted", required = false)
    String schoolId;

    @Override
    public Object execute() throws Exception {
        List<Verification> results = CallContext.asShellOperator("archive-verify", () -> archive.verifyAll(schoolId));
        long failed = 0;
        for (Verification v : results) {
            System.out.println(v.status() + " " + v.documentId() + (v.ok() ? "" : " — " + v.detail()));
            failed += v.ok() ? 0 : 1;
        }
        System.out.println(results.size() + " documents verified, " + failed + " failed");
        if (failed > 0) {
            throw new IllegalStateException(failed + " of " + results.size() + " archived documents failed verification");
        }
        return null;
    }
}
