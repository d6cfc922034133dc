package org.zhurnal.roster.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.roster.internal.entity.PersonEntity;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.IssuedCredentials;

/**
 * The account of one person: a new temporary password (shown once), blocking and unblocking. Allowed
 * to whoever administers the person's scope (the class teacher for the class's students and their
 * guardians, the coordinator for the school). The account service audits each change.
 */
@Component(service = PersonAccounts.class)
public class PersonAccounts {

    /** A new temporary password, shown this once. */
    public record Reissued(String personId, String login, String temporaryPassword) {}

    /** Whether sign-in is blocked. */
    public record State(String personId, String login, boolean disabled) {}

    private final JpaTemplate jpa;
    private final Authorization authorization;
    private final AccountService accounts;
    private final RosterServiceImpl roster;

    @Activate
    public PersonAccounts(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference Authorization authorization,
            @Reference AccountService accounts, @Reference RosterServiceImpl roster) {
        this.jpa = jpa;
        this.authorization = authorization;
        this.accounts = accounts;
        this.roster = roster;
    }

    public Reissued resetPassword(String personId) {
        AccountInfo a = administeredAccount(personId);
        IssuedCredentials c = accounts.resetPassword(a.id());
        return new Reissued(personId, c.account().login(), c.temporaryPassword());
    }

    public State setDisabled(String personId, boolean disabled) {
        AccountInfo a = administeredAccount(personId);
        AccountInfo after = accounts.setDisabled(a.id(), disabled);
        return new State(personId, after.login(), after.disabled());
    }

    /** 404 outside the caller's view or without an account; 403 when the caller may see but not administer. */
    private AccountInfo administeredAccount(String personId) {
        var caller = CallContext.requirePrincipal();
        String name = jpa.txExpr(TransactionType.Supports, em -> {
            PersonEntity p = personId == null ? null : em.find(PersonEntity.class, personId);
            if (p == null || !roster.mayRead(em, caller, p)) {
                throw ProblemException.notFound("Person", personId);
            }
            authorization.check(caller, Action.ADMINISTER, roster.adminScope(em, p));
            return AccountIssuer.fullName(p);
        });
        return accounts.byPerson(personId).orElseThrow(() -> new ProblemException(404, "no-account", "Not found",
                Text.of("Person " + personId + " has no account; issue one first",
                        name + ": учётной записи нет; сначала выдайте её"), null));
    }
}
