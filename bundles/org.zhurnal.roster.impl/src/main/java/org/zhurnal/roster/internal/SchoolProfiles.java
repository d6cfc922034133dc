package org.zhurnal.roster.internal;

import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.internal.entity.SchoolProfileEntity;

/**
 * The school's profile (full and short name, address, director, contacts, INN, OGRN). Readable by
 * whoever may read the school, written by its administrators; every write is audited with before/after.
 */
@Component(service = SchoolProfiles.class)
public class SchoolProfiles {

    /** A school profile, as read and written over REST. */
    public record Profile(String fullName, String shortName, String address, String director, String phone, String email,
            String website, String inn, String ogrn) {}

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int[] INN_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final TenantService tenants;
    private final RosterServiceImpl roster;

    @Activate
    public SchoolProfiles(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference TenantService tenants, @Reference RosterServiceImpl roster) {
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.tenants = tenants;
        this.roster = roster;
    }

    /** The stored profile, or the tenancy's names with everything else empty. */
    public Profile get(String schoolId) {
        roster.requireSchool(schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports, em -> {
            SchoolProfileEntity e = em.find(SchoolProfileEntity.class, schoolId);
            return e != null ? toDTO(e) : defaults(schoolId);
        });
    }

    public Profile put(String schoolId, Profile body) {
        roster.requireSchool(schoolId, Action.ADMINISTER);
        Profile p = validate(body);
        return jpa.txExpr(TransactionType.Required, em -> {
            SchoolProfileEntity e = em.find(SchoolProfileEntity.class, schoolId);
            Profile before = e == null ? null : toDTO(e);
            if (e == null) {
                e = new SchoolProfileEntity();
                e.setSchoolId(schoolId);
                apply(e, p);
                em.persist(e);
            } else {
                apply(e, p);
            }
            Profile after = toDTO(e);
            if (!after.equals(before)) {
                audit.record(schoolId, "school-profile", schoolId, before == null ? "create" : "update", before, after);
            }
            return after;
        });
    }

    private void apply(SchoolProfileEntity e, Profile p) {
        e.setFullName(p.fullName());
        e.setShortName(p.shortName());
        e.setAddress(p.address());
        e.setDirector(p.director());
        e.setPhone(p.phone());
        e.setEmail(p.email());
        e.setWebsite(p.website());
        e.setInn(p.inn());
        e.setOgrn(p.ogrn());
        e.setUpdatedAt(clock.now().toEpochMilli());
    }

    private Profile defaults(String schoolId) {
        return tenants.school(schoolId).map(s -> new Profile(s.fullName(), s.shortName(), null, null, null, null, null, null, null))
                .orElseThrow(() -> ProblemException.notFound("School", schoolId));
    }

    static Profile toDTO(SchoolProfileEntity e) {
        return new Profile(e.getFullName(), e.getShortName(), e.getAddress(), e.getDirector(), e.getPhone(), e.getEmail(),
                e.getWebsite(), e.getInn(), e.getOgrn());
    }

    /** Trims (blank → null) and checks every field; 400 naming the first bad one. */
    static Profile validate(Profile b) {
        if (b == null) {
            throw ProblemException.invalid("body", Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        Profile p = new Profile(clean(b.fullName()), clean(b.shortName()), clean(b.address()), clean(b.director()), clean(b.phone()),
                clean(b.email()), clean(b.website()), clean(b.inn()), clean(b.ogrn()));
        required("fullName", p.fullName(), 500);
        required("shortName", p.shortName(), 200);
        length("address", p.address(), 500);
        length("director", p.director(), 300);
        length("phone", p.phone(), 50);
        length("email", p.email(), 200);
        length("website", p.website(), 200);
        if (p.email() != null && !EMAIL.matcher(p.email()).matches()) {
            throw ProblemException.invalid("email", Text.of("email is not a valid e-mail address",
                    "«" + p.email() + "» — не адрес электронной почты"));
        }
        if (p.inn() != null && !validInn(p.inn())) {
            throw ProblemException.invalid("inn", Text.of("inn is the 10-digit INN of an organisation with a correct control digit",
                    "ИНН организации — 10 цифр с верной контрольной цифрой"));
        }
        if (p.ogrn() != null && !validOgrn(p.ogrn())) {
            throw ProblemException.invalid("ogrn", Text.of("ogrn is the 13-digit OGRN with a correct control digit",
                    "ОГРН — 13 цифр с верной контрольной цифрой"));
        }
        return p;
    }

    /** INN of an organisation: 10 digits, the 10th = (Σ dᵢ·wᵢ mod 11) mod 10. */
    static boolean validInn(String inn) {
        if (!inn.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (inn.charAt(i) - '0') * INN_WEIGHTS[i];
        }
        return sum % 11 % 10 == inn.charAt(9) - '0';
    }

    /** OGRN: 13 digits, the 13th = (first 12 as a number mod 11) mod 10. */
    static boolean validOgrn(String ogrn) {
        if (!ogrn.matches("\\d{13}")) {
            return false;
        }
        return Long.parseLong(ogrn.substring(0, 12)) % 11 % 10 == ogrn.charAt(12) - '0';
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void required(String field, String value, int max) {
        if (value == null) {
            throw ProblemException.invalid(field, Text.of(field + " is required", "Заполните поле «" + label(field) + "»"));
        }
        length(field, value, max);
    }

    /** The field as a Russian form names it. */
    private static String label(String field) {
        return switch (field) {
            case "fullName" -> "Полное наименование";
            case "shortName" -> "Краткое наименование";
            case "address" -> "Адрес";
            case "director" -> "Директор";
            case "phone" -> "Телефон";
            case "email" -> "Электронная почта";
            case "website" -> "Сайт";
            default -> field;
        };
    }

    private static void length(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ProblemException.invalid(field, Text.of(field + " has at most " + max + " characters",
                    "Поле «" + label(field) + "» — не длиннее " + max + " символов"));
        }
    }
}
