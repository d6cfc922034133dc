package org.zhurnal.roster.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.event.DomainEvents;
import org.zhurnal.core.api.security.Action;
import org.zhurnal.core.api.security.Authorization;
import org.zhurnal.core.api.security.CallContext;
import org.zhurnal.core.api.security.Grant;
import org.zhurnal.core.api.security.Role;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ZhurnalPrincipal;
import org.zhurnal.core.api.tenancy.TenantService;
import org.zhurnal.roster.api.ClassCard;
import org.zhurnal.roster.api.Guardianship;
import org.zhurnal.roster.api.ImportReport;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterService;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.roster.api.StudentCard;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;
import org.zhurnal.roster.internal.importer.NativeCsv;
import org.zhurnal.roster.internal.importer.RosterImporter;
import org.zhurnal.security.api.AccountService;

/** The roster's operations, each checked against the caller's scope. Outside it, things do not exist (404). */
@Component(service = {RosterService.class, RosterServiceImpl.class})
public class RosterServiceImpl implements RosterService {
    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final RosterCache cache;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Authorization authorization;
    private final TenantService tenants;
    private final AccountService accounts;

    @Activate
    public RosterServiceImpl(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference AuditLog audit, @Reference DomainEvents events,
            @Reference Authorization authorization, @Reference TenantService tenants, @Reference AccountService accounts,
            @Reference RosterSchema schema, @Reference RosterCache cache) {
        this.cache = cache;
        this.jpa = jpa;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.authorization = authorization;
        this.tenants = tenants;
        this.accounts = accounts;
    }

    private static ZhurnalPrincipal caller() {
        return CallContext.requirePrincipal();
    }

    /** 404 for a school that does not exist or that the caller may not see (no probing of ids). */
    void requireSchool(String schoolId, Action action) {
        if (schoolId == null || tenants.school(schoolId).isEmpty()
                || !authorization.permits(caller(), Action.READ, ScopeRef.school(schoolId))) {
            throw ProblemException.notFound("School", schoolId);
        }
        authorization.check(caller(), action, ScopeRef.school(schoolId));
    }

    @Override
    public List<SchoolClass> classes(String schoolId, int academicYear) {
        if (schoolId == null || tenants.school(schoolId).isEmpty()) {
            throw ProblemException.notFound("School", schoolId);
        }
        ZhurnalPrincipal p = caller();
        boolean wholeSchool = authorization.permits(p, Action.READ, ScopeRef.school(schoolId))
                && !p.grants().stream().allMatch(g -> g.role() == org.zhurnal.core.api.security.Role.TEACHER);
        java.time.LocalDate today = clock.today();
        // Counted on a day of that year: a past year's classes as they ended it, the next year's as they begin it (a promotion
        // applied in June is checked before September), the current one's as of today.
        java.time.LocalDate day = dayOf(academicYear, today);
        List<SchoolClass> all = cache.read(new ClassList(schoolId, academicYear, today), () -> jpa.txExpr(TransactionType.Supports,
                em -> RosterQueryImpl.classRows(em, schoolId, academicYear, cache.ofSchool(em, schoolId, academicYear, day))));
        return wholeSchool ? all : all.stream().filter(c -> authorization.permits(p, Action.READ, ScopeRef.schoolClass(c.id()))).toList();
    }

    /** {@code today} within the academic year: its first day (1 September) before it, its last (31 August) after it. */
    static java.time.LocalDate dayOf(int academicYear, java.time.LocalDate today) {
        java.time.LocalDate first = java.time.LocalDate.of(academicYear, 9, 1);
        java.time.LocalDate last = java.time.LocalDate.of(academicYear + 1, 8, 31);
        return today.isBefore(first) ? first : today.isAfter(last) ? last : today;
    }

    /** Key of a school year's class list as of a day in the roster's read cache. */
    private record ClassList(String schoolId, int year, java.time.LocalDate day) {
    }

    /** Key of a class card's roster part (everything but the accounts) as of a day in the roster's read cache. */
    private record CardRead(String classId, java.time.LocalDate day) {
    }

    /** A class card's roster part: the class, its teacher, its students, their guardians and who has a consent. */
    private record CardData(SchoolClass schoolClass, Person teacher, List<Person> students, Map<String, List<Guardianship>> guardians,
            Set<String> consents) {
    }

    @Override
    public ClassCard classCard(String classId) {
        ZhurnalPrincipal p = caller();
        if (classId == null || !authorization.permits(p, Action.READ, ScopeRef.schoolClass(classId))) {
            throw ProblemException.notFound("Class", classId);
        }
        java.time.LocalDate today = clock.today();
        // the roster's part is reused (every roster write evicts it, consents included); accounts are read each time
        CardData data = cache.read(new CardRead(classId, today), () -> jpa.txExpr(TransactionType.Supports, em -> {
            ClassEntity c = em.find(ClassEntity.class, classId);
            if (c == null) {
                throw ProblemException.notFound("Class", classId);
            }
            // A class of another year shows its students as of a day of that year (dayOf), not an empty list.
            List<Person> persons = List.copyOf(RosterQueryImpl.students(em, classId, dayOf(c.getAcademicYear(), today)));
            List<String> ids = persons.stream().map(Person::id).toList();
            Person teacher = c.getClassTeacherId() == null ? null
                    : Mapping.persons(em, List.of(em.find(PersonEntity.class, c.getClassTeacherId()))).get(0);
            Map<String, Long> counts = Map.of(c.getId(), (long) persons.size());
            return new CardData(RosterQueryImpl.toDTO(em, c, counts), teacher, persons, Map.copyOf(RosterQueryImpl.guardians(em, ids)),
                    Set.copyOf(Consents.withConsent(em, ids, today)));
        }));
        Set<String> withAccounts = accounts.byPersons(data.students().stream().map(Person::id).toList()).keySet();
        List<StudentCard> cards = data.students().stream().map(s -> new StudentCard(s, data.guardians().getOrDefault(s.id(), List.of()),
                data.consents().contains(s.id()), withAccounts.contains(s.id()))).toList();
        return new ClassCard(data.schoolClass(), data.teacher(), cards);
    }

    /**
     * The students who left the school from this class (their class membership ended on their leaving date), newest
     * leaving first: the class card lists them, so a leaving recorded by mistake can be undone. Whoever may READ the class.
     */
    public List<Person> departed(String classId) {
        ZhurnalPrincipal p = caller();
        if (classId == null || !authorization.permits(p, Action.READ, ScopeRef.schoolClass(classId))) {
            throw ProblemException.notFound("Class", classId);
        }
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.personRows(em, em.createQuery("select " + Mapping.PERSON_COLUMNS
                + " from PersonEntity p, MembershipEntity m where m.studentId = p.id and m.classId = :c and p.leavingDate is not null "
                + "and m.validTo = p.leavingDate order by p.leavingDate desc, p.lastName, p.firstName", Object[].class)
                .setParameter("c", classId).getResultList()));
    }

    @Override
    public Person person(String personId) {
        ZhurnalPrincipal p = caller();
        return jpa.txExpr(TransactionType.Supports, em -> {
            PersonEntity e = personId == null ? null : em.find(PersonEntity.class, personId);
            if (e == null || !mayRead(em, p, e)) {
                throw ProblemException.notFound("Person", personId);
            }
            return Mapping.persons(em, List.of(e)).get(0);
        });
    }

    /**
     * Students by their student scope; staff by the school; guardians by the school's administrators, by the staff who
     * read one of their children (the class teacher, the teachers), and by themselves — a family grant (a parent's, a
     * student's) does not open another guardian's record: separated parents do not read each other's contacts.
     */
    boolean mayRead(EntityManager em, ZhurnalPrincipal p, PersonEntity e) {
        return switch (e.getKind()) {
            case "STUDENT" -> authorization.permits(p, Action.READ, ScopeRef.student(e.getId()));
            case "GUARDIAN" -> authorization.permits(p, Action.ADMINISTER, ScopeRef.school(e.getSchoolId())) || staffReads(em, p, e)
                    || accounts.byId(p.accountId()).map(a -> e.getId().equals(a.personId())).orElse(false);
            default -> authorization.permits(p, Action.READ, ScopeRef.school(e.getSchoolId()));
        };
    }

    /** Whether {@code p}'s grants other than family ones read one of guardian {@code e}'s children. */
    private boolean staffReads(EntityManager em, ZhurnalPrincipal p, PersonEntity e) {
        List<Grant> staff = p.grants().stream().filter(g -> g.role() != Role.PARENT && g.role() != Role.STUDENT).toList();
        if (staff.isEmpty()) {
            return false;
        }
        ZhurnalPrincipal asStaff = new ZhurnalPrincipal(p.accountId(), p.login(), p.displayName(), staff, p.mustChangePassword());
        return em.createQuery("select g.studentId from GuardianshipEntity g where g.guardianId = :g", String.class)
                .setParameter("g", e.getId()).getResultList().stream()
                .anyMatch(s -> authorization.permits(asStaff, Action.READ, ScopeRef.student(s)));
    }

    /** The scope whose administrators may act for a person (accounts, consents). */
    ScopeRef adminScope(EntityManager em, PersonEntity e) {
        if ("STUDENT".equals(e.getKind())) {
            return ScopeRef.student(e.getId());
        }
        if ("GUARDIAN".equals(e.getKind())) {
            ZhurnalPrincipal p = caller();
            return em.createQuery("select g.studentId from GuardianshipEntity g where g.guardianId = :g", String.class)
                    .setParameter("g", e.getId()).getResultList().stream().map(ScopeRef::student)
                    .filter(s -> authorization.permits(p, Action.ADMINISTER, s)).findFirst()
                    .orElse(ScopeRef.school(e.getSchoolId()));
        }
        return ScopeRef.school(e.getSchoolId());
    }

    @Override
    public List<Person> staff(String schoolId) {
        requireSchool(schoolId, Action.READ);
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.persons(em, em.createQuery(
                "select p from PersonEntity p where p.schoolId = :s and p.kind = 'STAFF' order by p.lastName, p.firstName",
                PersonEntity.class).setParameter("s", schoolId).getResultList()));
    }

    @Override
    public ImportReport importCsv(String schoolId, String fileName, byte[] content, boolean dryRun) {
        requireSchool(schoolId, Action.ADMINISTER);
        NativeCsv.Parsed parsed = NativeCsv.parse(fileName, content);
        return importParsed(schoolId, fileName, parsed, dryRun, org.zhurnal.roster.api.RosterQuery.academicYearOf(clock.today()));
    }

    /** Applies a parsed file in one transaction; a dry run rolls it back and reports what would have happened. */
    ImportReport importParsed(String schoolId, String fileName, NativeCsv.Parsed parsed, boolean dryRun, int year) {
        long now = clock.now().toEpochMilli();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                RosterImporter importer = new RosterImporter(em, audit, schoolId, year, clock.today(), now);
                ImportReport report = importer.apply(parsed, dryRun);
                if (dryRun) {
                    throw new DryRun(report);
                }
                importer.reassignedTeachers().forEach(this::syncStaffGrants);
                audit.record(schoolId, "import", fileName, "import", null, Map.of("file", String.valueOf(fileName),
                        "rows", report.rows(), "created", report.created(), "updated", report.updated()));
                events.publish("roster.imported", schoolId, Map.of("file", String.valueOf(fileName), "created", report.created(),
                        "updated", report.updated()));
                return report;
            });
        } catch (RuntimeException e) {
            return DryRun.reportOf(e);
        } finally {
            cache.evict(schoolId); // after the commit (or the rollback): the class list counts again
        }
    }

    /** Imports a OneRoster 1.2 CSV zip: the students part, then the staff part, in one transaction. */
    public ImportReport importOneRoster(String schoolId, byte[] zip, boolean dryRun) {
        requireSchool(schoolId, Action.ADMINISTER);
        org.zhurnal.roster.internal.importer.OneRosterCsv.Result parsed = org.zhurnal.roster.internal.importer.OneRosterCsv.parse(zip);
        int year = org.zhurnal.roster.api.RosterQuery.academicYearOf(clock.today());
        long now = clock.now().toEpochMilli();
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                ImportReport students = new RosterImporter(em, audit, schoolId, year, clock.today(), now).apply(parsed.students(), dryRun);
                ImportReport report = students;
                if (parsed.staff() != null && parsed.staff().rows() > 0) {
                    RosterImporter staffImporter = new RosterImporter(em, audit, schoolId, year, clock.today(), now);
                    ImportReport staff = staffImporter.apply(parsed.staff(), dryRun);
                    if (!dryRun) {
                        staffImporter.reassignedTeachers().forEach(this::syncStaffGrants);
                    }
                    java.util.Map<String, Integer> created = new java.util.TreeMap<>(students.created());
                    java.util.Map<String, Integer> updated = new java.util.TreeMap<>(students.updated());
                    java.util.Map<String, Integer> unchanged = new java.util.TreeMap<>(students.unchanged());
                    staff.created().forEach((k, v) -> created.merge(k, v, Integer::sum));
                    staff.updated().forEach((k, v) -> updated.merge(k, v, Integer::sum));
                    staff.unchanged().forEach((k, v) -> unchanged.merge(k, v, Integer::sum));
                    java.util.List<String> newClasses = new java.util.ArrayList<>(students.newClasses());
                    newClasses.addAll(staff.newClasses());
                    java.util.List<ImportReport.ClassTeacherChange> teachers = new java.util.ArrayList<>(students.classTeacherChanges());
                    teachers.addAll(staff.classTeacherChanges());
                    report = new ImportReport(dryRun, students.rows() + staff.rows(), created, updated, unchanged, newClasses, teachers);
                }
                if (dryRun) {
                    throw new DryRun(report);
                }
                audit.record(schoolId, "import", "oneroster.zip", "import", null, Map.of("format", "OneRoster 1.2",
                        "created", report.created(), "updated", report.updated()));
                events.publish("roster.imported", schoolId, Map.of("file", "oneroster.zip", "created", report.created()));
                return report;
            });
        } catch (RuntimeException e) {
            return DryRun.reportOf(e);
        } finally {
            cache.evict(schoolId); // after the commit (or the rollback): the class list counts again
        }
    }

    /**
     * Recomputes the roster-derived grants (TEACHER, DEPUTY_DIRECTOR, CLASS_TEACHER) of a staff member's
     * account, if they have one, keeping the others (e.g. SCHOOL_COORDINATOR). Joins the caller's
     * transaction, so the grants change with the assignment or not at all.
     */
    public void syncStaffGrants(String personId) {
        jpa.txExpr(TransactionType.Required, em -> StaffGrants.syncStaffGrants(em, accounts, personId, clock.today()));
    }

    /** A snapshot of the school's roster of one academic year, for the exporters. */
    public org.zhurnal.roster.internal.importer.RosterExport snapshot(String schoolId, int year) {
        requireSchool(schoolId, Action.ADMINISTER);
        String schoolName = tenants.school(schoolId).map(s -> s.shortName()).orElse("");
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<ClassEntity> classes = em.createQuery("select c from ClassEntity c where c.schoolId = :s and c.academicYear = :y "
                    + "order by c.grade, c.letter", ClassEntity.class).setParameter("s", schoolId).setParameter("y", year).getResultList();
            List<org.zhurnal.roster.internal.importer.RosterExport.ClassRec> classRecs = classes.stream()
                    .map(c -> new org.zhurnal.roster.internal.importer.RosterExport.ClassRec(c.getId(), c.getGrade(), c.getLetter(),
                            c.getClassTeacherId())).toList();
            List<org.zhurnal.roster.internal.entity.MembershipEntity> members = classes.isEmpty() ? List.of()
                    : em.createQuery("select m from MembershipEntity m, ClassEntity c where m.classId = c.id and c.schoolId = :s "
                            + "and c.academicYear = :y", org.zhurnal.roster.internal.entity.MembershipEntity.class)
                            .setParameter("s", schoolId).setParameter("y", year).getResultList();
            List<PersonEntity> people = em.createQuery("select p from PersonEntity p where p.schoolId = :s order by p.lastName, p.firstName",
                    PersonEntity.class).setParameter("s", schoolId).getResultList();
            Map<String, List<org.zhurnal.roster.internal.entity.ContactEntity>> contacts = Mapping.contacts(em,
                    people.stream().map(PersonEntity::getId).toList());
            java.util.function.Function<PersonEntity, org.zhurnal.roster.internal.importer.RosterExport.PersonRec> rec = p -> {
                List<org.zhurnal.roster.internal.entity.ContactEntity> cs = contacts.getOrDefault(p.getId(), List.of());
                String phone = cs.stream().filter(c -> c.getKind().equals("PHONE")).map(c -> c.getValue()).findFirst().orElse(null);
                String email = cs.stream().filter(c -> c.getKind().equals("EMAIL")).map(c -> c.getValue()).findFirst().orElse(null);
                return new org.zhurnal.roster.internal.importer.RosterExport.PersonRec(p.getId(), p.getExternalId(), p.getLastName(),
                        p.getFirstName(), p.getMiddleName(), Mapping.date(p.getBirthDate()), p.getSex(), Mapping.date(p.getAdmissionDate()),
                        p.getPositions(), p.getSubjects(), phone, email, p.isNoElectronicAccess());
            };
            Set<String> enrolled = members.stream().map(m -> m.getStudentId()).collect(Collectors.toSet());
            List<org.zhurnal.roster.internal.importer.RosterExport.PersonRec> students = people.stream()
                    .filter(p -> p.getKind().equals("STUDENT") && enrolled.contains(p.getId())).map(rec).toList();
            Set<String> studentIds = students.stream().map(org.zhurnal.roster.internal.importer.RosterExport.PersonRec::id)
                    .collect(Collectors.toSet());
            List<org.zhurnal.roster.internal.entity.GuardianshipEntity> links = studentIds.isEmpty() ? List.of()
                    : em.createQuery("select g from GuardianshipEntity g, PersonEntity p where g.studentId = p.id and p.schoolId = :s",
                            org.zhurnal.roster.internal.entity.GuardianshipEntity.class).setParameter("s", schoolId).getResultList()
                            .stream().filter(g -> studentIds.contains(g.getStudentId())).toList();
            Set<String> guardianIds = links.stream().map(g -> g.getGuardianId()).collect(Collectors.toSet());
            List<org.zhurnal.roster.internal.importer.RosterExport.PersonRec> guardians = people.stream()
                    .filter(p -> p.getKind().equals("GUARDIAN") && guardianIds.contains(p.getId())).map(rec).toList();
            List<org.zhurnal.roster.internal.importer.RosterExport.PersonRec> staff = people.stream()
                    .filter(p -> p.getKind().equals("STAFF")).map(rec).toList();
            List<org.zhurnal.roster.internal.entity.GroupEntity> groups = em.createQuery("select g from GroupEntity g "
                    + "where g.schoolId = :s and g.academicYear = :y order by g.name", org.zhurnal.roster.internal.entity.GroupEntity.class)
                    .setParameter("s", schoolId).setParameter("y", year).getResultList();
            List<org.zhurnal.roster.internal.entity.GroupMemberEntity> groupMembers = groups.isEmpty() ? List.of()
                    : em.createQuery("select m from GroupMemberEntity m, GroupEntity g where m.groupId = g.id and g.schoolId = :s "
                            + "and g.academicYear = :y", org.zhurnal.roster.internal.entity.GroupMemberEntity.class)
                            .setParameter("s", schoolId).setParameter("y", year).getResultList();
            return new org.zhurnal.roster.internal.importer.RosterExport(schoolId, schoolName, year, classRecs, students, guardians, staff,
                    members.stream().map(m -> new org.zhurnal.roster.internal.importer.RosterExport.Enrolment(m.getStudentId(),
                            m.getClassId(), Mapping.date(m.getValidFrom()), Mapping.date(m.getValidTo()))).toList(),
                    links.stream().map(g -> new org.zhurnal.roster.internal.importer.RosterExport.Link(g.getGuardianId(), g.getStudentId(),
                            g.getRelation())).toList(),
                    groups.stream().map(g -> new org.zhurnal.roster.internal.importer.RosterExport.GroupRec(g.getId(), g.getName(),
                            g.getKind(), g.getClassId(), g.getTeacherId())).toList(),
                    groupMembers.stream().map(m -> new org.zhurnal.roster.internal.importer.RosterExport.GroupMember(m.getGroupId(),
                            m.getStudentId(), Mapping.date(m.getValidFrom()), Mapping.date(m.getValidTo()))).toList());
        });
    }

    /** Carries a dry run's report out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ImportReport report;

        DryRun(ImportReport report) {
            super("dry run", null, false, false);
            this.report = report;
        }

        /** @return the report a dry run carried out of its rolled-back transaction; rethrows anything else */
        static ImportReport reportOf(RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DryRun d) {
                    return d.report;
                }
            }
            throw e;
        }
    }

    static List<Person> sortByName(List<Person> persons) {
        List<Person> list = new ArrayList<>(persons);
        list.sort(Comparator.comparing(Person::fullName));
        return list;
    }

    static Set<String> ids(List<Person> persons) {
        return persons.stream().map(Person::id).collect(Collectors.toSet());
    }
}
