package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhurnal.roster.api.AcademicYears;
import org.zhurnal.roster.api.PromotionConcerns;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.MembershipEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;

/**
 * Year promotion (перевод в следующий класс): every student of a class of year Y goes to the class of the
 * next grade with the same letter in year Y+1 (5А → 6А; the class teacher stays with the class), 11th
 * graders graduate, and per-student exceptions retain a student in the same grade or record their
 * leaving. Preview first, then apply. Applying is idempotent (students already placed in Y+1 are left
 * alone). Old-year records are not rewritten: the old memberships only get their natural end, the
 * last day of year Y (31 August of Y+1). Applied after year Y+1 has begun (a late promotion), it also recomputes the
 * grants of the new year's class teachers in the same transaction ({@link StaffGrants}); applied before, the year's
 * resync on 1 September does it ({@link StaffGrantsResync}).
 */
@Component(service = Promotion.class)
public class Promotion {

    /** An exception for one student. */
    public record Exemption(String studentId, String action /* RETAIN or LEAVE */, String reason) {}

    /** The request. */
    public record Request(Integer fromYear, List<Exemption> exceptions) {}

    /**
     * What happens to one student; {@code concerns}: what the other modules know against a plain promotion (failed or
     * missing year results, {@link PromotionConcerns}), shown for the school to decide on — empty when none.
     */
    public record Move(String studentId, String fullName, String fromClass, String toClass, String outcome /* PROMOTE, RETAIN, GRADUATE, LEAVE, DONE */,
            List<Text> concerns) {}

    /** The plan (preview) or what was done (apply). */
    public record Plan(int fromYear, int toYear, boolean applied, List<Move> moves, Map<String, Integer> totals) {}

    /** The modules that know a student's results of the year (the gradebook), asked for the preview's concerns. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<PromotionConcerns> concernSources = List.of();

    private final JpaTemplate jpa;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Authorization authorization;
    private final RosterServiceImpl roster;
    private final RosterCache cache;
    private final ZhurnalClock clock;

    @Activate
    public Promotion(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference AuditLog audit,
            @Reference DomainEvents events, @Reference Authorization authorization, @Reference RosterServiceImpl roster,
            @Reference RosterCache cache, @Reference ZhurnalClock clock) {
        this.cache = cache;
        this.clock = clock;
        this.jpa = jpa;
        this.audit = audit;
        this.events = events;
        this.authorization = authorization;
        this.roster = roster;
    }

    public Plan run(String schoolId, Request request, boolean apply) {
        roster.requireSchool(schoolId, Action.ADMINISTER);
        int from = AcademicYears.require("fromYear", request == null ? null : request.fromYear(), clock.today());
        Map<String, Exemption> exceptions = new HashMap<>();
        Map<String, Integer> positions = new HashMap<>();
        List<Violation> bad = new ArrayList<>();
        List<Exemption> list = request.exceptions() == null ? List.of() : request.exceptions();
        for (int i = 0; i < list.size(); i++) {
            Exemption e = list.get(i);
            if (e == null || e.studentId() == null) {
                bad.add(new Violation("exceptions[" + i + "].studentId", Text.of("studentId is required",
                        "Особый случай №" + (i + 1) + ": не указан ученик")));
            } else if (!"RETAIN".equals(e.action()) && !"LEAVE".equals(e.action())) {
                bad.add(new Violation("exceptions[" + i + "].action", Text.of("action is RETAIN or LEAVE", "Особый случай №" + (i + 1)
                        + ": выберите — оставить на повторное обучение или выбытие")));
            } else if ("RETAIN".equals(e.action()) && (e.reason() == null || e.reason().isBlank())) {
                // Repeating a year is the pedagogical council's decision (with the parents' consent), recorded with it.
                bad.add(new Violation("exceptions[" + i + "].reason", Text.of("A student kept in the same grade needs the reason, e.g. the "
                        + "pedagogical council's decision", "Особый случай №" + (i + 1) + ": укажите основание повторного обучения, например "
                        + "решение педсовета")));
            } else if (exceptions.put(e.studentId(), e) != null) {
                bad.add(new Violation("exceptions[" + i + "].studentId", Text.of("The student has two exceptions",
                        "Особый случай №" + (i + 1) + ": этот ученик уже указан")));
            } else {
                positions.put(e.studentId(), i);
            }
        }
        if (!bad.isEmpty()) {
            throw ProblemException.invalid(Messages.summary("Invalid exceptions; nothing was changed",
                    "Ошибок в особых случаях перевода: " + bad.size() + "; ничего не изменено", bad), bad);
        }
        var caller = CallContext.requirePrincipal();
        try {
            return jpa.txExpr(TransactionType.Required, em -> plan(em, schoolId, from, exceptions, positions, apply, caller));
        } finally {
            if (apply) {
                cache.evict(schoolId); // after the commit: the class lists count the new year's classes
            }
        }
    }

    private Plan plan(EntityManager em, String schoolId, int from, Map<String, Exemption> exceptions, Map<String, Integer> positions,
            boolean apply, org.zhurnal.core.api.security.ZhurnalPrincipal caller) {
        int to = from + 1;
        LocalDate lastDay = LocalDate.of(to, 8, 31);
        LocalDate firstDay = LocalDate.of(to, 9, 1);
        List<ClassEntity> oldClasses = classes(em, schoolId, from);
        if (oldClasses.isEmpty()) {
            // An empty plan answered 200 said nothing: most likely the wrong year was typed.
            throw ProblemException.invalid("fromYear", Text.of("The school has no classes in " + from + "/" + to + "; fromYear is the year "
                    + "promoted from, e.g. " + RosterQuery.academicYearOf(clock.today()), "В " + from + "/" + to + " учебном году у школы нет "
                    + "классов: укажите год, из которого переводят, — например " + RosterQuery.academicYearOf(clock.today())));
        }
        Map<String, ClassEntity> newClasses = classes(em, schoolId, to).stream()
                .collect(Collectors.toMap(c -> c.getGrade() + c.getLetter(), c -> c));
        // Who is in a class of the new year already (a promotion applied before), with that class's grade.
        Map<String, Integer> placedGrade = new HashMap<>();
        if (!newClasses.isEmpty()) {
            for (Object[] row : em.createQuery("select m.studentId, c.grade from MembershipEntity m, ClassEntity c where c.id = m.classId "
                    + "and m.classId in :ids", Object[].class)
                    .setParameter("ids", InLists.padded(newClasses.values().stream().map(ClassEntity::getId).toList())).getResultList()) {
                placedGrade.put((String) row[0], ((Number) row[1]).intValue());
            }
        }
        Set<String> placed = placedGrade.keySet();
        List<String> late = new ArrayList<>();
        List<Move> moves = new ArrayList<>();
        Map<String, Integer> totals = new java.util.TreeMap<>();
        Set<String> known = new HashSet<>();
        for (ClassEntity c : oldClasses) {
            List<MembershipEntity> members = em.createQuery("select m from MembershipEntity m where m.classId = :c "
                    + "and (m.validTo is null or m.validTo >= :d)", MembershipEntity.class).setParameter("c", c.getId())
                    .setParameter("d", lastDay.toString()).getResultList();
            for (MembershipEntity m : members) {
                PersonEntity s = em.find(PersonEntity.class, m.getStudentId());
                known.add(s.getId());
                if (!authorization.permits(caller, Action.ADMINISTER, ScopeRef.student(s.getId()))) {
                    continue;
                }
                Exemption ex = exceptions.get(s.getId());
                String outcome;
                String target = null;
                if (placed.contains(s.getId()) || (s.getLeavingDate() != null && s.getLeavingDate().compareTo(firstDay.toString()) <= 0)) {
                    outcome = "DONE";
                    // The same order applied again is a retry; an exception the applied promotion does not show is a
                    // correction it would silently ignore.
                    boolean shown = ex == null || ("LEAVE".equals(ex.action()) ? s.getLeavingDate() != null
                            : java.util.Objects.equals(placedGrade.get(s.getId()), c.getGrade()));
                    if (!shown) {
                        late.add(AccountIssuer.fullName(s));
                    }
                } else if (ex != null && ex.action().equals("LEAVE")) {
                    outcome = "LEAVE";
                } else if (c.getGrade() == 11 && ex == null) {
                    outcome = "GRADUATE";
                } else {
                    int grade = ex != null ? c.getGrade() : c.getGrade() + 1;
                    outcome = ex != null ? "RETAIN" : "PROMOTE";
                    target = grade + c.getLetter();
                }
                moves.add(new Move(s.getId(), AccountIssuer.fullName(s), c.getGrade() + c.getLetter(), target, outcome, List.of()));
                totals.merge(outcome, 1, Integer::sum);
                if (!apply || outcome.equals("DONE")) {
                    continue;
                }
                if (m.getValidTo() == null) {
                    m.setValidTo(lastDay.toString());
                }
                if (target != null) {
                    String key = target;
                    ClassEntity nc = newClasses.computeIfAbsent(key, k -> newClass(em, schoolId, to, k, c));
                    MembershipEntity nm = new MembershipEntity();
                    nm.setId(UUID.randomUUID().toString());
                    nm.setStudentId(s.getId());
                    nm.setClassId(nc.getId());
                    nm.setValidFrom(firstDay.toString());
                    em.persist(nm);
                    // A student kept in the grade is audited as such, with the reason (the council's decision) given.
                    audit.record(schoolId, "membership", nm.getId(), ex != null ? "retain" : "promote", Map.of("class", c.getGrade() + c.getLetter(),
                            "year", from), ex != null ? Map.of("class", key, "year", to, "studentId", s.getId(), "reason", ex.reason().trim())
                                    : Map.of("class", key, "year", to, "studentId", s.getId()));
                } else {
                    Map<String, Object> before = Mapping.audit(s, null);
                    s.setLeavingDate(lastDay.toString());
                    s.setLeavingReason(outcome.equals("GRADUATE") ? "Окончил(а) 11 классов" : ex.reason() == null ? "Выбыл(а)" : ex.reason());
                    audit.record(schoolId, "person", s.getId(), outcome.equals("GRADUATE") ? "graduate" : "leave", before, Mapping.audit(s, null));
                }
            }
        }
        List<Violation> unknown = exceptions.keySet().stream().filter(id -> !known.contains(id))
                .sorted(java.util.Comparator.comparing(positions::get))
                .map(id -> new Violation("exceptions[" + positions.get(id) + "].studentId", Text.of("Student " + id + " is not in a class of "
                        + from + "/" + to, "Особый случай №" + (positions.get(id) + 1) + ": ученик не учится ни в одном классе " + from + "/" + to
                        + " учебного года"))).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(Messages.summary(
                    "Exceptions name students who are not in this year's classes; nothing was changed",
                    "Среди особых случаев перевода есть ученики не из классов этого учебного года (" + unknown.size() + "); ничего не изменено",
                    unknown), unknown);
        }
        // An exception for a student whose promotion was applied before (an order corrected afterwards) would be ignored:
        // refused, naming them, with what to do instead; nothing of this run is kept.
        if (!late.isEmpty()) {
            throw ProblemException.conflict("promotion-done", Text.of("The promotion of " + String.join(", ", late) + " was applied already; "
                    + "their exceptions cannot take effect here — correct their records instead (leaving, the class card)",
                    "Перевод уже выполнен для: " + String.join(", ", late) + ". Особый случай к ним здесь не применяется: исправьте их запись "
                            + "(выбытие, класс) в карточке класса; ничего не изменено"));
        }
        if (apply && RosterQuery.academicYearOf(clock.today()) >= to) {
            // Late: the grants are derived for the current year, which already is the new one — make them right at once.
            classes(em, schoolId, to).stream().map(ClassEntity::getClassTeacherId).filter(java.util.Objects::nonNull).distinct()
                    .forEach(roster::syncStaffGrants);
        }
        if (apply) {
            events.publish("roster.promoted", schoolId, Map.of("fromYear", from, "toYear", to, "totals", totals));
        }
        return new Plan(from, to, apply, withConcerns(schoolId, from, moves), totals);
    }

    private List<Move> withConcerns(String schoolId, int from, List<Move> moves) {
        Map<String, List<Text>> all = new HashMap<>();
        List<String> ids = moves.stream().map(Move::studentId).toList();
        for (PromotionConcerns source : concernSources) {
            source.concerns(schoolId, from, ids).forEach((id, list) -> all.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
        }
        if (all.isEmpty()) {
            return moves;
        }
        return moves.stream().map(m -> all.containsKey(m.studentId()) ? new Move(m.studentId(), m.fullName(), m.fromClass(), m.toClass(),
                m.outcome(), List.copyOf(all.get(m.studentId()))) : m).toList();
    }

    private ClassEntity newClass(EntityManager em, String schoolId, int year, String name, ClassEntity previous) {
        ClassEntity c = new ClassEntity();
        c.setId(UUID.randomUUID().toString());
        c.setSchoolId(schoolId);
        c.setAcademicYear(year);
        c.setGrade(Integer.parseInt(name.replaceAll("\\D", "")));
        c.setLetter(name.replaceAll("\\d", ""));
        // The class teacher goes on with the class (not with a retained student's old grade).
        c.setClassTeacherId(c.getGrade() == previous.getGrade() + 1 ? previous.getClassTeacherId() : null);
        em.persist(c);
        em.flush();
        audit.record(schoolId, "class", c.getId(), "create", null, Map.of("name", name, "academicYear", year));
        return c;
    }

    private static List<ClassEntity> classes(EntityManager em, String schoolId, int year) {
        return em.createQuery("select c from ClassEntity c where c.schoolId = :s and c.academicYear = :y order by c.grade, c.letter",
                ClassEntity.class).setParameter("s", schoolId).setParameter("y", year).getResultList();
    }
}
