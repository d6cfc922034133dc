package org.zhurnal.core.api.security;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Who is calling, within which request. The REST layer and the shell bind it for the duration of a
 * call; the audit log and the domain events read it. Work started by the system itself runs as
 * {@link ZhurnalPrincipal#SYSTEM}.
 *
 * @param principal the caller
 * @param requestId correlation id of the request (also returned in problem responses)
 */
public record CallContext(ZhurnalPrincipal principal, String requestId) {

    private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

    public CallContext {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** @return the context bound to this thread, if any. */
    public static Optional<CallContext> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * @return the principal of the bound context
     * @throws org.zhurnal.core.api.ProblemException 401 when no caller is bound
     */
    public static ZhurnalPrincipal requirePrincipal() {
        CallContext c = CURRENT.get();
        if (c == null || c.principal().isAnonymous()) {
            throw org.zhurnal.core.api.ProblemException.unauthenticated("Sign in first");
        }
        return c.principal();
    }

    /** @return the bound context, or a fresh system context when none is bound. */
    public static CallContext currentOrSystem() {
        CallContext c = CURRENT.get();
        return c != null ? c : new CallContext(ZhurnalPrincipal.SYSTEM, UUID.randomUUID().toString());
    }

    /** Binds this context for the duration of {@code work}; restores the previous binding afterwards. */
    public <T> T call(Callable<T> work) throws Exception {
        CallContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    /** Binds this context for the duration of {@code work}. */
    public void run(Runnable work) {
        CallContext previous = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    /** Binds this context until {@link #unbind(CallContext)}; used by request filters. */
    public static void bind(CallContext context) {
        CURRENT.set(context);
    }

    /** Removes or restores the binding of this thread. */
    public static void unbind(CallContext previous) {
        restore(previous);
    }

    private static void restore(CallContext previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /**
     * Runs shell work as the Karaf user signed in to the console or ssh (a system administrator: the console is an
     * operator's tool), under a request id naming the command, so that the audit log names the operator.
     *
     * @param command the command's name, e.g. {@code "demo-load"}
     * @since 1.2
     */
    @SuppressWarnings("removal") // Subject.getSubject: how Karaf's shell passes its JAAS subject on Java 17
    public static <T> T asShellOperator(String command, Callable<T> work) throws Exception {
        String user = "console";
        javax.security.auth.Subject subject = javax.security.auth.Subject.getSubject(java.security.AccessController.getContext());
        if (subject != null) {
            user = subject.getPrincipals().stream().filter(p -> p.getClass().getSimpleName().equals("UserPrincipal"))
                    .map(java.security.Principal::getName).findFirst().orElse(user);
        }
        ZhurnalPrincipal operator = new ZhurnalPrincipal("karaf:" + user, user, "Karaf operator " + user,
                java.util.List.of(new Grant(Role.SYSTEM_ADMIN, ScopeRef.SYSTEM)), false);
        return new CallContext(operator, "shell:" + command + ":" + UUID.randomUUID()).call(work);
    }
}
