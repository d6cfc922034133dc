package org.zhurnal.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.persistence.TransientFailures;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.security.api.AuthenticationService;
import org.zhurnal.security.api.Session;
import org.zhurnal.security.internal.CheckedSessions.Known;
import org.zhurnal.security.internal.entity.AccountEntity;
import org.zhurnal.security.internal.entity.SessionEntity;

/**
 * Sign-in with throttling: after {@code lockThreshold} consecutive failures an account is locked for
 * {@code lockBaseSeconds}, doubling with every further failure up to {@code lockMaxSeconds}; attempts
 * during a lock are refused without checking the password. With the defaults an account can fail at
 * most about 14 times an hour. Unknown logins cost the same hashing time as known ones.
 */
@Component(service = AuthenticationService.class, configurationPid = "org.zhurnal.security")
@Designate(ocd = AuthenticationServiceImpl.Config.class)
public class AuthenticationServiceImpl implements AuthenticationService {

    @ObjectClassDefinition(name = "Zhurnal sign-in", description = "Sessions and sign-in throttling")
    public @interface Config {
        @AttributeDefinition(description = "A session ends after this many idle minutes")
        int idleMinutes() default 30;

        @AttributeDefinition(description = "A session ends this many hours after sign-in at the latest")
        int absoluteHours() default 12;

        @AttributeDefinition(description = "Consecutive failures before the account is locked")
        int lockThreshold() default 5;

        @AttributeDefinition(description = "First lock duration in seconds (doubles with each further failure)")
        int lockBaseSeconds() default 30;

        @AttributeDefinition(description = "Longest lock in seconds")
        int lockMaxSeconds() default 900;
    }

    private enum Outcome { OK, WRONG, LOCKED, DISABLED }

    private record Attempt(Outcome outcome, Session session, long lockedUntil) {}

    /** Seconds between writes of a session's last-seen time (keeps reads from writing on every request). */
    private static final long TOUCH_MILLIS = 60_000;

    private final JpaTemplate jpa;
    private final CheckedSessions sessions;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final Config config;
    private final PasswordHasher hasher = new PasswordHasher();
    private final String dummyHash;

    @Activate
    public AuthenticationServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-security)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference AuditLog audit, @Reference SecuritySchema schema, @Reference CheckedSessions sessions,
            Config config) {
        this.jpa = jpa;
        this.sessions = sessions;
        this.clock = clock;
        this.audit = audit;
        this.config = config;
        this.dummyHash = hasher.hash(Secrets.token());
    }

    @Override
    public Session login(String login, String password, String remoteAddress) {
        if (login == null || login.isBlank()) {
            throw ProblemException.invalid("login", Text.of("login is required", "Введите логин"));
        }
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", Text.of("password is required", "Введите пароль"));
        }
        // The outcome is committed before any error is thrown, so failure counters survive.
        Attempt a = jpa.txExpr(TransactionType.Required, em -> {
            long now = clock.now().toEpochMilli();
            AccountEntity acc = AccountServiceImpl.findByLogin(em, login.strip());
            if (acc == null) {
                hasher.verify(password, dummyHash);
                return new Attempt(Outcome.WRONG, null, 0);
            }
            if (acc.getLockedUntil() > now) {
                return new Attempt(Outcome.LOCKED, null, acc.getLockedUntil());
            }
            if (!hasher.verify(password, acc.getPasswordHash())) {
                acc.setFailedLogins(acc.getFailedLogins() + 1);
                int over = acc.getFailedLogins() - config.lockThreshold();
                if (over >= 0) {
                    long lockSeconds = Math.min((long) config.lockBaseSeconds() << Math.min(over, 20), config.lockMaxSeconds());
                    acc.setLockedUntil(now + lockSeconds * 1000);
                    audit.record(acc.getSchoolId(), "account", acc.getId(), "lock", null,
                            Map.of("failedLogins", acc.getFailedLogins(), "lockedUntil", Instant.ofEpochMilli(acc.getLockedUntil()).toString()));
                }
                return new Attempt(Outcome.WRONG, null, 0);
            }
            if (acc.isDisabled()) {
                return new Attempt(Outcome.DISABLED, null, 0);
            }
            acc.setFailedLogins(0);
            acc.setLockedUntil(0);
            String token = Secrets.token();
            SessionEntity s = new SessionEntity();
            s.setTokenHash(Secrets.sha256(token));
            s.setAccountId(acc.getId());
            s.setCsrfToken(Secrets.token());
            s.setCreatedAt(now);
            s.setLastSeenAt(now);
            s.setExpiresAt(now + Duration.ofHours(config.absoluteHours()).toMillis());
            s.setRemoteAddress(remoteAddress);
            em.persist(s);
            ZhurnalPrincipal principal = Accounts.principal(em, acc);
            new CallContext(principal, CallContext.currentOrSystem().requestId()).run(() -> audit.record(acc.getSchoolId(),
                    "session", s.getTokenHash().substring(0, 12), "login", null,
                    Map.of("remoteAddress", String.valueOf(remoteAddress))));
            return new Attempt(Outcome.OK, new Session(token, principal, s.getCsrfToken(), Instant.ofEpochMilli(s.getExpiresAt())), 0);
        });
        return switch (a.outcome()) {
            case OK -> a.session();
            case WRONG -> throw new ProblemException(401, "unauthenticated", "Authentication required",
                    Text.of("Wrong login or password", "Неверный логин или пароль"), null);
            case DISABLED -> throw ProblemException.forbidden(Text.of("This account is disabled; contact the school's coordinator",
                    "Учётная запись отключена; обратитесь к ответственному за электронный журнал в школе"));
            case LOCKED -> throw new ProblemException(429, "too-many-requests", "Too many requests",
                    Text.of("Too many failed sign-ins. Try again after " + Instant.ofEpochMilli(a.lockedUntil()),
                            "Слишком много неудачных попыток входа. Повторите после " + localTime(a.lockedUntil())), null);
        };
    }

    @Override
    public Optional<Session> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        long now = clock.now().toEpochMilli();
        long idle = Duration.ofMinutes(config.idleMinutes()).toMillis();
        // Read without a transaction (and reused for a few seconds, see CheckedSessions): a request's sign-in writes
        // only to end an expired session or, once a minute, to note that the session is in use.
        // A read only: tried again after a transient failure under load (TransientFailures) before the request fails.
        Known k = sessions.get(hash, () -> TransientFailures.retryRead(() -> jpa.txExpr(TransactionType.Supports, em -> {
            SessionEntity s = em.find(SessionEntity.class, hash);
            if (s == null) {
                return Known.UNKNOWN;
            }
            AccountEntity acc = em.find(AccountEntity.class, s.getAccountId());
            Session session = acc == null || acc.isDisabled() ? null
                    : new Session(null, Accounts.principal(em, acc), s.getCsrfToken(), Instant.ofEpochMilli(s.getExpiresAt()));
            return new Known(true, session, s.getExpiresAt(), s.getLastSeenAt());
        })));
        if (!k.found()) {
            return Optional.empty();
        }
        if (k.expiresAt() <= now || k.lastSeenAt() + idle <= now) {
            sessions.forget(hash);
            jpa.tx(TransactionType.Required, em -> em.createNativeQuery("DELETE FROM zh_session WHERE token_hash = ?1")
                    .setParameter(1, hash).executeUpdate());
            return Optional.empty();
        }
        if (k.session() != null && now - k.lastSeenAt() >= TOUCH_MILLIS) {
            // Two requests may both touch; the later time wins, and neither waits for the other's commit for long.
            jpa.tx(TransactionType.Required, em -> em.createNativeQuery("UPDATE zh_session SET last_seen_at = ?1 WHERE token_hash = ?2 "
                    + "AND last_seen_at < ?1").setParameter(1, now).setParameter(2, hash).executeUpdate());
            sessions.forget(hash);
        }
        return Optional.ofNullable(k.session());
    }

    @Override
    public void logout(String token) {
        if (token == null || token.length() > 100) {
            return;
        }
        String hash = Secrets.sha256(token);
        try {
            jpa.tx(TransactionType.Required, em -> {
                SessionEntity s = em.find(SessionEntity.class, hash);
                if (s != null) {
                    AccountEntity acc = em.find(AccountEntity.class, s.getAccountId());
                    em.remove(s);
                    audit.record(acc == null ? null : acc.getSchoolId(), "session", hash.substring(0, 12), "logout", null, null);
                }
            });
        } finally {
            sessions.forget(hash);
        }
    }

    /** «14:06» (rounded up to the minute) in the deployment's zone, with the date («01.12.2026 00:06») when it is not today. */
    private String localTime(long epochMilli) {
        ZonedDateTime t = Instant.ofEpochMilli(epochMilli).atZone(clock.zone()).plusSeconds(59).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        return DateTimeFormatter.ofPattern(t.toLocalDate().equals(clock.today()) ? "HH:mm" : "dd.MM.yyyy HH:mm").format(t);
    }

    @Override
    public void changePassword(String accountId, String currentPassword, String newPassword, String keepToken) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw ProblemException.invalid("currentPassword", Text.of("Enter your current password", "Введите текущий пароль"));
        }
        String login = jpa.txExpr(TransactionType.Supports, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            return a == null ? null : a.getLogin();
        });
        if (login == null) {
            throw ProblemException.notFound("Account", accountId);
        }
        PasswordPolicy.check("newPassword", newPassword, login);
        if (newPassword.equals(currentPassword)) {
            throw ProblemException.invalid("newPassword", Text.of("The new password must differ from the current one",
                    "Новый пароль должен отличаться от текущего"));
        }
        String newHash = hasher.hash(newPassword);
        String keep = keepToken == null ? "" : Secrets.sha256(keepToken);
        boolean ok = sessions.forgettingAll(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = em.find(AccountEntity.class, accountId);
            if (!hasher.verify(currentPassword, a.getPasswordHash())) {
                return false;
            }
            boolean wasTemporary = a.isMustChange();
            a.setPasswordHash(newHash);
            a.setMustChange(false);
            a.setPasswordChangedAt(clock.now().toEpochMilli());
            em.createQuery("delete from SessionEntity s where s.accountId = :a and s.tokenHash <> :k")
                    .setParameter("a", accountId).setParameter("k", keep).executeUpdate();
            audit.record(a.getSchoolId(), "account", accountId, "change-password",
                    Map.of("mustChangePassword", wasTemporary), Map.of("mustChangePassword", false));
            return true;
        }));
        if (!ok) {
            throw new ProblemException(403, "wrong-password", "Forbidden", Text.of("The current password is wrong",
                    "Текущий пароль введён неверно"), "currentPassword");
        }
    }
}
