package org.zhurnal.gradebook.internal;

import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.gradebook.api.AbsenceCode;

/**
 * The attendance reference book: the defaults every school has (н, б, у, оп) plus a school's own codes, which
 * may also redefine a default. Codes are compared in lower case.
 */
@Component(service = AbsenceCodes.class)
public class AbsenceCodes {
    static final Set<String> CATEGORIES = Set.of(AbsenceCode.ILLNESS, AbsenceCode.EXCUSED, AbsenceCode.UNEXCUSED, AbsenceCode.LATE);

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final ReferenceCache cache;

    @Activate
    public AbsenceCodes(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference AuditLog audit,
            @Reference GradebookSchema schema, @Reference ReferenceCache cache) {
        this.cache = cache;
        this.jpa = jpa;
        this.audit = audit;
    }

    public List<AbsenceCode> of(String schoolId) {
        return List.copyOf(byCode(schoolId).values());
    }

    /** @return the school's codes by code: the defaults, overridden by the school's own */
    public Map<String, AbsenceCode> byCode(String schoolId) {
        return cache.read(BOOK, schoolId, () -> Collections.unmodifiableMap(load(schoolId)));
    }

    private static final String BOOK = "absence-codes";

    private Map<String, AbsenceCode> load(String schoolId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT school_id, code, label, category FROM zh_g_absence_code "
                    + "WHERE school_id = ?1 OR school_id = '*'").setParameter(1, schoolId).getResultList();
            Map<String, AbsenceCode> m = new LinkedHashMap<>();
            rows.stream().filter(r -> "*".equals(r[0])).forEach(r -> m.put((String) r[1], new AbsenceCode((String) r[1], (String) r[2], (String) r[3])));
            rows.stream().filter(r -> !"*".equals(r[0])).forEach(r -> m.put((String) r[1], new AbsenceCode((String) r[1], (String) r[2], (String) r[3])));
            return m;
        });
    }

    public Optional<AbsenceCode> find(Map<String, AbsenceCode> codes, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code.trim().toLowerCase(Locale.ROOT)));
    }

    /** Adds or redefines a code of the school (the caller has checked ADMINISTER). */
    public AbsenceCode put(String schoolId, AbsenceCode c) {
        if (c == null || c.code() == null || c.code().isBlank() || c.code().trim().length() > 10) {
            throw ProblemException.invalid("code", Text.of("code is required, at most 10 characters", "Укажите код (не длиннее 10 символов)"));
        }
        if (c.label() == null || c.label().isBlank() || c.label().length() > 100) {
            throw ProblemException.invalid("label", Text.of("label is required, at most 100 characters", "Укажите название (не длиннее 100 символов)"));
        }
        if (!CATEGORIES.contains(c.category())) {
            throw ProblemException.invalid("category", Text.of("category is ILLNESS, EXCUSED, UNEXCUSED or LATE",
                    "Выберите вид: по болезни, по уважительной причине, без уважительной причины или опоздание"));
        }
        AbsenceCode code = new AbsenceCode(c.code().trim().toLowerCase(Locale.ROOT), c.label().trim(), c.category());
        return cache.write(jpa, BOOK, schoolId, em -> {
            AbsenceCode before = load(schoolId).get(code.code());
            em.createNativeQuery("DELETE FROM zh_g_absence_code WHERE school_id = ?1 AND code = ?2").setParameter(1, schoolId)
                    .setParameter(2, code.code()).executeUpdate();
            em.createNativeQuery("INSERT INTO zh_g_absence_code (school_id, code, label, category) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, schoolId).setParameter(2, code.code()).setParameter(3, code.label()).setParameter(4, code.category())
                    .executeUpdate();
            audit.record(schoolId, "absence-code", schoolId + "/" + code.code(), before == null ? "create" : "update", before, code);
            return code;
        });
    }
}
