package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.roster.internal.entity.ConsentEntity;
import org.zhurnal.roster.internal.entity.GuardianshipEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;

/**
 * Personal-data consents and refusals (152-ФЗ): who, given by whom (a guardian for a minor), when,
 * for what purpose, on which document, recorded by whom; withdrawal with a date. Audited.
 */
@Component(service = ConsentRegistry.class)
public class ConsentRegistry {

    /** A consent as recorded. */
    public record Consent(String id, String personId, String givenById, String status, String purpose, String documentNo,
            LocalDate givenOn, String recordedBy, LocalDate withdrawnOn, boolean accountBlocked) {}

    /** Body of a new consent. */
    public record NewConsent(String personId, String givenById, String status, String purpose, String documentNo, LocalDate date) {}

    /** One line of a class's consent report. */
    public record Line(String personId, String fullName, String kind, String studentId, String status, String consentId) {}

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final Authorization authorization;
    private final RosterServiceImpl roster;
    private final RosterCache cache;
    private final org.zhurnal.security.api.AccountService accounts;

    @Activate
    public ConsentRegistry(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference Authorization authorization, @Reference RosterServiceImpl roster,
            @Reference RosterCache cache, @Reference org.zhurnal.security.api.AccountService accounts) {
        this.cache = cache;
        this.accounts = accounts;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.authorization = authorization;
        this.roster = roster;
    }

    public Consent record(NewConsent n) {
        if (n == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        if (n.personId() == null || n.personId().isBlank()) {
            throw ProblemException.invalid("personId", Text.of("personId is required", "Не указано, чьё это согласие"));
        }
        String status = n.status() == null ? "GIVEN" : n.status().toUpperCase(java.util.Locale.ROOT);
        if (!status.equals("GIVEN") && !status.equals("REFUSED")) {
            throw ProblemException.invalid("status", Text.of("status is GIVEN or REFUSED",
                    "Статус согласия — GIVEN (дано) или REFUSED (отказ)"));
        }
        if (n.purpose() == null || n.purpose().isBlank() || n.purpose().length() > 300) {
            throw ProblemException.invalid("purpose", Text.of("purpose is required (at most 300 characters)",
                    "Укажите цель обработки (не длиннее 300 символов)"));
        }
        if (n.documentNo() != null && n.documentNo().length() > 100) {
            throw ProblemException.invalid("documentNo", Text.of("documentNo has at most 100 characters",
                    "Номер документа — не длиннее 100 символов"));
        }
        LocalDate date = n.date() == null ? clock.today() : n.date();
        if (date.isAfter(clock.today())) {
            throw ProblemException.invalid("date", Text.of("A consent cannot be dated in the future",
                    "Дата согласия не может быть позже сегодняшнего дня"));
        }
        var caller = CallContext.requirePrincipal();
        return cache.write(jpa, em -> { // evicts the class cards (their consent marks)
            PersonEntity p = em.find(PersonEntity.class, n.personId());
            if (p == null || !roster.mayRead(em, caller, p)) {
                throw ProblemException.notFound("Person", n.personId());
            }
            authorization.check(caller, Action.ADMINISTER, roster.adminScope(em, p));
            String givenBy = n.givenById() == null || n.givenById().isBlank() ? p.getId() : n.givenById();
            if ("STUDENT".equals(p.getKind()) && !givenBy.equals(p.getId())) {
                boolean isGuardian = !em.createQuery("select g from GuardianshipEntity g where g.guardianId = :g and g.studentId = :s",
                        GuardianshipEntity.class).setParameter("g", givenBy).setParameter("s", p.getId()).getResultList().isEmpty();
                if (!isGuardian) {
                    throw ProblemException.invalid("givenById", Text.of(
                            "The consent for a student is given by the student or one of their guardians",
                            "Согласие за ученика даёт сам ученик или один из его представителей"));
                }
            }
            if (status.equals("REFUSED")) {
                // A refusal after a consent withdraws it from that day (the person no longer agrees).
                for (ConsentEntity given : em.createQuery("select c from ConsentEntity c where c.personId = :p and c.status = 'GIVEN' "
                        + "and c.withdrawnOn is null and c.givenOn <= :d", ConsentEntity.class).setParameter("p", p.getId())
                        .setParameter("d", date.toString()).getResultList()) {
                    Consent before = toDTO(given);
                    given.setWithdrawnOn(date.toString());
                    audit.record(p.getSchoolId(), "consent", given.getId(), "withdraw", before, toDTO(given));
                }
            }
            ConsentEntity c = new ConsentEntity();
            c.setId(UUID.randomUUID().toString());
            c.setSchoolId(p.getSchoolId());
            c.setPersonId(p.getId());
            c.setGivenById(givenBy);
            c.setStatus(status);
            c.setPurpose(n.purpose().strip());
            c.setDocumentNo(n.documentNo());
            c.setGivenOn(date.toString());
            c.setRecordedBy(caller.login());
            c.setRecordedAt(clock.now().toEpochMilli());
            em.persist(c);
            Consent dto = toDTO(c);
            audit.record(p.getSchoolId(), "consent", c.getId(), "create", null, dto);
            return status.equals("REFUSED") ? withAccountBlocked(dto, blockWithoutConsent(em, p)) : dto;
        });
    }

    public Consent withdraw(String consentId, LocalDate date) {
        var caller = CallContext.requirePrincipal();
        LocalDate on = date == null ? clock.today() : date;
        return cache.write(jpa, em -> { // evicts the class cards (their consent marks)
            ConsentEntity c = consentId == null ? null : em.find(ConsentEntity.class, consentId);
            PersonEntity p = c == null ? null : em.find(PersonEntity.class, c.getPersonId());
            if (c == null || p == null || !roster.mayRead(em, caller, p)) {
                throw ProblemException.notFound("Consent", consentId);
            }
            authorization.check(caller, Action.ADMINISTER, roster.adminScope(em, p));
            if (c.getWithdrawnOn() != null) {
                throw ProblemException.conflict("already-withdrawn", Text.of("This consent was withdrawn on " + c.getWithdrawnOn(),
                        "Это согласие уже отозвано " + Messages.date(c.getWithdrawnOn())));
            }
            if (on.isAfter(clock.today())) {
                throw ProblemException.invalid("date", Text.of("A withdrawal is dated by its application, not later than today",
                        "Отзыв согласия записывается датой заявления — не позже сегодняшнего дня"));
            }
            if (on.toString().compareTo(c.getGivenOn()) < 0) {
                throw ProblemException.invalid("date", Text.of("A consent cannot be withdrawn before it was given",
                        "Согласие нельзя отозвать раньше, чем оно было дано (" + Messages.date(c.getGivenOn()) + ")"));
            }
            Consent before = toDTO(c);
            c.setWithdrawnOn(on.toString());
            Consent after = toDTO(c);
            audit.record(p.getSchoolId(), "consent", c.getId(), "withdraw", before, after);
            return withAccountBlocked(after, blockWithoutConsent(em, p));
        });
    }

    /**
     * Without a personal-data consent in force the platform does not keep an electronic account open for the person (152-ФЗ:
     * processing stops with the consent; accounts are issued only with one): a withdrawal or a refusal blocks the person's
     * account, in the same transaction (the security module audits it). A family then gets the weekly printouts if the
     * school marks it so. Restoring the account stays the administrator's act after a new consent.
     *
     * @return whether an account was blocked now
     */
    private boolean blockWithoutConsent(javax.persistence.EntityManager em, PersonEntity p) {
        em.flush();
        if (!Consents.withConsent(em, List.of(p.getId()), clock.today()).isEmpty()) {
            return false;
        }
        return accounts.byPerson(p.getId()).filter(a -> !a.disabled()).map(a -> {
            accounts.setDisabled(a.id(), true);
            return true;
        }).orElse(false);
    }

    private static Consent withAccountBlocked(Consent c, boolean blocked) {
        return new Consent(c.id(), c.personId(), c.givenById(), c.status(), c.purpose(), c.documentNo(), c.givenOn(), c.recordedBy(),
                c.withdrawnOn(), blocked);
    }

    /** Consent status of every student of the class and of their guardians. */
    public List<Line> classReport(String classId) {
        var caller = CallContext.requirePrincipal();
        if (classId == null || !authorization.permits(caller, Action.READ, ScopeRef.schoolClass(classId))) {
            throw ProblemException.notFound("Class", classId);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<PersonEntity> kids = RosterQueryImpl.studentEntities(em, classId, clock.today());
            Map<String, PersonEntity> people = new LinkedHashMap<>();
            Map<String, String> studentOf = new LinkedHashMap<>();
            kids.forEach(k -> {
                people.put(k.getId(), k);
                studentOf.put(k.getId(), k.getId());
            });
            if (!kids.isEmpty()) {
                for (GuardianshipEntity g : em.createQuery("select g from GuardianshipEntity g where g.studentId in :ids",
                        GuardianshipEntity.class).setParameter("ids", InLists.padded(List.copyOf(studentOf.keySet()))).getResultList()) {
                    PersonEntity gp = em.find(PersonEntity.class, g.getGuardianId());
                    people.putIfAbsent(gp.getId(), gp);
                    studentOf.putIfAbsent(gp.getId(), g.getStudentId());
                }
            }
            Map<String, String> status = new java.util.HashMap<>();
            Map<String, String> inForce = new java.util.HashMap<>();
            String d = clock.today().toString();
            List<String> ids = List.copyOf(people.keySet());
            for (int i = 0; i < ids.size(); i += 500) {
                for (ConsentEntity c : em.createQuery("select c from ConsentEntity c where c.personId in :ids order by c.recordedAt",
                        ConsentEntity.class).setParameter("ids", InLists.padded(ids.subList(i, Math.min(ids.size(), i + 500))))
                                .getResultList()) {
                    boolean active = c.getGivenOn().compareTo(d) <= 0 && (c.getWithdrawnOn() == null || c.getWithdrawnOn().compareTo(d) > 0);
                    status.put(c.getPersonId(), c.getWithdrawnOn() != null && !active ? "WITHDRAWN" : c.getStatus());
                    if (active && "GIVEN".equals(c.getStatus())) {
                        inForce.put(c.getPersonId(), c.getId());
                    } else if (!active || !"GIVEN".equals(c.getStatus())) {
                        inForce.remove(c.getPersonId());
                    }
                }
            }
            List<Line> lines = new ArrayList<>();
            people.values().forEach(p -> lines.add(new Line(p.getId(), AccountIssuer.fullName(p), p.getKind(), studentOf.get(p.getId()),
                    status.getOrDefault(p.getId(), "NONE"), inForce.get(p.getId()))));
            return lines;
        });
    }

    /** The consents of one person, newest first. */
    public List<Consent> of(String personId) {
        var caller = CallContext.requirePrincipal();
        return jpa.txExpr(TransactionType.Supports, em -> {
            PersonEntity p = personId == null ? null : em.find(PersonEntity.class, personId);
            if (p == null || !roster.mayRead(em, caller, p)) {
                throw ProblemException.notFound("Person", personId);
            }
            return em.createQuery("select c from ConsentEntity c where c.personId = :p order by c.recordedAt desc", ConsentEntity.class)
                    .setParameter("p", personId).getResultList().stream().map(ConsentRegistry::toDTO).toList();
        });
    }

    static Consent toDTO(ConsentEntity c) {
        return new Consent(c.getId(), c.getPersonId(), c.getGivenById(), c.getStatus(), c.getPurpose(), c.getDocumentNo(),
                LocalDate.parse(c.getGivenOn()), c.getRecordedBy(), c.getWithdrawnOn() == null ? null : LocalDate.parse(c.getWithdrawnOn()), false);
    }
}
