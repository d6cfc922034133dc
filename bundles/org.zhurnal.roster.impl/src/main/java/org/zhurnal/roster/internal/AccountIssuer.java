package org.zhurnal.roster.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.GuardianshipEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;
import org.zhurnal.roster.internal.pdf.ReceiptSheetPdf;
import org.zhurnal.security.api.AccountInfo;
import org.zhurnal.security.api.AccountService;
import org.zhurnal.security.api.IssuedCredentials;
import org.zhurnal.security.api.NewAccount;

/**
 * Issues accounts in bulk for a class (its students and their guardians): readable logins (ICAO
 * transliteration, made unique), random temporary passwords shown once, roles in the right scopes.
 * Nobody gets an account without a recorded personal-data consent (152-ФЗ): if anyone lacks one, the
 * whole request is refused with 409 listing them. All-or-nothing: one transaction.
 */
@Component(service = AccountIssuer.class)
public class AccountIssuer {

    /** One issued credential; {@code email} is the person's e-mail contact, if any. */
    public record Issued(String personId, String fullName, String role, String login, String temporaryPassword, String email) {}

    /** What happened to one e-mail. */
    public record Delivery(String personId, String fullName, String email, boolean sent, String problem) {}

    /** The result: the credentials (shown once) and the receipt sheet with them. */
    public record Result(String className, List<Issued> issued, byte[] receiptSheet) {}

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final Authorization authorization;
    private final AccountService accounts;
    private final TenantService tenants;

    @Activate
    public AccountIssuer(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference Authorization authorization, @Reference AccountService accounts, @Reference TenantService tenants,
            @Reference RosterSchema schema) {
        this.jpa = jpa;
        this.clock = clock;
        this.authorization = authorization;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    /**
     * @param classId the class
     * @param students issue to its students
     * @param guardians issue to their guardians
     */
    public Result issueForClass(String classId, boolean students, boolean guardians) {
        var caller = CallContext.requirePrincipal();
        if (classId == null || !authorization.permits(caller, Action.READ, ScopeRef.schoolClass(classId))) {
            throw ProblemException.notFound("Class", classId);
        }
        authorization.check(caller, Action.ADMINISTER, ScopeRef.schoolClass(classId));
        return jpa.txExpr(TransactionType.Required, em -> {
            ClassEntity c = em.find(ClassEntity.class, classId);
            if (c == null) {
                throw ProblemException.notFound("Class", classId);
            }
            List<PersonEntity> kids = RosterQueryImpl.studentEntities(em, classId, clock.today());
            Map<String, PersonEntity> people = new LinkedHashMap<>();
            Map<String, List<String>> childrenOf = new LinkedHashMap<>();
            if (students) {
                kids.forEach(k -> people.put(k.getId(), k));
            }
            if (guardians && !kids.isEmpty()) {
                List<GuardianshipEntity> links = em.createQuery("select g from GuardianshipEntity g where g.studentId in :ids",
                        GuardianshipEntity.class).setParameter("ids", InLists.padded(kids.stream().map(PersonEntity::getId).toList()))
                                .getResultList();
                for (GuardianshipEntity l : links) {
                    childrenOf.computeIfAbsent(l.getGuardianId(), k -> new ArrayList<>()).add(l.getStudentId());
                }
                if (!childrenOf.isEmpty()) {
                    em.createQuery("select p from PersonEntity p where p.id in :ids order by p.lastName, p.firstName", PersonEntity.class)
                            .setParameter("ids", InLists.padded(List.copyOf(childrenOf.keySet()))).getResultList()
                            .forEach(g -> people.put(g.getId(), g));
                    // A guardian's PARENT grants cover all their children, also those of other classes.
                    em.createQuery("select g from GuardianshipEntity g where g.guardianId in :ids", GuardianshipEntity.class)
                            .setParameter("ids", InLists.padded(List.copyOf(childrenOf.keySet()))).getResultList().forEach(l -> {
                                List<String> list = childrenOf.get(l.getGuardianId());
                                if (!list.contains(l.getStudentId())) {
                                    list.add(l.getStudentId());
                                }
                            });
                }
            }
            String className = c.getGrade() + c.getLetter();
            return issue(em, c.getSchoolId(), className, List.copyOf(people.values()),
                    p -> "STUDENT".equals(p.getKind()) ? List.of(new Grant(Role.STUDENT, ScopeRef.student(p.getId())))
                            : childrenOf.getOrDefault(p.getId(), List.of()).stream()
                                    .map(s -> new Grant(Role.PARENT, ScopeRef.student(s))).toList(),
                    p -> "STUDENT".equals(p.getKind()) ? "обучающийся" : "родитель");
        });
    }

    /**
     * Issues accounts to the school's staff who have none, with the grants the roster implies (see
     * {@link StaffGrants}): TEACHER or DEPUTY_DIRECTOR of the school by position, CLASS_TEACHER of the
     * classes they lead, TEACHER of the groups they teach. Only for the school's administrators.
     */
    public Result issueForStaff(String schoolId) {
        requireSchoolAdministrator(schoolId);
        return jpa.txExpr(TransactionType.Required, em -> {
            List<PersonEntity> staff = em.createQuery("select p from PersonEntity p where p.schoolId = :s and p.kind = 'STAFF' "
                    + "order by p.lastName, p.firstName, p.middleName", PersonEntity.class).setParameter("s", schoolId).getResultList();
            java.time.LocalDate today = clock.today();
            return issue(em, schoolId, "сотрудники", staff, p -> StaffGrants.derive(em, p, today),
                    p -> p.getPositions() == null || p.getPositions().isBlank() ? "сотрудник" : p.getPositions());
        });
    }

    /** 404 for a school unknown or not the caller's; 403 unless the caller administers it. */
    private void requireSchoolAdministrator(String schoolId) {
        var caller = CallContext.requirePrincipal();
        if (schoolId == null || tenants.school(schoolId).isEmpty()
                || !authorization.permits(caller, Action.READ, ScopeRef.school(schoolId))) {
            throw ProblemException.notFound("School", schoolId);
        }
        authorization.check(caller, Action.ADMINISTER, ScopeRef.school(schoolId));
    }

    /** A staff member's standing for an account: a consent in force today, and the login of their account if any. */
    public record StaffStanding(String personId, boolean consent, String login) {}

    /** Each staff member of the school: consent on record today, login (for those who administer the school). */
    public List<StaffStanding> staffStanding(String schoolId) {
        requireSchoolAdministrator(schoolId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> ids = em.createQuery("select p.id from PersonEntity p where p.schoolId = :s and p.kind = 'STAFF'", String.class)
                    .setParameter("s", schoolId).getResultList();
            Set<String> consented = Consents.withConsent(em, ids, clock.today());
            Map<String, org.zhurnal.security.api.AccountInfo> accountsOf = accounts.byPersons(ids);
            return ids.stream().map(id -> new StaffStanding(id, consented.contains(id),
                    accountsOf.containsKey(id) ? accountsOf.get(id).login() : null)).toList();
        });
    }

    /**
     * Issues accounts to those of {@code people} who have none, inside the caller's transaction: refused
     * whole with 409 "consent-missing" if any of them lacks a recorded consent; answers the credentials
     * and the receipt sheet titled «Ведомость получения учётных данных — {@code title}».
     */
    private Result issue(EntityManager em, String schoolId, String title, List<PersonEntity> people,
            Function<PersonEntity, List<Grant>> grantsOf, Function<PersonEntity, String> roleOf) {
        Map<String, AccountInfo> existing = accounts.byPersons(people.stream().map(PersonEntity::getId).toList());
        List<PersonEntity> todo = people.stream().filter(p -> !existing.containsKey(p.getId())).toList();
        Set<String> consented = Consents.withConsent(em, todo.stream().map(PersonEntity::getId).toList(), clock.today());
        List<Violation> lacking = todo.stream().filter(p -> !consented.contains(p.getId()))
                .map(p -> new Violation(p.getId(), Text.of(fullName(p) + ": no personal-data consent on record",
                        fullName(p) + ": нет записанного согласия на обработку персональных данных"))).toList();
        if (!lacking.isEmpty()) {
            throw new ProblemException(409, "consent-missing", "Conflict", Text.of(lacking.size()
                    + " people have no recorded personal-data consent; no account was issued", "Нет записанного согласия на обработку "
                    + "персональных данных (человек: " + lacking.size() + "); учётные записи не выданы"), null, lacking);
        }
        Map<String, String> emails = new java.util.HashMap<>();
        Mapping.contacts(em, todo.stream().map(PersonEntity::getId).toList()).forEach((id, cs) -> cs.stream()
                .filter(ct -> "EMAIL".equals(ct.getKind())).findFirst().ifPresent(ct -> emails.put(id, ct.getValue())));
        List<Issued> issued = new ArrayList<>();
        for (PersonEntity p : todo) {
            IssuedCredentials cred = accounts.create(new NewAccount(null, fullName(p), p.getId(), p.getSchoolId(), grantsOf.apply(p), null));
            issued.add(new Issued(p.getId(), fullName(p), roleOf.apply(p), cred.account().login(), cred.temporaryPassword(),
                    emails.get(p.getId())));
        }
        String school = tenants.school(schoolId).map(s -> s.shortName()).orElse("");
        try {
            byte[] pdf = ReceiptSheetPdf.render(school, "Ведомость получения учётных данных — " + title, clock.today(),
                    issued.stream().map(i -> new ReceiptSheetPdf.Row(i.fullName(), i.role(), i.login(), i.temporaryPassword()))
                            .toList());
            return new Result(title, issued, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends each issued person with an e-mail contact their login and temporary password, after the
     * accounts are committed. Failures are reported per person (the class teacher then hands over the
     * receipt sheet or reissues); they never undo the accounts.
     */
    public List<Delivery> mail(Result result, String schoolName) {
        org.zhurnal.core.api.mail.MailSender sender = mailSender;
        List<Delivery> out = new ArrayList<>();
        for (Issued i : result.issued()) {
            if (i.email() == null) {
                out.add(new Delivery(i.personId(), i.fullName(), null, false, "no e-mail contact"));
                continue;
            }
            if (sender == null) {
                out.add(new Delivery(i.personId(), i.fullName(), i.email(), false, "no mail service installed"));
                continue;
            }
            String text = "Здравствуйте!\n\nДля " + i.fullName() + " (" + i.role() + ") в электронном журнале «" + schoolName
                    + "» создана учётная запись.\n\nЛогин: " + i.login() + "\nВременный пароль: " + i.temporaryPassword()
                    + "\n\nПри первом входе система попросит сменить пароль.\nЕсли вы не ждали это письмо, сообщите в школу.\n";
            try {
                sender.send(new org.zhurnal.core.api.mail.Mail(i.email(), "Журнал: учётная запись для " + i.fullName(), text));
                out.add(new Delivery(i.personId(), i.fullName(), i.email(), true, null));
            } catch (org.zhurnal.core.api.mail.MailDeliveryException e) {
                out.add(new Delivery(i.personId(), i.fullName(), i.email(), false, "the mail server did not accept it"));
            }
        }
        return out;
    }

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile org.zhurnal.core.api.mail.MailSender mailSender;

    /** @return the short name of the class's school */
    public String schoolName(String schoolId) {
        return tenants.school(schoolId).map(s -> s.shortName()).orElse("");
    }

    static String fullName(PersonEntity p) {
        return p.getLastName() + " " + p.getFirstName() + (p.getMiddleName() == null ? "" : " " + p.getMiddleName());
    }
}
