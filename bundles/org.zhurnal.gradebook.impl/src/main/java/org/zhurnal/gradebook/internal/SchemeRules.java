package org.zhurnal.gradebook.internal;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.gradebook.internal.entity.SchemeRuleEntity;

/**
 * Which grading scheme a school uses: rules by subject (or all subjects) and grade range; the most specific
 * matching rule wins (a subject rule before an all-subjects rule, then the narrower grade range, then the
 * newer); without a rule, {@value #DEFAULT_SCHEME}.
 */
@Component(service = SchemeRules.class)
public class SchemeRules {
    public static final String DEFAULT_SCHEME = "fivepoint";

    /** A rule as the API shows it; {@code subject} null = every subject. */
    public record Rule(String id, String schoolId, String subject, int gradeFrom, int gradeTo, String schemeId) {}

    /** Body of a new rule. */
    public record NewRule(String subject, Integer gradeFrom, Integer gradeTo, String schemeId) {}

    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final GradingSchemes schemes;
    private final ReferenceCache cache;

    @Activate
    public SchemeRules(@Reference(target = "(osgi.unit.name=zhurnal-gradebook)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference GradingSchemes schemes, @Reference GradebookSchema schema, @Reference ReferenceCache cache) {
        this.cache = cache;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.schemes = schemes;
    }

    private static Rule toDTO(SchemeRuleEntity e) {
        return new Rule(e.getId(), e.getSchoolId(), e.getSubject(), e.getGradeFrom(), e.getGradeTo(), e.getSchemeId());
    }

    private static final String BOOK = "scheme-rules";

    public List<Rule> rules(String schoolId) {
        return cache.read(BOOK, schoolId, () -> jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "select r from SchemeRuleEntity r where r.schoolId = :s order by r.createdAt", SchemeRuleEntity.class)
                .setParameter("s", schoolId).getResultList().stream().map(SchemeRules::toDTO).toList()));
    }

    /** @return the id of the scheme in force for the subject in the grade */
    public String schemeFor(String schoolId, String subject, int grade) {
        return schemeFor(rules(schoolId), subject, grade);
    }

    static String schemeFor(List<Rule> rules, String subject, int grade) {
        return rules.stream().filter(r -> (r.subject() == null || r.subject().equalsIgnoreCase(subject)) && grade >= r.gradeFrom()
                && grade <= r.gradeTo())
                .max(Comparator.comparing((Rule r) -> r.subject() != null).thenComparing(r -> -(r.gradeTo() - r.gradeFrom())))
                .map(Rule::schemeId).orElse(DEFAULT_SCHEME);
    }

    /** Adds a rule (the caller has checked ADMINISTER on the school). The scheme must be installed now. */
    public Rule add(String schoolId, NewRule n) {
        if (n == null) {
            throw ProblemException.invalid("body", org.zhurnal.core.api.Text.of("A JSON body is required", "Не переданы данные запроса"));
        }
        int from = n.gradeFrom() == null ? 1 : n.gradeFrom();
        int to = n.gradeTo() == null ? 11 : n.gradeTo();
        if (from < 1 || from > 11) {
            throw ProblemException.invalid("gradeFrom", org.zhurnal.core.api.Text.of("gradeFrom is 1 to 11", "Первый класс правила — от 1 до 11"));
        }
        if (to < from || to > 11) {
            throw ProblemException.invalid("gradeTo", org.zhurnal.core.api.Text.of("gradeTo is gradeFrom to 11", "Последний класс правила — от "
                    + from + " до 11: не раньше первого"));
        }
        if (n.schemeId() == null || schemes.get(n.schemeId()).isEmpty()) {
            String installed = String.join(", ", schemes.list().stream().map(s -> s.id()).toList());
            throw ProblemException.invalid("schemeId", org.zhurnal.core.api.Text.of("schemeId is an installed grading scheme: " + installed,
                    "Выберите установленную систему оценивания: " + installed));
        }
        if (n.subject() != null && n.subject().isBlank()) {
            // An empty subject is not «every subject» (leave the field out for that): it would switch every subject at once.
            throw ProblemException.invalid("subject", org.zhurnal.core.api.Text.of("subject is a subject's name; leave it out for a rule of "
                    + "every subject", "Укажите предмет; правило для всех предметов задаётся без поля «subject»"));
        }
        String subject = n.subject() == null ? null : n.subject().trim();
        // Two rules for the same subject (or both for every subject) over common grades would leave it to chance which
        // scheme a grade follows: the rule in the way is named; delete it first.
        for (Rule r : rules(schoolId)) {
            boolean sameSubject = r.subject() == null ? subject == null : subject != null && r.subject().equalsIgnoreCase(subject);
            if (sameSubject && r.gradeFrom() <= to && from <= r.gradeTo()) {
                String what = (r.subject() == null ? "every subject" : r.subject()) + ", grades " + r.gradeFrom() + "–" + r.gradeTo() + ": "
                        + r.schemeId();
                String schemeRu = schemes.get(r.schemeId()).map(g -> "«" + g.name(java.util.Locale.forLanguageTag("ru")) + "»").orElse(r.schemeId());
                String whatRu = (r.subject() == null ? "все предметы" : r.subject()) + ", " + r.gradeFrom() + "–" + r.gradeTo()
                        + " классы: " + schemeRu;
                throw ProblemException.conflict("scheme-rule-overlap", org.zhurnal.core.api.Text.of("A rule already covers these grades ("
                        + what + ", id " + r.id() + "); delete it first", "Для этих классов уже есть правило (" + whatRu
                        + "); сначала удалите его"));
            }
        }
        return cache.write(jpa, BOOK, schoolId, em -> {
            SchemeRuleEntity e = new SchemeRuleEntity();
            e.setId(UUID.randomUUID().toString());
            e.setSchoolId(schoolId);
            e.setSubject(subject);
            e.setGradeFrom(from);
            e.setGradeTo(to);
            e.setSchemeId(n.schemeId());
            e.setCreatedAt(clock.now().toEpochMilli());
            em.persist(e);
            Rule dto = toDTO(e);
            audit.record(schoolId, "grading-scheme-rule", e.getId(), "create", null, dto);
            return dto;
        });
    }

    /**
     * Deletes a rule of the school. While this academic year's marks are in the rule's scheme (for its subject), deleting it
     * is asked about first (409 {@code marks-in-scheme}, naming how many): new marks would go into another scheme, and a
     * period's average counts only the marks of the scheme in force, so the year's marks so far would drop out of it.
     * {@code confirm} deletes it anyway.
     */
    public void delete(String schoolId, String ruleId, boolean confirm) {
        cache.write(jpa, BOOK, schoolId, em -> {
            SchemeRuleEntity e = ruleId == null ? null : em.find(SchemeRuleEntity.class, ruleId);
            if (e == null || !e.getSchoolId().equals(schoolId)) {
                throw ProblemException.notFound("Scheme rule", ruleId);
            }
            if (!confirm) {
                java.time.LocalDate yearStart = java.time.LocalDate.of(org.zhurnal.roster.api.RosterQuery.academicYearOf(clock.today()), 9, 1);
                var count = em.createNativeQuery("SELECT COUNT(*) FROM zh_g_mark WHERE school_id = ?1 AND scheme_id = ?2 "
                        + "AND lesson_date >= ?3" + (e.getSubject() == null ? "" : " AND LOWER(subject) = ?4"))
                        .setParameter(1, schoolId).setParameter(2, e.getSchemeId()).setParameter(3, yearStart.toString());
                if (e.getSubject() != null) {
                    count.setParameter(4, e.getSubject().toLowerCase(java.util.Locale.ROOT));
                }
                long marks = ((Number) count.getSingleResult()).longValue();
                if (marks > 0) {
                    String what = e.getSubject() == null ? "every subject" : e.getSubject();
                    String whatRu = e.getSubject() == null ? "всех предметов" : "предмета «" + e.getSubject() + "»";
                    throw new ProblemException(409, "marks-in-scheme", "Conflict", org.zhurnal.core.api.Text.of(marks + " marks of this school "
                            + "year (" + what + ") are in the scheme «" + e.getSchemeId() + "». Without the rule new marks go into another "
                            + "scheme and the period averages leave these out. To delete it anyway, send the request again with confirm=true",
                            "В этом учебном году по правилу выставлено оценок: " + marks + " (" + whatRu + ", система «" + e.getSchemeId()
                                    + "»). Без правила новые оценки пойдут в другую систему, а средний балл за период эти оценки не учтёт. "
                                    + "Если это и нужно, подтвердите удаление"), "confirm");
                }
            }
            audit.record(schoolId, "grading-scheme-rule", e.getId(), "delete", toDTO(e), null);
            em.remove(e);
            return null;
        });
    }
}
