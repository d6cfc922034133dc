package org.zhurnal.security.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ScopeType;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.internal.entity.AccountEntity;
import org.zhurnal.security.internal.entity.GrantEntity;

/** Entity ↔ DTO conversions shared by the account and authentication services. */
final class Accounts {
    private Accounts() {}

    /** The order grants are listed in: by role, then by scope id. */
    private static final java.util.Comparator<Grant> BY_ROLE_AND_SCOPE = java.util.Comparator.comparing((Grant g) -> g.role().name())
            .thenComparing(g -> g.scope().id(), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    /** The longest grants text an account row holds (its column's length). */
    static final int MAX_GRANTS_CHARS = 32000;

    /**
     * An account's grants as its row holds them: one grant per line, {@code ROLE|SCOPE_TYPE|scope id}, in the order
     * they are listed, each once.
     *
     * @throws ProblemException 400 naming {@code grants} when they do not fit the row or a scope id holds a line break
     */
    static String encode(java.util.Collection<Grant> grants) {
        StringBuilder b = new StringBuilder();
        for (Grant g : grants.stream().distinct().sorted(BY_ROLE_AND_SCOPE).toList()) {
            String id = g.scope().id();
            if (id == null || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
                throw ProblemException.invalid("grants", Text.of("A grant's scope needs an id without line breaks",
                        "Идентификатор области действия роли не может содержать переносы строк"));
            }
            b.append(b.length() == 0 ? "" : "\n").append(g.role().name()).append('|').append(g.scope().type().name()).append('|').append(id);
        }
        if (b.length() > MAX_GRANTS_CHARS) {
            throw ProblemException.invalid("grants", Text.of("Too many grants for one account (" + grants.size() + ")",
                    "Слишком много ролей для одной учётной записи (" + grants.size() + ")"));
        }
        return b.toString();
    }

    /** @return the grants of {@link #encode}'s text */
    static List<Grant> decode(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<Grant> out = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\\|", 3);
            out.add(new Grant(Role.valueOf(f[0]), new ScopeRef(ScopeType.valueOf(f[1]), f[2])));
        }
        return List.copyOf(out);
    }

    /** @return the grant a row of zh_account_grant holds (written before changeset security-2) */
    static Grant grant(GrantEntity g) {
        return new Grant(Role.valueOf(g.getRoleName()), new ScopeRef(ScopeType.valueOf(g.getScopeType()), g.getScopeId()));
    }

    /** @return the account's grants: from its row, or for an account not yet carried over, from zh_account_grant */
    static List<Grant> grants(EntityManager em, AccountEntity a) {
        if (a.getGrants() != null) {
            return decode(a.getGrants());
        }
        return legacyGrantsOf(em, List.of(a.getId())).getOrDefault(a.getId(), List.of());
    }

    /** Grants of many accounts: account id → grants (one query for those not yet carried over, if any). */
    static java.util.Map<String, List<Grant>> grantsOf(EntityManager em, List<AccountEntity> accounts) {
        java.util.Map<String, List<Grant>> out = new java.util.HashMap<>();
        List<String> legacy = new java.util.ArrayList<>();
        for (AccountEntity a : accounts) {
            if (a.getGrants() != null) {
                out.put(a.getId(), decode(a.getGrants()));
            } else {
                legacy.add(a.getId());
            }
        }
        out.putAll(legacyGrantsOf(em, legacy));
        return out;
    }

    /** The grants of accounts written before changeset security-2, from zh_account_grant. */
    static java.util.Map<String, List<Grant>> legacyGrantsOf(EntityManager em, List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        // the callers pass at most 500 accounts (byPersons' chunks, carryGrantsOver's batches)
        return em.createQuery("select g from GrantEntity g where g.accountId in :a", GrantEntity.class)
                .setParameter("a", InLists.padded(accountIds)).getResultList().stream().map(g -> java.util.Map.entry(g.getAccountId(), grant(g)))
                .sorted(java.util.Map.Entry.comparingByValue(BY_ROLE_AND_SCOPE)).collect(java.util.stream.Collectors.groupingBy(
                        java.util.Map.Entry::getKey, java.util.stream.Collectors.mapping(java.util.Map.Entry::getValue, java.util.stream.Collectors.toList())));
    }

    static AccountInfo info(AccountEntity a, List<Grant> grants) {
        return new AccountInfo(a.getId(), a.getLogin(), a.getDisplayName(), a.getPersonId(), a.getSchoolId(),
                grants, a.isMustChange(), a.isDisabled(), Instant.ofEpochMilli(a.getCreatedAt()));
    }

    static AccountInfo info(EntityManager em, AccountEntity a) {
        return new AccountInfo(a.getId(), a.getLogin(), a.getDisplayName(), a.getPersonId(), a.getSchoolId(),
                grants(em, a), a.isMustChange(), a.isDisabled(), Instant.ofEpochMilli(a.getCreatedAt()));
    }

    static ZhurnalPrincipal principal(EntityManager em, AccountEntity a) {
        return new ZhurnalPrincipal(a.getId(), a.getLogin(), a.getDisplayName(), grants(em, a), a.isMustChange());
    }

    /** Audit view of an account: never the password hash. */
    static java.util.Map<String, Object> auditView(AccountEntity a, List<Grant> grants) {
        java.util.Map<String, Object> m = new java.util.TreeMap<>();
        m.put("login", a.getLogin());
        m.put("displayName", a.getDisplayName());
        m.put("personId", a.getPersonId());
        m.put("schoolId", a.getSchoolId());
        m.put("mustChangePassword", a.isMustChange());
        m.put("disabled", a.isDisabled());
        m.put("grants", grants.stream().map(g -> g.role() + "@" + g.scope().type() + ":" + g.scope().id()).toList());
        return m;
    }
}
