package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhurnal.roster.api.StudentRecordsCheck;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.roster.api.Contact;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.ContactEntity;
import org.zhurnal.roster.internal.entity.MembershipEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;

/**
 * Corrections of one person's record (the school's data must be correctable at any time): names, birth
 * date, sex, leaving, the no-electronic-access flag, positions/subjects of staff, and contacts with their
 * source (a written application, or electronically). A field left out ({@code null}) stays as it is; an
 * empty contact list removes all contacts. All fields are validated first; any error answers 400 listing
 * every bad field and changes nothing. Audited with the state before and after.
 */
@Component(service = PersonEdits.class)
public class PersonEdits {

    /**
     * The correction; {@code null} means unchanged. {@code confirmLeaving} confirms a leaving date before which — on later
     * days — the journal still holds the student's marks or absences (asked first with a 409 that names them).
     */
    public record PersonUpdate(String lastName, String firstName, String middleName, LocalDate birthDate, String sex,
            LocalDate leavingDate, String leavingReason, Boolean noElectronicAccess, String positions, String subjects,
            List<Contact> contacts, Boolean confirmLeaving) {}

    /** The modules that keep per-student records by day (the gradebook), asked before a leaving date is recorded. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<StudentRecordsCheck> recordChecks = List.of();

    private static final Pattern NAME = Pattern.compile("^[\\p{L}][\\p{L}\\- ']*$");
    static final Pattern EMAIL = Pattern.compile("^[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]{2,}$");
    static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,25}$");

    private final JpaTemplate jpa;
    private final RosterCache cache;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final Authorization authorization;
    private final RosterServiceImpl roster;

    @Activate
    public PersonEdits(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference Authorization authorization, @Reference RosterServiceImpl roster, @Reference RosterCache cache) {
        this.cache = cache;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.authorization = authorization;
        this.roster = roster;
    }

    public Person update(String personId, PersonUpdate u) {
        if (u == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        List<Violation> errors = validate(u);
        var caller = CallContext.requirePrincipal();
        return cache.write(jpa, em -> {
            PersonEntity p = administered(em, caller, personId);
            if (!"STUDENT".equals(p.getKind()) && (u.birthDate() != null || u.leavingDate() != null)) {
                errors.add(new Violation(u.birthDate() != null ? "birthDate" : "leavingDate", Text.of("Only students have this field",
                        (u.birthDate() != null ? "Дата рождения" : "Дата выбытия") + " указывается только у учеников")));
            }
            if (!"STAFF".equals(p.getKind()) && (u.positions() != null || u.subjects() != null)) {
                errors.add(new Violation(u.positions() != null ? "positions" : "subjects", Text.of("Only staff have this field",
                        (u.positions() != null ? "Должность указывается" : "Предметы указываются") + " только у сотрудников")));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(Messages.summary(errors.size() + " invalid fields; nothing was changed",
                        "Ошибок: " + errors.size() + "; ничего не изменено", errors), errors);
            }
            List<ContactEntity> oldContacts = contactsOf(em, p);
            var before = Mapping.audit(p, oldContacts);
            if (u.lastName() != null) {
                p.setLastName(u.lastName().strip());
            }
            if (u.firstName() != null) {
                p.setFirstName(u.firstName().strip());
            }
            if (u.middleName() != null) {
                p.setMiddleName(u.middleName().isBlank() ? null : u.middleName().strip());
            }
            if (u.birthDate() != null) {
                p.setBirthDate(u.birthDate().toString());
            }
            if (u.sex() != null) {
                p.setSex(u.sex().toUpperCase(Locale.ROOT));
            }
            if (u.leavingDate() != null && !u.leavingDate().toString().equals(p.getLeavingDate()) && !Boolean.TRUE.equals(u.confirmLeaving())) {
                requireNothingAfter(p, u.leavingDate());
            }
            if (u.leavingDate() != null) {
                // A later leaving date (a correction): what ended on the old one runs on to the new one.
                if (p.getLeavingDate() != null && u.leavingDate().toString().compareTo(p.getLeavingDate()) > 0) {
                    reopen(em, p, p.getLeavingDate(), u.leavingDate().toString());
                }
                p.setLeavingDate(u.leavingDate().toString());
                endMemberships(em, p, u.leavingDate());
            }
            if (u.leavingReason() != null) {
                p.setLeavingReason(u.leavingReason().isBlank() ? null : u.leavingReason().strip());
            }
            if (u.noElectronicAccess() != null) {
                p.setNoElectronicAccess(u.noElectronicAccess());
            }
            if (u.positions() != null) {
                p.setPositions(u.positions().strip());
            }
            if (u.subjects() != null) {
                p.setSubjects(u.subjects().isBlank() ? null : u.subjects().strip());
            }
            List<ContactEntity> contacts = oldContacts;
            if (u.contacts() != null) {
                oldContacts.forEach(em::remove);
                contacts = new ArrayList<>();
                for (Contact c : u.contacts()) {
                    ContactEntity ce = new ContactEntity();
                    ce.setId(UUID.randomUUID().toString());
                    ce.setPersonId(p.getId());
                    ce.setKind(c.kind());
                    ce.setValue(c.value().strip());
                    ce.setSource(c.source().name());
                    em.persist(ce);
                    contacts.add(ce);
                }
            }
            p.setUpdatedAt(clock.now().toEpochMilli());
            audit.record(p.getSchoolId(), "person", p.getId(), "update", before, Mapping.audit(p, contacts));
            em.flush();
            return Mapping.person(p, contacts);
        });
    }

    /**
     * Undoes a student's leaving recorded by mistake (or a transfer that did not happen): the leaving date and reason go,
     * and the class and group memberships that ended on that day run on again. Memberships that began after the day
     * were removed when the leaving was recorded and are not restored (the class card's groups add them back). 409
     * {@code not-left} for a student who has not left. Audited.
     */
    public Person cancelLeaving(String personId) {
        var caller = CallContext.requirePrincipal();
        return cache.write(jpa, em -> {
            PersonEntity p = administered(em, caller, personId);
            if (!"STUDENT".equals(p.getKind()) || p.getLeavingDate() == null) {
                throw ProblemException.conflict("not-left", Text.of("This student has not left the school",
                        AccountIssuer.fullName(p) + ": выбытие не записано — отменять нечего"));
            }
            List<ContactEntity> contacts = contactsOf(em, p);
            var before = Mapping.audit(p, contacts);
            reopen(em, p, p.getLeavingDate(), null);
            p.setLeavingDate(null);
            p.setLeavingReason(null);
            p.setUpdatedAt(clock.now().toEpochMilli());
            audit.record(p.getSchoolId(), "person", p.getId(), "return", before, Mapping.audit(p, contacts));
            em.flush();
            return Mapping.person(p, contacts);
        });
    }

    /** The person the caller may correct: 404 outside their view, 403 when they may see but not administer it. */
    private PersonEntity administered(EntityManager em, org.zhurnal.core.api.security.ZhurnalPrincipal caller, String personId) {
        PersonEntity p = personId == null ? null : em.find(PersonEntity.class, personId);
        if (p == null || !roster.mayRead(em, caller, p)) {
            throw ProblemException.notFound("Person", personId);
        }
        authorization.check(caller, Action.ADMINISTER, roster.adminScope(em, p));
        return p;
    }

    private static List<ContactEntity> contactsOf(EntityManager em, PersonEntity p) {
        return em.createQuery("select c from ContactEntity c where c.personId = :p", ContactEntity.class).setParameter("p", p.getId())
                .getResultList();
    }

    /** The student's memberships that ended on {@code ended} run to {@code until} ({@code null}: open) instead. */
    private void reopen(EntityManager em, PersonEntity p, String ended, String until) {
        for (String[] t : List.of(new String[] { "zh_r_membership", "class_id", "membership" },
                new String[] { "zh_r_group_member", "group_id", "group-member" })) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, " + t[1] + ", valid_from FROM " + t[0]
                    + " WHERE student_id = ?1 AND valid_to = ?2").setParameter(1, p.getId()).setParameter(2, ended).getResultList();
            for (Object[] r : rows) {
                if (until == null) { // a null parameter has no SQL type for the driver: written as NULL
                    em.createNativeQuery("UPDATE " + t[0] + " SET valid_to = NULL WHERE id = ?1").setParameter(1, r[0]).executeUpdate();
                } else {
                    em.createNativeQuery("UPDATE " + t[0] + " SET valid_to = ?1 WHERE id = ?2").setParameter(1, until).setParameter(2, r[0])
                            .executeUpdate();
                }
                Map<String, Object> before = new java.util.LinkedHashMap<>();
                before.put(t[1], r[1]);
                before.put("validFrom", r[2]);
                before.put("validTo", ended);
                Map<String, Object> after = new java.util.LinkedHashMap<>(before);
                after.put("validTo", until);
                audit.record(p.getSchoolId(), t[2], (String) r[0], "return", before, after);
            }
        }
    }

    /**
     * A leaving date with the student's marks or absences on later days (a leaving recorded late, or a wrong date): the
     * records stay in the journal, but the student is in no class on their days, so the school's reports would count them
     * for no lesson. 409 naming what is recorded and until when, unless the request confirms the date.
     */
    private void requireNothingAfter(PersonEntity p, LocalDate leaving) {
        List<String> en = new ArrayList<>();
        List<String> ru = new ArrayList<>();
        recordedAfter(p, leaving, en, ru);
        if (en.isEmpty()) {
            return;
        }
        String name = p.getLastName() + " " + p.getFirstName();
        throw new ProblemException(409, "records-after-leaving", "Conflict", Text.of("The journal holds records of " + name + " after "
                + leaving + ": " + String.join("; ", en) + ". They stay in the journal, but from the day after the leaving date the student is "
                + "in no class or group. Check the date; to record it anyway, send the change again with confirmLeaving: true",
                "В журнале есть записи ученика " + name + " после даты выбытия " + Text.date(leaving) + ": " + String.join("; ", ru)
                        + ". Они останутся в журнале, но со следующего дня после выбытия ученик не числится ни в классе, ни в группах. "
                        + "Проверьте дату; если она верна, подтвердите выбытие."), "leavingDate");
    }

    /** What the other modules (the gradebook) hold of the student after {@code day}, in both languages. */
    private void recordedAfter(PersonEntity p, LocalDate day, List<String> en, List<String> ru) {
        for (StudentRecordsCheck check : recordChecks) {
            for (StudentRecordsCheck.Recorded r : check.recordedAfter(p.getId(), day)) {
                en.add(r.kind().en() + ": " + r.count() + " (the last on " + r.last() + ")");
                ru.add(r.kind().ru() + " — " + r.count() + " (последние " + Text.date(r.last()) + ")");
            }
        }
    }

    /** A move to another class of the same school year, the student's first day there {@code date}. */
    public record Transfer(String classId, LocalDate date, Boolean confirm) {}

    /**
     * Moves a student to another class of the school within the school year (5А to 5Б, a class changed mid-year): the class
     * membership in force on {@code date} ends the day before (or is replaced, when it began that day), the student's
     * groups of the old class (its subgroups) end with it, and a membership of the new class begins on {@code date} and runs
     * as long as the old one would have. Groups of several classes (electives, clubs) go on. The journal keeps what is
     * recorded; when it holds records of the student from {@code date} on, 409 {@code records-after-transfer} names them
     * unless {@code confirm}. Between school years students move by the promotion. Audited.
     */
    public Person transfer(String personId, Transfer t) {
        if (t == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        List<Violation> errors = new ArrayList<>();
        if (t.classId() == null || t.classId().isBlank()) {
            errors.add(new Violation("classId", Text.of("classId is the class the student moves to", "Выберите класс, в который переводится ученик")));
        }
        if (t.date() == null) {
            errors.add(new Violation("date", Text.of("date is the student's first day in the new class", "Укажите дату перевода — первый день в новом классе")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(Messages.summary(errors.size() + " invalid fields; nothing was changed",
                    "Ошибок: " + errors.size() + "; ничего не изменено", errors), errors);
        }
        var caller = CallContext.requirePrincipal();
        String day = t.date().toString();
        String last = t.date().minusDays(1).toString();
        return cache.write(jpa, em -> {
            PersonEntity p = administered(em, caller, personId);
            String name = p.getLastName() + " " + p.getFirstName();
            if (!"STUDENT".equals(p.getKind())) {
                throw ProblemException.invalid("personId", Text.of("Only students move between classes", "Переводят из класса в класс только учеников"));
            }
            if (p.getLeavingDate() != null && p.getLeavingDate().compareTo(last) <= 0) {
                throw ProblemException.conflict("student-left", Text.of(name + " left the school on " + p.getLeavingDate(), name + " выбыл(а) из школы "
                        + Text.date(LocalDate.parse(p.getLeavingDate())) + "; перевести можно до этой даты"));
            }
            List<MembershipEntity> current = em.createQuery("select m from MembershipEntity m where m.studentId = :s and m.validFrom <= :d "
                    + "and (m.validTo is null or m.validTo >= :d)", MembershipEntity.class).setParameter("s", p.getId()).setParameter("d", day)
                    .getResultList();
            if (current.isEmpty()) {
                throw ProblemException.invalid("date", Text.of(name + " is in no class on " + day, "На " + Text.date(t.date()) + " " + name
                        + " не числится ни в одном классе"));
            }
            MembershipEntity m = current.get(0);
            ClassEntity from = em.find(ClassEntity.class, m.getClassId());
            ClassEntity to = em.find(ClassEntity.class, t.classId().strip());
            if (to == null || !to.getSchoolId().equals(p.getSchoolId())) {
                throw ProblemException.invalid("classId", Text.of("No class " + t.classId() + " in the student's school", "Класс не найден в школе ученика"));
            }
            // The new class must be the caller's to administer too (a class teacher moves nobody into another teacher's class).
            authorization.check(caller, Action.ADMINISTER, org.zhurnal.core.api.security.ScopeRef.schoolClass(to.getId()));
            if (to.getId().equals(from.getId())) {
                throw ProblemException.invalid("classId", Text.of(name + " is in this class already", name + " уже учится в этом классе"));
            }
            if (to.getAcademicYear() != from.getAcademicYear()) {
                throw ProblemException.invalid("classId", Text.of("The class is of another school year; between years students move by the "
                        + "promotion", "Класс другого учебного года: между учебными годами учеников переводят на странице «Перевод в следующий класс»"));
            }
            LocalDate yearStart = LocalDate.of(from.getAcademicYear(), 9, 1);
            if (t.date().isAfter(yearStart.plusYears(1).minusDays(1))) {
                throw ProblemException.invalid("date", Text.of("date is in the school year " + from.getAcademicYear() + "/" + (from.getAcademicYear() + 1)
                        + "; between years students move by the promotion", "Дата перевода — в " + from.getAcademicYear() + "/"
                        + (from.getAcademicYear() + 1) + " учебном году; в следующий учебный год переводят на странице «Перевод в следующий класс»"));
            }
            if (!Boolean.TRUE.equals(t.confirm())) {
                List<String> en = new ArrayList<>();
                List<String> ru = new ArrayList<>();
                recordedAfter(p, t.date().minusDays(1), en, ru);
                if (!en.isEmpty()) {
                    throw new ProblemException(409, "records-after-transfer", "Conflict", Text.of("The journal holds records of " + name + " from "
                            + day + " on: " + String.join("; ", en) + ". They stay where they were recorded. Check the date; to move the student "
                            + "anyway, send the transfer again with confirm: true", "В журнале есть записи ученика " + name + " начиная с "
                            + Text.date(t.date()) + ": " + String.join("; ", ru) + ". Они останутся там, где записаны. Проверьте дату перевода; "
                            + "если она верна, подтвердите перевод."), "date");
                }
            }
            String fromName = from.getGrade() + from.getLetter();
            String toName = to.getGrade() + to.getLetter();
            Map<String, Object> before = new java.util.LinkedHashMap<>();
            before.put("studentId", p.getId());
            before.put("classId", from.getId());
            before.put("class", fromName);
            before.put("validFrom", m.getValidFrom());
            before.put("validTo", m.getValidTo());
            String until = m.getValidTo();
            if (m.getValidFrom().compareTo(last) > 0) {
                em.remove(m); // it began that day: the class was wrong from its first day
                audit.record(p.getSchoolId(), "membership", m.getId(), "transfer", before, null);
            } else {
                m.setValidTo(last);
                Map<String, Object> after = new java.util.LinkedHashMap<>(before);
                after.put("validTo", last);
                audit.record(p.getSchoolId(), "membership", m.getId(), "transfer", before, after);
            }
            endRows(em, p, last, "zh_r_group_member", "group_id", "group-member", from.getId());
            MembershipEntity nm = new MembershipEntity();
            nm.setId(UUID.randomUUID().toString());
            nm.setStudentId(p.getId());
            nm.setClassId(to.getId());
            nm.setValidFrom(day);
            nm.setValidTo(until);
            em.persist(nm);
            Map<String, Object> created = new java.util.LinkedHashMap<>();
            created.put("studentId", p.getId());
            created.put("classId", to.getId());
            created.put("class", toName);
            created.put("validFrom", day);
            created.put("validTo", until);
            created.put("fromClass", fromName);
            audit.record(p.getSchoolId(), "membership", nm.getId(), "transfer", null, created);
            p.setUpdatedAt(clock.now().toEpochMilli());
            em.flush();
            return Mapping.person(p, contactsOf(em, p));
        });
    }

    /**
     * A student who leaves (the leaving date is their last day, as at promotion) is no longer in their class or groups
     * after it: the memberships running past it end on it, those starting later go. Lessons, period grades and class
     * lists after that day leave the student out; the history up to it stays. Each change is audited.
     */
    private void endMemberships(EntityManager em, PersonEntity p, LocalDate leaving) {
        endRows(em, p, leaving.toString(), "zh_r_membership", "class_id", "membership", null);
        endRows(em, p, leaving.toString(), "zh_r_group_member", "group_id", "group-member", null);
    }

    /**
     * Ends on {@code last} the student's rows of a membership table that run past it; removes those starting after it.
     * {@code groupsOfClass}: only the rows of groups of that class (its subgroups), or {@code null} for all.
     */
    private void endRows(EntityManager em, PersonEntity p, String last, String table, String of, String entity, String groupsOfClass) {
        var query = em.createNativeQuery("SELECT id, " + of + ", valid_from, valid_to FROM " + table
                + " WHERE student_id = ?1 AND (valid_to IS NULL OR valid_to > ?2)" + (groupsOfClass == null ? ""
                        : " AND group_id IN (SELECT g.id FROM zh_r_group g WHERE g.class_id = ?3)")).setParameter(1, p.getId()).setParameter(2, last);
        if (groupsOfClass != null) {
            query.setParameter(3, groupsOfClass);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] r : rows) {
            String id = (String) r[0];
            String from = (String) r[2];
            Map<String, Object> before = new java.util.LinkedHashMap<>();
            before.put(of, r[1]);
            before.put("validFrom", from);
            before.put("validTo", r[3]);
            if (from.compareTo(last) > 0) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE id = ?1").setParameter(1, id).executeUpdate();
                audit.record(p.getSchoolId(), entity, id, "delete", before, null);
            } else {
                em.createNativeQuery("UPDATE " + table + " SET valid_to = ?1 WHERE id = ?2").setParameter(1, last).setParameter(2, id)
                        .executeUpdate();
                Map<String, Object> after = new java.util.LinkedHashMap<>(before);
                after.put("validTo", last);
                audit.record(p.getSchoolId(), entity, id, "leave", before, after);
            }
        }
    }

    private List<Violation> validate(PersonUpdate u) {
        List<Violation> errors = new ArrayList<>();
        name(errors, "lastName", "Фамилия", u.lastName(), false);
        name(errors, "firstName", "Имя", u.firstName(), false);
        name(errors, "middleName", "Отчество", u.middleName(), true);
        if (u.birthDate() != null && (u.birthDate().getYear() < 1990 || u.birthDate().isAfter(clock.today()))) {
            errors.add(new Violation("birthDate", Text.of("'" + u.birthDate() + "' is not a plausible birth date of a student",
                    "«" + Messages.date(u.birthDate()) + "» — неправдоподобная дата рождения ученика")));
        }
        if (u.sex() != null && !u.sex().equalsIgnoreCase("M") && !u.sex().equalsIgnoreCase("F")) {
            errors.add(new Violation("sex", Text.of("sex is M or F", "Пол — M (мужской) или F (женский)")));
        }
        if (u.leavingReason() != null && u.leavingReason().length() > 300) {
            errors.add(new Violation("leavingReason", Text.of("leavingReason has at most 300 characters",
                    "Причина выбытия — не длиннее 300 символов")));
        }
        if (u.positions() != null && (u.positions().isBlank() || u.positions().length() > 300)) {
            errors.add(new Violation("positions", Text.of("positions is required (at most 300 characters)",
                    "Укажите должность (не длиннее 300 символов)")));
        }
        if (u.subjects() != null && u.subjects().length() > 500) {
            errors.add(new Violation("subjects", Text.of("subjects has at most 500 characters", "Предметы — не длиннее 500 символов")));
        }
        if (u.contacts() != null) {
            if (u.contacts().size() > 10) {
                errors.add(new Violation("contacts", Text.of("At most 10 contacts", "Не больше 10 контактов")));
            }
            for (int i = 0; i < u.contacts().size(); i++) {
                Contact c = u.contacts().get(i);
                String f = "contacts[" + i + "]";
                if (c == null || c.kind() == null || c.value() == null || c.source() == null) {
                    errors.add(new Violation(f, Text.of("A contact needs kind (EMAIL or PHONE), value and source (WRITTEN or ELECTRONIC)",
                            "Контакт " + (i + 1) + ": укажите вид (телефон или эл. почта), значение и источник (письменное заявление "
                                    + "или электронный вид)")));
                } else if (Contact.EMAIL.equals(c.kind())) {
                    if (!EMAIL.matcher(c.value().strip()).matches() || c.value().length() > 200) {
                        errors.add(new Violation(f + ".value", Text.of("'" + c.value() + "' is not an e-mail address",
                                "«" + c.value() + "» — не адрес электронной почты")));
                    }
                } else if (Contact.PHONE.equals(c.kind())) {
                    if (!PHONE.matcher(c.value().strip()).matches()) {
                        errors.add(new Violation(f + ".value", Text.of("'" + c.value() + "' is not a phone number",
                                "«" + c.value() + "» — не номер телефона")));
                    }
                } else {
                    errors.add(new Violation(f + ".kind", Text.of("kind is EMAIL or PHONE",
                            "Контакт " + (i + 1) + ": вид — телефон (PHONE) или эл. почта (EMAIL)")));
                }
            }
        }
        return errors;
    }

    /** {@code label}: the field as the Russian form names it («Фамилия»). */
    static void name(List<Violation> errors, String field, String label, String value, boolean optional) {
        if (value == null || (optional && value.isBlank())) {
            return;
        }
        if (value.isBlank() || value.length() > 100 || !NAME.matcher(value.strip()).matches()) {
            errors.add(new Violation(field, Text.of("'" + value + "' is not a valid name", value.isBlank() ? "Поле «" + label
                    + "» не заполнено" : "«" + value + "» — недопустимое значение поля «" + label + "»")));
        }
    }
}
