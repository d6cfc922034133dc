package org.zhurnal.roster.internal.shell;

import java.security.AccessController;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.security.auth.Subject;

import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;

/** Runs shell work as the signed-in Karaf user (a system administrator), so the audit log names the operator. */
final class ShellCalls {
    private ShellCalls() {}

    @SuppressWarnings("removal")
    static <T> T asOperator(String command, Callable<T> work) throws Exception {
        String user = "console";
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            user = subject.getPrincipals().stream().filter(p -> p.getClass().getSimpleName().equals("UserPrincipal"))
                    .map(java.security.Principal::getName).findFirst().orElse(user);
        }
        ZhurnalPrincipal operator = new ZhurnalPrincipal("karaf:" + user, user, "Karaf operator " + user,
                List.of(new Grant(Role.SYSTEM_ADMIN, ScopeRef.SYSTEM)), false);
        return new CallContext(operator, "shell:" + command + ":" + UUID.randomUUID()).call(work);
    }
}
