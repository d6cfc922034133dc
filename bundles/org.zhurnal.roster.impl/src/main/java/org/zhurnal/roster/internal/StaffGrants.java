package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.internal.entity.PersonEntity;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;

/**
 * The grants of a staff member as the roster implies them, for the current academic year:
 * <ul>
 * <li>TEACHER@school when the positions contain «учитель», DEPUTY_DIRECTOR@school for «директор» or
 * «заместитель директора»; a staff member whose positions give no role is a TEACHER@school;</li>
 * <li>CLASS_TEACHER@class for each class of the year they lead;</li>
 * <li>TEACHER@group for each group of the year they teach.</li>
 * </ul>
 * Other roles (SCHOOL_COORDINATOR, ...) are assigned by hand and never touched here.
 */
final class StaffGrants {
    /** The roles this class derives and therefore owns on a staff account. */
    static final Set<Role> DERIVED = EnumSet.of(Role.TEACHER, Role.DEPUTY_DIRECTOR, Role.CLASS_TEACHER);

    private StaffGrants() {}

    static List<Grant> derive(EntityManager em, PersonEntity p, LocalDate today) {
        int year = RosterQuery.academicYearOf(today);
        Set<Grant> grants = new LinkedHashSet<>();
        String positions = p.getPositions() == null ? "" : p.getPositions().toLowerCase(Locale.ROOT);
        ScopeRef school = ScopeRef.school(p.getSchoolId());
        if (positions.contains("учитель")) {
            grants.add(new Grant(Role.TEACHER, school));
        }
        if (positions.contains("директор")) { // also «заместитель директора»
            grants.add(new Grant(Role.DEPUTY_DIRECTOR, school));
        }
        if (grants.isEmpty()) {
            grants.add(new Grant(Role.TEACHER, school));
        }
        em.createQuery("select c.id from ClassEntity c where c.classTeacherId = :p and c.academicYear = :y order by c.grade, c.letter",
                String.class).setParameter("p", p.getId()).setParameter("y", year).getResultList()
                .forEach(id -> grants.add(new Grant(Role.CLASS_TEACHER, ScopeRef.schoolClass(id))));
        em.createQuery("select g.id from GroupEntity g where g.teacherId = :p and g.academicYear = :y order by g.name", String.class)
                .setParameter("p", p.getId()).setParameter("y", year).getResultList()
                .forEach(id -> grants.add(new Grant(Role.TEACHER, ScopeRef.group(id))));
        return List.copyOf(grants);
    }

    /**
     * Recomputes the derived grants of a staff member's account, if they have one, keeping the grants
     * of roles that are not derived. Runs in the caller's transaction; does nothing when nothing changes.
     *
     * @return the account after the change, if it changed
     */
    static Optional<AccountInfo> syncStaffGrants(EntityManager em, AccountService accounts, String personId, LocalDate today) {
        if (personId == null) {
            return Optional.empty();
        }
        PersonEntity p = em.find(PersonEntity.class, personId);
        if (p == null || !"STAFF".equals(p.getKind())) {
            return Optional.empty();
        }
        Optional<AccountInfo> account = accounts.byPerson(personId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        return syncStaffGrants(em, accounts, p, account.get(), today);
    }

    /**
     * {@link #syncStaffGrants(EntityManager, AccountService, String, LocalDate)} for a staff member whose account the
     * caller already holds (the year's resync reads the accounts of a whole school in one query).
     */
    static Optional<AccountInfo> syncStaffGrants(EntityManager em, AccountService accounts, PersonEntity p, AccountInfo account,
            LocalDate today) {
        return merge(account.grants(), derive(em, p, today)).map(next -> accounts.setGrants(account.id(), next));
    }

    /**
     * The grants an account should hold: its grants of roles that are not {@link #DERIVED}, then the derived ones.
     *
     * @return the new grants, or empty when they are the same set as {@code current} (order does not count)
     */
    static Optional<List<Grant>> merge(List<Grant> current, List<Grant> derived) {
        List<Grant> next = new ArrayList<>();
        current.stream().filter(g -> !DERIVED.contains(g.role())).forEach(next::add);
        derived.stream().filter(g -> !next.contains(g)).forEach(next::add);
        return Set.copyOf(next).equals(Set.copyOf(current)) ? Optional.empty() : Optional.of(List.copyOf(next));
    }
}
