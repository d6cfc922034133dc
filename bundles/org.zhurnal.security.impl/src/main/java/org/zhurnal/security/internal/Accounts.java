package org.zhurnal.security.internal;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

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

    /** The order grants are listed in: by role, then by scope id (a grant without one comes last, as in SQL). */
    private static final java.util.Comparator<GrantEntity> BY_ROLE_AND_SCOPE = java.util.Comparator.comparing(GrantEntity::getRoleName)
            .thenComparing(GrantEntity::getScopeId, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    static List<Grant> grants(EntityManager em, String accountId) {
        // sorted here, not by the database: an account has a handful of grants, and Derby's sorter formats a
        // localized statistics message on every sort (a good share of what a sign-in allocated)
        return em.createQuery("select g from GrantEntity g where g.accountId = :a", GrantEntity.class).setParameter("a", accountId)
                .getResultList().stream().sorted(BY_ROLE_AND_SCOPE)
                .map(g -> new Grant(Role.valueOf(g.getRoleName()), new ScopeRef(ScopeType.valueOf(g.getScopeType()), g.getScopeId())))
                .toList();
    }

    /** Grants of many accounts in one query: account id → grants. */
    static java.util.Map<String, List<Grant>> grantsOf(EntityManager em, List<String> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select g from GrantEntity g where g.accountId in :a", GrantEntity.class)
                .setParameter("a", InLists.padded(accountIds)).getResultList()
                .stream().sorted(BY_ROLE_AND_SCOPE).collect(java.util.stream.Collectors.groupingBy(
                        GrantEntity::getAccountId, java.util.stream.Collectors.mapping(g -> new Grant(Role.valueOf(g.getRoleName()),
                                new ScopeRef(ScopeType.valueOf(g.getScopeType()), g.getScopeId())), java.util.stream.Collectors.toList())));
    }

    static AccountInfo info(AccountEntity a, List<Grant> grants) {
        return new AccountInfo(a.getId(), a.getLogin(), a.getDisplayName(), a.getPersonId(), a.getSchoolId(),
                grants, a.isMustChange(), a.isDisabled(), Instant.ofEpochMilli(a.getCreatedAt()));
    }

    static AccountInfo info(EntityManager em, AccountEntity a) {
        return new AccountInfo(a.getId(), a.getLogin(), a.getDisplayName(), a.getPersonId(), a.getSchoolId(),
                grants(em, a.getId()), a.isMustChange(), a.isDisabled(), Instant.ofEpochMilli(a.getCreatedAt()));
    }

    static ZhurnalPrincipal principal(EntityManager em, AccountEntity a) {
        return new ZhurnalPrincipal(a.getId(), a.getLogin(), a.getDisplayName(), grants(em, a.getId()), a.isMustChange());
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
