package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.roster.api.Contact;
import org.zhurnal.roster.api.ContactSource;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.ContactEntity;
import org.zhurnal.roster.internal.entity.GuardianshipEntity;
import org.zhurnal.roster.internal.entity.MembershipEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;

/**
 * A newcomer enrolled by hand into a class (a family that moved in mid-year), without a file: the student, their class
 * from the admission date, and up to two guardians with their contacts (from the written application). A guardian who is
 * already a guardian in the school (the same name and the same phone or e-mail: a brother's or sister's mother) is linked,
 * not created again. All fields are checked first; any error answers 400 listing every field and nothing is written.
 * Audited. The student gets a code ({@code Z-…}) unless one is given, which the export carries, so a later import of the
 * school's file finds them instead of creating them again.
 */
@Component(service = Enrolment.class)
public class Enrolment {

    /** A guardian of the newcomer. */
    public record NewGuardian(String lastName, String firstName, String middleName, String relation, String phone, String email,
            Boolean noElectronicAccess) {}

    /**
     * The newcomer: {@code admissionDate} (default today) is the first day in the class; {@code code} the school's code of the
     * student (optional); {@code confirm} enrols even when the school has a student of the same name and birth date.
     */
    public record NewStudent(String lastName, String firstName, String middleName, LocalDate birthDate, String sex,
            LocalDate admissionDate, String code, List<NewGuardian> guardians, Boolean confirm) {}

    private final JpaTemplate jpa;
    private final RosterCache cache;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final Authorization authorization;

    @Activate
    public Enrolment(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference Authorization authorization, @Reference RosterCache cache) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.authorization = authorization;
        this.cache = cache;
    }

    public Person enrol(String classId, NewStudent n) {
        if (n == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        var caller = CallContext.requirePrincipal();
        if (classId == null || !authorization.permits(caller, Action.READ, ScopeRef.schoolClass(classId))) {
            throw ProblemException.notFound("Class", classId);
        }
        authorization.check(caller, Action.ADMINISTER, ScopeRef.schoolClass(classId));
        LocalDate today = clock.today();
        return cache.write(jpa, em -> {
            ClassEntity c = em.find(ClassEntity.class, classId);
            if (c == null) {
                throw ProblemException.notFound("Class", classId);
            }
            LocalDate yearStart = LocalDate.of(c.getAcademicYear(), 9, 1);
            LocalDate admission = n.admissionDate() == null ? (today.isBefore(yearStart) ? yearStart : today) : n.admissionDate();
            List<Violation> errors = validate(n, admission, c, today);
            String code = n.code() == null || n.code().isBlank() ? null : n.code().strip();
            if (code != null && !em.createQuery("select p from PersonEntity p where p.schoolId = :s and p.kind = 'STUDENT' and p.externalId = :c",
                    PersonEntity.class).setParameter("s", c.getSchoolId()).setParameter("c", code).getResultList().isEmpty()) {
                errors.add(new Violation("code", Text.of("The school has a student with the code " + code, "В школе уже есть ученик с кодом «"
                        + code + "»")));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(Messages.summary(errors.size() + " invalid fields; nothing was changed",
                        "Ошибок: " + errors.size() + "; ничего не изменено", errors), errors);
            }
            String last = n.lastName().strip();
            String first = n.firstName().strip();
            if (!Boolean.TRUE.equals(n.confirm())) {
                List<PersonEntity> same = em.createQuery("select p from PersonEntity p where p.schoolId = :s and p.kind = 'STUDENT' "
                        + "and p.lastName = :l and p.firstName = :f and p.birthDate = :b", PersonEntity.class).setParameter("s", c.getSchoolId())
                        .setParameter("l", last).setParameter("f", first).setParameter("b", n.birthDate().toString()).getResultList();
                if (!same.isEmpty()) {
                    throw new ProblemException(409, "student-exists", "Conflict", Text.of("The school has a student " + last + " " + first
                            + " born on " + n.birthDate() + " already; to move them to this class, use the transfer; to enrol a namesake, "
                            + "send the enrolment again with confirm: true", "В школе уже есть ученик " + last + " " + first + " с датой рождения "
                            + Messages.date(n.birthDate()) + ". Если это он, переведите его в этот класс; если это однофамилец, подтвердите "
                            + "зачисление."), "lastName");
                }
            }
            long now = clock.now().toEpochMilli();
            PersonEntity s = new PersonEntity();
            s.setId(UUID.randomUUID().toString());
            s.setSchoolId(c.getSchoolId());
            s.setKind("STUDENT");
            s.setExternalId(code != null ? code : "Z-" + s.getId().substring(0, 8).toUpperCase(Locale.ROOT));
            s.setLastName(last);
            s.setFirstName(first);
            s.setMiddleName(blankToNull(n.middleName()));
            s.setBirthDate(n.birthDate().toString());
            s.setSex(n.sex().toUpperCase(Locale.ROOT));
            s.setAdmissionDate(admission.toString());
            s.setCreatedAt(now);
            s.setUpdatedAt(now);
            em.persist(s);
            audit.record(c.getSchoolId(), "person", s.getId(), "enrol", null, Mapping.audit(s, List.of()));
            MembershipEntity m = new MembershipEntity();
            m.setId(UUID.randomUUID().toString());
            m.setStudentId(s.getId());
            m.setClassId(c.getId());
            m.setValidFrom((admission.isBefore(yearStart) ? yearStart : admission).toString());
            em.persist(m);
            audit.record(c.getSchoolId(), "membership", m.getId(), "enrol", null, Map.of("studentId", s.getId(), "classId", c.getId(),
                    "class", c.getGrade() + c.getLetter(), "validFrom", m.getValidFrom()));
            for (NewGuardian g : n.guardians() == null ? List.<NewGuardian>of() : n.guardians()) {
                PersonEntity gp = existingGuardian(em, c.getSchoolId(), g);
                if (gp == null) {
                    gp = new PersonEntity();
                    gp.setId(UUID.randomUUID().toString());
                    gp.setSchoolId(c.getSchoolId());
                    gp.setKind("GUARDIAN");
                    gp.setExternalId("Z-" + gp.getId().substring(0, 8).toUpperCase(Locale.ROOT));
                    gp.setLastName(g.lastName().strip());
                    gp.setFirstName(g.firstName().strip());
                    gp.setMiddleName(blankToNull(g.middleName()));
                    gp.setNoElectronicAccess(Boolean.TRUE.equals(g.noElectronicAccess()));
                    gp.setCreatedAt(now);
                    gp.setUpdatedAt(now);
                    em.persist(gp);
                    List<ContactEntity> contacts = new ArrayList<>();
                    for (String[] kv : List.of(new String[] {Contact.PHONE, g.phone()}, new String[] {Contact.EMAIL, g.email()})) {
                        if (kv[1] != null && !kv[1].isBlank()) {
                            ContactEntity ce = new ContactEntity();
                            ce.setId(UUID.randomUUID().toString());
                            ce.setPersonId(gp.getId());
                            ce.setKind(kv[0]);
                            ce.setValue(kv[1].strip());
                            ce.setSource(ContactSource.WRITTEN.name());
                            em.persist(ce);
                            contacts.add(ce);
                        }
                    }
                    audit.record(c.getSchoolId(), "person", gp.getId(), "enrol", null, Mapping.audit(gp, contacts));
                }
                GuardianshipEntity link = new GuardianshipEntity();
                link.setId(UUID.randomUUID().toString());
                link.setGuardianId(gp.getId());
                link.setStudentId(s.getId());
                link.setRelation(blankToNull(g.relation()));
                em.persist(link);
                audit.record(c.getSchoolId(), "guardianship", link.getId(), "enrol", null, Map.of("guardianId", gp.getId(), "studentId",
                        s.getId(), "relation", String.valueOf(link.getRelation())));
            }
            em.flush();
            return Mapping.person(s, List.of());
        });
    }

    /** A guardian of the school with the same name and the same phone or e-mail (a sibling's parent), or {@code null}. */
    private static PersonEntity existingGuardian(EntityManager em, String schoolId, NewGuardian g) {
        List<String> values = new ArrayList<>();
        if (g.phone() != null && !g.phone().isBlank()) {
            values.add(g.phone().strip());
        }
        if (g.email() != null && !g.email().isBlank()) {
            values.add(g.email().strip());
        }
        if (values.isEmpty()) {
            return null;
        }
        List<PersonEntity> found = em.createQuery("select p from PersonEntity p, ContactEntity c where c.personId = p.id and p.schoolId = :s "
                + "and p.kind = 'GUARDIAN' and p.lastName = :l and p.firstName = :f and c.value in :v", PersonEntity.class)
                .setParameter("s", schoolId).setParameter("l", g.lastName().strip()).setParameter("f", g.firstName().strip())
                .setParameter("v", values).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private List<Violation> validate(NewStudent n, LocalDate admission, ClassEntity c, LocalDate today) {
        List<Violation> errors = new ArrayList<>();
        required(errors, "lastName", "Фамилия", n.lastName());
        required(errors, "firstName", "Имя", n.firstName());
        PersonEdits.name(errors, "lastName", "Фамилия", n.lastName(), false);
        PersonEdits.name(errors, "firstName", "Имя", n.firstName(), false);
        PersonEdits.name(errors, "middleName", "Отчество", n.middleName(), true);
        if (n.birthDate() == null || n.birthDate().getYear() < 1990 || n.birthDate().isAfter(today.minusYears(5))) {
            errors.add(new Violation("birthDate", n.birthDate() == null ? Text.of("birthDate is required", "Укажите дату рождения")
                    : Text.of("'" + n.birthDate() + "' is not a plausible birth date of a student", "«" + Messages.date(n.birthDate())
                            + "» — неправдоподобная дата рождения ученика")));
        }
        if (n.sex() == null || !(n.sex().equalsIgnoreCase("M") || n.sex().equalsIgnoreCase("F"))) {
            errors.add(new Violation("sex", Text.of("sex is M or F", "Укажите пол: M (мужской) или F (женский)")));
        }
        LocalDate yearEnd = LocalDate.of(c.getAcademicYear() + 1, 8, 31);
        if (admission.isAfter(yearEnd) || admission.getYear() < 2000) {
            errors.add(new Violation("admissionDate", Text.of("admissionDate is at the latest in the class's school year "
                    + c.getAcademicYear() + "/" + (c.getAcademicYear() + 1), "Дата зачисления — не позже " + c.getAcademicYear() + "/"
                    + (c.getAcademicYear() + 1) + " учебного года класса")));
        }
        if (n.code() != null && n.code().strip().length() > 50) {
            errors.add(new Violation("code", Text.of("code has at most 50 characters", "Код — не длиннее 50 символов")));
        }
        List<NewGuardian> guardians = n.guardians() == null ? List.of() : n.guardians();
        if (guardians.size() > 2) {
            errors.add(new Violation("guardians", Text.of("At most two guardians at enrolment", "При зачислении — не больше двух представителей")));
        }
        for (int i = 0; i < guardians.size(); i++) {
            NewGuardian g = guardians.get(i);
            String f = "guardians[" + i + "]";
            String who = "Представитель " + (i + 1) + ": ";
            if (g == null) {
                errors.add(new Violation(f, Text.of("A guardian is an object", who + "нет данных")));
                continue;
            }
            required(errors, f + ".lastName", who + "фамилия", g.lastName());
            required(errors, f + ".firstName", who + "имя", g.firstName());
            PersonEdits.name(errors, f + ".lastName", who + "фамилия", g.lastName(), false);
            PersonEdits.name(errors, f + ".firstName", who + "имя", g.firstName(), false);
            PersonEdits.name(errors, f + ".middleName", who + "отчество", g.middleName(), true);
            if (g.relation() != null && g.relation().length() > 50) {
                errors.add(new Violation(f + ".relation", Text.of("relation has at most 50 characters", who + "«кем приходится» — не длиннее 50 символов")));
            }
            if (g.phone() != null && !g.phone().isBlank() && !PersonEdits.PHONE.matcher(g.phone().strip()).matches()) {
                errors.add(new Violation(f + ".phone", Text.of("'" + g.phone() + "' is not a phone number", who + "«" + g.phone()
                        + "» — не номер телефона")));
            }
            if (g.email() != null && !g.email().isBlank() && (!PersonEdits.EMAIL.matcher(g.email().strip()).matches() || g.email().length() > 200)) {
                errors.add(new Violation(f + ".email", Text.of("'" + g.email() + "' is not an e-mail address", who + "«" + g.email()
                        + "» — не адрес электронной почты")));
            }
        }
        return errors;
    }

    private static void required(List<Violation> errors, String field, String label, String value) {
        if (value == null) {
            errors.add(new Violation(field, Text.of(field + " is required", "Поле «" + label + "» не заполнено")));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
