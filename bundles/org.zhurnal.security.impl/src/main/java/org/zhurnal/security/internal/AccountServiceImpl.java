package org.zhurnal.security.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.ZhurnalConstants;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.IssuedCredentials;
import org.zhurnal.security.api.NewAccount;
import org.zhurnal.security.internal.entity.AccountEntity;

@Component(service = AccountService.class)
public class AccountServiceImpl implements AccountService {
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]");
    private static final Text DISPLAY_NAME_REQUIRED = Text.of("displayName is required", "Укажите имя пользователя (ФИО)");
    private static final Text NO_ROLE = Text.of("An account needs at least one role", "У учётной записи должна быть хотя бы одна роль");

    private final JpaTemplate jpa;
    private final CheckedSessions sessions;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final PasswordHasher hasher = new PasswordHasher();

    @Activate
    public AccountServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-security)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference AuditLog audit, @Reference SecuritySchema schema, @Reference CheckedSessions sessions) {
        this.jpa = jpa;
        this.sessions = sessions;
        this.clock = clock;
        this.audit = audit;
        carryGrantsOver();
    }

    /**
     * Gives the accounts written before changeset security-2 their grants in their own row, from zh_account_grant, 500
     * accounts per transaction. Once done it finds nothing; until then those accounts' grants are read from the table.
     */
    private void carryGrantsOver() {
        int batch = 500;
        int moved;
        do {
            moved = jpa.txExpr(TransactionType.Required, em -> {
                List<AccountEntity> old = em.createQuery("select a from AccountEntity a where a.grants is null", AccountEntity.class)
                        .setMaxResults(batch).getResultList();
                java.util.Map<String, List<Grant>> legacy = Accounts.legacyGrantsOf(em, old.stream().map(AccountEntity::getId).toList());
                old.forEach(a -> a.setGrants(Accounts.encode(legacy.getOrDefault(a.getId(), List.of()))));
                return old.size();
            });
        } while (moved == batch);
    }

    @Override
    public IssuedCredentials create(NewAccount n) {
        if (n == null) {
            throw ProblemException.invalid("body", Text.of("Account data is required", "Нет данных учётной записи"));
        }
        if (n.displayName() == null || n.displayName().isBlank()) {
            throw ProblemException.invalid("displayName", DISPLAY_NAME_REQUIRED);
        }
        if (n.grants() == null || n.grants().isEmpty()) {
            throw ProblemException.invalid("grants", NO_ROLE);
        }
        String login = n.login() == null || n.login().isBlank() ? proposeLogin(n.displayName())
                : n.login().strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(login).matches()) {
            throw ProblemException.invalid("login", Text.of(
                    "A login is 3–64 characters: Latin letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
                    "Логин — от 3 до 64 символов: латинские буквы, цифры, «.», «_» или «-»; в начале и в конце — буква или цифра"));
        }
        String temporary = n.password() == null ? Secrets.temporaryPassword() : null;
        if (n.password() != null) {
            PasswordPolicy.check("password", n.password(), login);
        }
        String hash = hasher.hash(temporary != null ? temporary : n.password());
        long now = clock.now().toEpochMilli();
        AccountInfo info = jpa.txExpr(TransactionType.Required, em -> {
            if (findByLogin(em, login) != null) {
                throw ProblemException.conflict("login-taken", Text.of("The login '" + login + "' is already taken",
                        "Логин «" + login + "» уже занят"));
            }
            AccountEntity a = new AccountEntity();
            a.setId(UUID.randomUUID().toString());
            a.setLogin(login);
            a.setDisplayName(n.displayName().strip());
            a.setPersonId(n.personId());
            a.setSchoolId(n.schoolId() == null ? ZhurnalConstants.SYSTEM_SCOPE : n.schoolId());
            a.setPasswordHash(hash);
            a.setMustChange(temporary != null);
            a.setCreatedAt(now);
            a.setPasswordChangedAt(now);
            a.setGrants(Accounts.encode(n.grants()));
            em.persist(a);
            em.flush();
            audit.record(a.getSchoolId(), "account", a.getId(), "create", null, Accounts.auditView(a, n.grants()));
            return Accounts.info(em, a);
        });
        return new IssuedCredentials(info, temporary);
    }

    static AccountEntity findByLogin(EntityManager em, String login) {
        return em.createQuery("select a from AccountEntity a where a.login = :l", AccountEntity.class)
                .setParameter("l", login.toLowerCase(Locale.ROOT)).getResultList().stream().findFirst().orElse(null);
    }

    @Override
    public Optional<AccountInfo> byId(String accountId) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(AccountEntity.class, accountId))
                .map(a -> Accounts.info(em, a)));
    }

    @Override
    public Optional<AccountInfo> byLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(findByLogin(em, login)).map(a -> Accounts.info(em, a)));
    }

    @Override
    public Optional<AccountInfo> byPerson(String personId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select a from AccountEntity a where a.personId = :p", AccountEntity.class).setParameter("p", personId)
                .getResultList().stream().findFirst().map(a -> Accounts.info(em, a)));
    }

    @Override
    public java.util.Map<String, AccountInfo> byPersons(java.util.Collection<String> personIds) {
        java.util.Map<String, AccountInfo> result = new java.util.HashMap<>();
        if (personIds == null || personIds.isEmpty()) {
            return result;
        }
        List<String> ids = List.copyOf(personIds);
        return jpa.txExpr(TransactionType.Supports, em -> {
            // Chunks keep the IN list within every database's parameter limits.
            for (int i = 0; i < ids.size(); i += 500) {
                List<AccountEntity> found = em.createQuery("select a from AccountEntity a where a.personId in :p", AccountEntity.class)
                        .setParameter("p", InLists.padded(ids.subList(i, Math.min(ids.size(), i + 500)))).getResultList();
                java.util.Map<String, List<Grant>> grants = Accounts.grantsOf(em, found);
                found.forEach(a -> result.put(a.getPersonId(), Accounts.info(a, grants.getOrDefault(a.getId(), List.of()))));
            }
            return result;
        });
    }

    @Override
    public List<AccountInfo> bySchool(String schoolId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select a from AccountEntity a where a.schoolId = :s order by a.login", AccountEntity.class)
                .setParameter("s", schoolId).getResultList().stream().map(a -> Accounts.info(em, a)).toList());
    }

    @Override
    public AccountInfo setGrants(String accountId, List<Grant> grants) {
        if (grants == null || grants.isEmpty()) {
            throw ProblemException.invalid("grants", NO_ROLE);
        }
        // Sessions of this node carry the account's roles: forgotten once the write ended (see CheckedSessions).
        return sessions.forgettingAll(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = require(em, accountId);
            List<Grant> before = Accounts.grants(em, a);
            // One row: a request reading the account meanwhile waits for this write and then reads all of it (the
            // rows of zh_account_grant, replaced one by one, let a concurrent reader miss grants that stayed).
            a.setGrants(Accounts.encode(grants));
            em.createQuery("delete from GrantEntity g where g.accountId = :a").setParameter("a", accountId).executeUpdate();
            em.flush();
            audit.record(a.getSchoolId(), "account", accountId, "set-grants", Accounts.auditView(a, before),
                    Accounts.auditView(a, grants));
            return Accounts.info(em, a);
        }));
    }

    @Override
    public IssuedCredentials resetPassword(String accountId) {
        String temporary = Secrets.temporaryPassword();
        String hash = hasher.hash(temporary);
        AccountInfo info = sessions.forgettingAll(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = require(em, accountId);
            a.setPasswordHash(hash);
            a.setMustChange(true);
            a.setFailedLogins(0);
            a.setLockedUntil(0);
            a.setPasswordChangedAt(clock.now().toEpochMilli());
            em.createQuery("delete from SessionEntity s where s.accountId = :a").setParameter("a", accountId).executeUpdate();
            audit.record(a.getSchoolId(), "account", accountId, "reset-password", null,
                    java.util.Map.of("mustChangePassword", true));
            return Accounts.info(em, a);
        }));
        return new IssuedCredentials(info, temporary);
    }

    @Override
    public AccountInfo setDisabled(String accountId, boolean disabled) {
        return sessions.forgettingAll(() -> jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = require(em, accountId);
            boolean before = a.isDisabled();
            a.setDisabled(disabled);
            if (disabled) {
                em.createQuery("delete from SessionEntity s where s.accountId = :a").setParameter("a", accountId).executeUpdate();
            }
            audit.record(a.getSchoolId(), "account", accountId, disabled ? "disable" : "enable",
                    java.util.Map.of("disabled", before), java.util.Map.of("disabled", disabled));
            return Accounts.info(em, a);
        }));
    }

    @Override
    public String proposeLogin(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw ProblemException.invalid("displayName", DISPLAY_NAME_REQUIRED);
        }
        String stem = Transliteration.loginStem(displayName);
        if (stem.length() < 3) {
            stem = stem + "user";
        }
        String base = stem;
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> taken = em.createQuery("select a.login from AccountEntity a where a.login like :p", String.class)
                    .setParameter("p", base + "%").getResultList();
            if (!taken.contains(base)) {
                return base;
            }
            for (int i = 2;; i++) {
                if (!taken.contains(base + i)) {
                    return base + i;
                }
            }
        });
    }

    private static AccountEntity require(EntityManager em, String accountId) {
        AccountEntity a = accountId == null ? null : em.find(AccountEntity.class, accountId);
        if (a == null) {
            throw ProblemException.notFound("Account", accountId);
        }
        return a;
    }
}
