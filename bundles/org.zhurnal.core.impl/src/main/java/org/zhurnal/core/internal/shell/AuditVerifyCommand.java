package org.zhurnal.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.audit.AuditVerification;

@Command(scope = "zhurnal", name = "audit-verify", description = "Verifies every audit hash chain; fails if any entry was altered or removed")
@Service
public class AuditVerifyCommand implements Action {
    @Reference
    AuditLog audit;

    @Override
    public Object execute() throws Exception {
        AuditVerification v = audit.verify();
        System.out.printf("Checked %d entries in %d chains.%n", v.entries(), v.chains());
        if (v.valid()) {
            System.out.println("Audit log OK: every chain verifies.");
            return null;
        }
        v.problems().forEach(p -> System.out.println("BROKEN: " + p));
        throw new IllegalStateException("Audit log verification FAILED (" + v.problems().size() + " chains broken)");
    }
}
