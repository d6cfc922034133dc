package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

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
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.AcademicYears;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.GroupKind;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.GroupEntity;
import org.zhurnal.roster.internal.entity.GroupMemberEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;
import org.zhurnal.security.api.AccountService;

/**
 * Groups of students (subgroups of a class, electives, extended-day groups, clubs) and their
 * memberships with history, checked against the caller's scope and audited.
 * <p>Reading a group needs READ on its scope (a group is in its class, if any, and in its school).
 * Changing it needs ADMINISTER on the school, or for a SUBGROUP on its class (the class teacher).
 * Outside the caller's view a group does not exist (404).
 */
@Component(service = Groups.class)
public class Groups {

    /** Body of a create or an update; {@code kind} and {@code classId} are fixed once created. */
    public record GroupInput(String classId, String kind, String name, String teacherId, Integer academicYear) {}

    /** Body of a membership change: the members as of {@code from} (default today). */
    public record MembersInput(List<String> studentIds, LocalDate from) {}

    /** A group with its teacher and its members on {@code date}. */
    public record GroupCard(Group group, Person teacher, List<Person> members, LocalDate date) {}

    static final int MAX_NAME = 200;

    private final JpaTemplate jpa;
    private final RosterCache cache;
    private final ZhurnalClock clock;
    private final AuditLog audit;
    private final Authorization authorization;
    private final TenantService tenants;
    private final AccountService accounts;

    @Activate
    public Groups(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa, @Reference ZhurnalClock clock,
            @Reference AuditLog audit, @Reference Authorization authorization, @Reference TenantService tenants,
            @Reference AccountService accounts, @Reference RosterSchema schema, @Reference RosterCache cache) {
        this.cache = cache;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.authorization = authorization;
        this.tenants = tenants;
        this.accounts = accounts;
    }

    private static ZhurnalPrincipal caller() {
        return CallContext.requirePrincipal();
    }

    /** @return the school's groups of the year that the caller may see, by name */
    public List<Group> list(String schoolId, int academicYear) {
        ZhurnalPrincipal p = caller();
        if (schoolId == null || tenants.school(schoolId).isEmpty()) {
            throw ProblemException.notFound("School", schoolId);
        }
        boolean wholeSchool = authorization.permits(p, Action.ADMINISTER, ScopeRef.school(schoolId));
        List<Group> visible = jpa.txExpr(TransactionType.Supports, em -> RosterQueryImpl.groupDTOs(em, em.createQuery(
                "select g from GroupEntity g where g.schoolId = :s and g.academicYear = :y order by g.name", GroupEntity.class)
                .setParameter("s", schoolId).setParameter("y", academicYear).getResultList().stream()
                .filter(g -> wholeSchool || authorization.permits(p, Action.READ, ScopeRef.group(g.getId()))).toList(), clock.today()));
        if (visible.isEmpty() && !authorization.permits(p, Action.READ, ScopeRef.school(schoolId))) {
            throw ProblemException.notFound("School", schoolId);
        }
        return visible;
    }

    /** @return the group with its members on {@code date} (default today) */
    public GroupCard card(String groupId, LocalDate date) {
        ZhurnalPrincipal p = caller();
        LocalDate day = date == null ? clock.today() : date;
        return jpa.txExpr(TransactionType.Supports, em -> card(em, readable(em, p, groupId), day));
    }

    private GroupCard card(EntityManager em, GroupEntity g, LocalDate day) {
        List<Person> members = Mapping.persons(em, RosterQueryImpl.groupStudentEntities(em, g.getId(), day));
        PersonEntity t = g.getTeacherId() == null ? null : em.find(PersonEntity.class, g.getTeacherId());
        Person teacher = t == null ? null : Mapping.persons(em, List.of(t)).get(0);
        int today = day.equals(clock.today()) ? members.size()
                : RosterQueryImpl.groupStudentEntities(em, g.getId(), clock.today()).size();
        return new GroupCard(RosterQueryImpl.toDTO(g, today), teacher, members, day);
    }

    /** 404 when the group does not exist or the caller may not read it. */
    private GroupEntity readable(EntityManager em, ZhurnalPrincipal p, String groupId) {
        GroupEntity g = groupId == null ? null : em.find(GroupEntity.class, groupId);
        if (g == null || !authorization.permits(p, Action.READ, ScopeRef.group(g.getId()))) {
            throw ProblemException.notFound("Group", groupId);
        }
        return g;
    }

    /** Who may change a group: the school's administrators; for a subgroup also its class teacher. */
    private static ScopeRef writeScope(String kind, String schoolId, String classId) {
        return GroupKind.SUBGROUP.name().equals(kind) && classId != null ? ScopeRef.schoolClass(classId) : ScopeRef.school(schoolId);
    }

    public Group create(String schoolId, GroupInput in) {
        ZhurnalPrincipal p = caller();
        if (schoolId == null || tenants.school(schoolId).isEmpty()) {
            throw ProblemException.notFound("School", schoolId);
        }
        GroupInput body = in == null ? new GroupInput(null, null, null, null, null) : in;
        return cache.write(jpa, em -> {
            ClassEntity c = body.classId() == null ? null : em.find(ClassEntity.class, body.classId());
            boolean classOfSchool = c != null && schoolId.equals(c.getSchoolId());
            if (!authorization.permits(p, Action.READ, ScopeRef.school(schoolId))
                    && !(classOfSchool && authorization.permits(p, Action.READ, ScopeRef.schoolClass(c.getId())))) {
                throw ProblemException.notFound("School", schoolId);
            }
            String kind = body.kind() == null ? null : body.kind().trim().toUpperCase(Locale.ROOT);
            authorization.check(p, Action.ADMINISTER, writeScope(kind, schoolId, classOfSchool ? c.getId() : null));

            List<Violation> errors = new ArrayList<>();
            GroupKind k = null;
            try {
                k = kind == null ? null : GroupKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                k = null;
            }
            if (k == null) {
                errors.add(new Violation("kind", Text.of("kind is one of SUBGROUP, ELECTIVE, EXTENDED_DAY, CLUB", "Вид группы — подгруппа "
                        + "(SUBGROUP), факультатив (ELECTIVE), ГПД (EXTENDED_DAY) или кружок (CLUB)")));
            }
            String name = checkName(body.name(), errors);
            int year = body.academicYear() == null ? AcademicYears.of(clock.today()) : body.academicYear();
            if (year < AcademicYears.FIRST || year > AcademicYears.LAST) {
                errors.add(new Violation("academicYear", AcademicYears.problem("academicYear", clock.today())));
            }
            if (body.classId() != null && (!classOfSchool || c.getAcademicYear() != year)) {
                errors.add(new Violation("classId", Text.of("No class " + body.classId() + " in this school in " + year + "/" + (year + 1),
                        classOfSchool ? "Класс " + c.getGrade() + c.getLetter() + " не относится к " + year + "/" + (year + 1)
                                + " учебному году" : "Такого класса в этой школе в " + year + "/" + (year + 1) + " учебном году нет")));
            } else if (body.classId() == null && k == GroupKind.SUBGROUP) {
                errors.add(new Violation("classId", Text.of("A subgroup belongs to a class: classId is required",
                        "Подгруппа относится к классу: укажите класс")));
            }
            checkTeacher(em, schoolId, body.teacherId(), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(Messages.summary(errors.size() + " fields are invalid; no group was created",
                        "Ошибок: " + errors.size() + "; группа не создана", errors), errors);
            }
            GroupEntity g = new GroupEntity();
            g.setId(UUID.randomUUID().toString());
            g.setSchoolId(schoolId);
            g.setAcademicYear(year);
            g.setClassId(body.classId());
            g.setKind(k.name());
            g.setName(name);
            g.setTeacherId(blankToNull(body.teacherId()));
            em.persist(g);
            em.flush();
            audit.record(schoolId, "group", g.getId(), "create", null, auditView(g));
            StaffGrants.syncStaffGrants(em, accounts, g.getTeacherId(), clock.today());
            return RosterQueryImpl.toDTO(g, 0);
        });
    }

    /** Renames a group or changes its teacher (whose grants follow). Kind, class and year are fixed. */
    public Group update(String groupId, GroupInput in) {
        ZhurnalPrincipal p = caller();
        GroupInput body = in == null ? new GroupInput(null, null, null, null, null) : in;
        return cache.write(jpa, em -> {
            GroupEntity g = readable(em, p, groupId);
            authorization.check(p, Action.ADMINISTER, writeScope(g.getKind(), g.getSchoolId(), g.getClassId()));
            List<Violation> errors = new ArrayList<>();
            if (body.kind() != null && !body.kind().trim().equalsIgnoreCase(g.getKind())) {
                errors.add(new Violation("kind", Text.of("The kind of a group cannot be changed", "Вид группы изменить нельзя")));
            }
            if (body.classId() != null && !body.classId().equals(g.getClassId())) {
                errors.add(new Violation("classId", Text.of("The class of a group cannot be changed", "Класс группы изменить нельзя")));
            }
            if (body.academicYear() != null && body.academicYear() != g.getAcademicYear()) {
                errors.add(new Violation("academicYear", Text.of("The academic year of a group cannot be changed",
                        "Учебный год группы изменить нельзя")));
            }
            String name = checkName(body.name(), errors);
            checkTeacher(em, g.getSchoolId(), body.teacherId(), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(Messages.summary(errors.size() + " fields are invalid; the group was not changed",
                        "Ошибок: " + errors.size() + "; группа не изменена", errors), errors);
            }
            Map<String, Object> before = auditView(g);
            String oldTeacher = g.getTeacherId();
            g.setName(name);
            g.setTeacherId(blankToNull(body.teacherId()));
            if (!before.equals(auditView(g))) {
                em.flush();
                audit.record(g.getSchoolId(), "group", g.getId(), "update", before, auditView(g));
                if (!Objects.equals(oldTeacher, g.getTeacherId())) {
                    StaffGrants.syncStaffGrants(em, accounts, oldTeacher, clock.today());
                    StaffGrants.syncStaffGrants(em, accounts, g.getTeacherId(), clock.today());
                }
            }
            return RosterQueryImpl.groupDTOs(em, List.of(g), clock.today()).get(0);
        });
    }

    /**
     * Sets the members as of {@code from}: those leaving get {@code valid_to = from - 1}, newcomers
     * {@code valid_from = from}; the rows before {@code from} are kept as history.
     */
    public GroupCard setMembers(String groupId, MembersInput in) {
        ZhurnalPrincipal p = caller();
        LocalDate from = in == null || in.from() == null ? clock.today() : in.from();
        return cache.write(jpa, em -> {
            GroupEntity g = readable(em, p, groupId);
            authorization.check(p, Action.ADMINISTER, writeScope(g.getKind(), g.getSchoolId(), g.getClassId()));
            if (in == null || in.studentIds() == null) {
                throw ProblemException.invalid("studentIds", Text.of("studentIds is required (an empty list removes everybody)",
                        "Нужен список учеников (пустой список убирает из группы всех)"));
            }
            List<Violation> errors = new ArrayList<>();
            Set<String> inClass = g.getClassId() == null || !GroupKind.SUBGROUP.name().equals(g.getKind()) ? null
                    : RosterQueryImpl.studentEntities(em, g.getClassId(), from).stream().map(PersonEntity::getId)
                            .collect(java.util.stream.Collectors.toSet());
            Set<String> wanted = new LinkedHashSet<>();
            for (int i = 0; i < in.studentIds().size(); i++) {
                String id = in.studentIds().get(i);
                PersonEntity s = id == null ? null : em.find(PersonEntity.class, id);
                if (s == null || !"STUDENT".equals(s.getKind()) || !g.getSchoolId().equals(s.getSchoolId())) {
                    errors.add(new Violation("studentIds[" + i + "]", Text.of("No student " + id + " in this school",
                            "Ученик №" + (i + 1) + " списка не учится в этой школе")));
                } else if (inClass != null && !inClass.contains(id)) {
                    errors.add(new Violation("studentIds[" + i + "]", Text.of(
                            "Student " + id + " is not in the subgroup's class on " + from,
                            AccountIssuer.fullName(s) + ": на " + Messages.date(from) + " не учится в классе этой подгруппы")));
                } else {
                    wanted.add(id);
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(Messages.summary(errors.size() + " students cannot be members; nothing was changed",
                        "Ошибок: " + errors.size() + "; ничего не изменено", errors), errors);
            }
            String f = from.toString();
            String dayBefore = from.minusDays(1).toString();
            List<GroupMemberEntity> rows = em.createQuery("select m from GroupMemberEntity m where m.groupId = :g "
                    + "and (m.validTo is null or m.validTo >= :d) order by m.validFrom", GroupMemberEntity.class)
                    .setParameter("g", g.getId()).setParameter("d", f).getResultList();
            List<String> before = rows.stream().filter(m -> m.getValidFrom().compareTo(f) <= 0).map(GroupMemberEntity::getStudentId)
                    .distinct().sorted().toList();
            Set<String> covered = new java.util.HashSet<>();
            for (GroupMemberEntity m : rows) {
                boolean startsLater = m.getValidFrom().compareTo(f) > 0;
                if (!wanted.contains(m.getStudentId())) {
                    if (startsLater || m.getValidFrom().equals(f)) {
                        em.remove(m); // it would end before it starts
                    } else {
                        m.setValidTo(dayBefore);
                    }
                } else if (startsLater || !covered.add(m.getStudentId())) {
                    em.remove(m); // superseded by the membership running from 'from' on
                } else if (m.getValidTo() != null) {
                    m.setValidTo(null);
                }
            }
            for (String s : wanted) {
                if (!covered.contains(s)) {
                    GroupMemberEntity m = new GroupMemberEntity();
                    m.setId(UUID.randomUUID().toString());
                    m.setGroupId(g.getId());
                    m.setStudentId(s);
                    m.setValidFrom(f);
                    em.persist(m);
                }
            }
            em.flush();
            List<String> after = wanted.stream().sorted().toList();
            if (!before.equals(after)) {
                audit.record(g.getSchoolId(), "group", g.getId(), "set-members", Map.of("from", f, "members", before),
                        Map.of("from", f, "members", after));
            }
            return card(em, g, from);
        });
    }

    private static String checkName(String raw, List<Violation> errors) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            errors.add(new Violation("name", Text.of("name is required", "Укажите название группы")));
        } else if (name.length() > MAX_NAME) {
            errors.add(new Violation("name", Text.of("name is at most " + MAX_NAME + " characters",
                    "Название группы — не длиннее " + MAX_NAME + " символов")));
        }
        return name;
    }

    private static void checkTeacher(EntityManager em, String schoolId, String teacherId, List<Violation> errors) {
        if (blankToNull(teacherId) == null) {
            return;
        }
        PersonEntity t = em.find(PersonEntity.class, teacherId);
        if (t == null || !"STAFF".equals(t.getKind()) || !schoolId.equals(t.getSchoolId())) {
            errors.add(new Violation("teacherId", Text.of("No staff member " + teacherId + " in this school",
                    "Выбранный учитель не работает в этой школе")));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static Map<String, Object> auditView(GroupEntity g) {
        Map<String, Object> m = new TreeMap<>();
        m.put("schoolId", g.getSchoolId());
        m.put("academicYear", g.getAcademicYear());
        m.put("classId", g.getClassId());
        m.put("kind", g.getKind());
        m.put("name", g.getName());
        m.put("teacherId", g.getTeacherId());
        return m;
    }
}
