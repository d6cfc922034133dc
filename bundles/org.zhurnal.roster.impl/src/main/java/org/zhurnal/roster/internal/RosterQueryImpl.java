package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhurnal.core.api.ZhurnalClock;
import org.zhurnal.core.api.persistence.InLists;
import org.zhurnal.core.api.security.ScopeRef;
import org.zhurnal.core.api.security.ScopeResolver;
import org.zhurnal.core.api.security.ScopeType;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.GroupKind;
import org.zhurnal.roster.api.Guardianship;
import org.zhurnal.roster.api.ClassMember;
import org.zhurnal.roster.api.Contact;
import org.zhurnal.roster.api.ContactSource;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.api.Membership;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.GroupEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;

/**
 * Read access to the roster for other modules, and the scope tree below a school for the
 * authorization: a class is in its school; a group is in its class (if any) and its school; a student
 * is in the classes and groups of today's memberships and in the school.
 */
@Component(service = {RosterQuery.class, ScopeResolver.class})
public class RosterQueryImpl implements RosterQuery, ScopeResolver {
    private final JpaTemplate jpa;
    private final ZhurnalClock clock;
    private final RosterCache cache;

    @Activate
    public RosterQueryImpl(@Reference(target = "(osgi.unit.name=zhurnal-roster)") JpaTemplate jpa,
            @Reference ZhurnalClock clock, @Reference RosterSchema schema, @Reference RosterCache cache) {
        this.cache = cache;
        this.jpa = jpa;
        this.clock = clock;
    }

    @Override
    public Optional<Person> person(String personId) {
        if (personId == null) {
            return Optional.empty();
        }
        return cache.read(new PersonRead(personId), () -> jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(PersonEntity.class, personId)).map(p -> Mapping.persons(em, List.of(p)).get(0))));
    }

    @Override
    public Optional<SchoolClass> schoolClass(String classId) {
        if (classId == null) {
            return Optional.empty();
        }
        LocalDate today = clock.today();
        return cache.read(new ClassRead(classId, today), () -> jpa.txExpr(TransactionType.Supports,
                em -> Optional.ofNullable(em.find(ClassEntity.class, classId)).map(c -> toDTO(em, c, counts(em, List.of(c.getId()), today)))));
    }

    /** Keys of the reads kept in {@link RosterCache}: a class (its size is of the day), a group, the members of a class or group. */
    private record ClassRead(String classId, LocalDate day) {
    }

    private record GroupRead(String groupId, LocalDate day) {
    }

    private record PersonRead(String personId) {
    }

    /** A student's guardians with their contacts. */
    private record GuardiansRead(String studentId) {
    }

    /** Every class and group membership of a student, of all years. */
    private record StudentMemberships(String studentId) {
    }

    private static final LocalDate EVER_FROM = LocalDate.of(1, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

    /** @return the student's memberships of all years (cached), in {@link #memberships} order */
    private List<Membership> allMemberships(String studentId) {
        return cache.read(new StudentMemberships(studentId),
                () -> List.copyOf(jpa.txExpr(TransactionType.Supports, em -> memberships(em, studentId, EVER_FROM, EVER_TO))));
    }

    private record ClassMembers(String classId) {
    }

    private record GroupMembers(String groupId) {
    }

    /** A member of a class or group over a date range ({@code to} null: still a member). */
    record Member(Person person, LocalDate from, LocalDate to) {
        boolean on(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    /** @return the members on {@code day}, in the list's order (by name), each once */
    static List<Person> membersOn(List<Member> members, LocalDate day) {
        Set<String> seen = new HashSet<>();
        return members.stream().filter(m -> m.on(day) && seen.add(m.person().id())).map(Member::person).toList();
    }

    /** @return every membership of the class or group ({@code entity} names the membership entity and {@code owner} its column), by name */
    private List<Member> members(String entity, String owner, String id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            // The person's columns, not the entity: OpenJPA read an entity selected next to other values with the id and the
            // ordering columns only, then each person with a statement of its own (a class's 30 students: 31 statements).
            List<Object[]> rows = em.createQuery("select " + Mapping.PERSON_COLUMNS + ", m.validFrom, m.validTo from PersonEntity p, " + entity
                    + " m where m.studentId = p.id and m." + owner + " = :id order by p.lastName, p.firstName, p.middleName, p.id", Object[].class)
                    .setParameter("id", id).getResultList();
            List<Person> people = Mapping.personRows(em, rows);
            int validity = Mapping.PERSON_COLUMN_COUNT;
            List<Member> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] r = rows.get(i);
                out.add(new Member(people.get(i), LocalDate.parse((String) r[validity]), r[validity + 1] == null ? null : LocalDate.parse((String) r[validity + 1])));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<SchoolClass> classes(String schoolId, int academicYear) {
        return jpa.txExpr(TransactionType.Supports, em -> classRows(em, schoolId, academicYear, cache.ofSchool(em, schoolId, academicYear,
                clock.today())));
    }

    /**
     * The classes of a school's year by grade and letter, read as a projection (no managed entities: a big school has
     * hundreds of classes, and the class list is read often).
     */
    static List<SchoolClass> classRows(EntityManager em, String schoolId, int academicYear, Map<String, Long> counts) {
        return em.createQuery("select c.id, c.grade, c.letter, c.classTeacherId from ClassEntity c where c.schoolId = :s "
                + "and c.academicYear = :y order by c.grade, c.letter", Object[].class).setParameter("s", schoolId)
                .setParameter("y", academicYear).getResultList().stream()
                .map(r -> new SchoolClass((String) r[0], schoolId, academicYear, ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                        counts.getOrDefault((String) r[0], 0L).intValue()))
                .toList();
    }

    /** Students enrolled on {@code day} in every class of a school's year: one join, no id lists. */
    static Map<String, Long> countsOfSchool(EntityManager em, String schoolId, int academicYear, LocalDate day) {
        String d = day.toString();
        List<Object[]> rows = em.createQuery("select m.classId, count(m) from MembershipEntity m, ClassEntity c where m.classId = c.id "
                + "and c.schoolId = :s and c.academicYear = :y and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d) "
                + "group by m.classId", Object[].class).setParameter("s", schoolId).setParameter("y", academicYear)
                .setParameter("d", d).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    static SchoolClass toDTO(EntityManager em, ClassEntity c, Map<String, Long> counts) {
        return new SchoolClass(c.getId(), c.getSchoolId(), c.getAcademicYear(), c.getGrade(), c.getLetter(),
                c.getClassTeacherId(), counts.getOrDefault(c.getId(), 0L).intValue());
    }

    /** Students enrolled on {@code day} per class, in one query. */
    static Map<String, Long> counts(EntityManager em, List<String> classIds, LocalDate day) {
        if (classIds.isEmpty()) {
            return Map.of();
        }
        String d = day.toString();
        List<Object[]> rows = em.createQuery("select m.classId, count(m) from MembershipEntity m where m.classId in :ids "
                + "and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d) group by m.classId", Object[].class)
                .setParameter("ids", InLists.padded(classIds)).setParameter("d", d).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }

    @Override
    public List<Person> studentsOfClass(String classId, LocalDate date) {
        if (classId == null || date == null) {
            return List.of();
        }
        return membersOn(cache.read(new ClassMembers(classId), () -> members("MembershipEntity", "classId", classId)), date);
    }

    /** @return the students of the class on {@code date} by name, read as rows (see {@link Mapping#personRows}) */
    static List<Person> students(EntityManager em, String classId, LocalDate date) {
        String d = date.toString();
        return Mapping.personRows(em, em.createQuery("select " + Mapping.PERSON_COLUMNS + " from PersonEntity p, MembershipEntity m "
                + "where m.studentId = p.id and m.classId = :c and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d) "
                + "order by p.lastName, p.firstName, p.middleName", Object[].class).setParameter("c", classId).setParameter("d", d)
                .getResultList());
    }

    static List<PersonEntity> studentEntities(EntityManager em, String classId, LocalDate date) {
        String d = date.toString();
        return em.createQuery("select p from PersonEntity p, MembershipEntity m where m.studentId = p.id and m.classId = :c "
                + "and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d) order by p.lastName, p.firstName, p.middleName",
                PersonEntity.class).setParameter("c", classId).setParameter("d", d).getResultList();
    }

    @Override
    public List<SchoolClass> classesOfStudent(String studentId, LocalDate date) {
        if (studentId == null || date == null) {
            return List.of();
        }
        // From the cached memberships, classes and class members: the class as of today, its size on the date.
        List<SchoolClass> out = new ArrayList<>();
        for (Membership m : membershipsOfStudent(studentId, date, date)) {
            if (m.groupId() == null) {
                schoolClass(m.classId()).ifPresent(c -> out.add(new SchoolClass(c.id(), c.schoolId(), c.academicYear(), c.grade(), c.letter(),
                        c.classTeacherId(), studentsOfClass(c.id(), date).size())));
            }
        }
        return out;
    }

    static List<ClassEntity> classEntitiesOf(EntityManager em, String studentId, LocalDate date) {
        String d = date.toString();
        return em.createQuery("select c from ClassEntity c, MembershipEntity m where m.classId = c.id and m.studentId = :s "
                + "and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d)", ClassEntity.class)
                .setParameter("s", studentId).setParameter("d", d).getResultList();
    }

    @Override
    public List<Guardianship> guardiansOf(String studentId) {
        // Cached like a person: the diary's notifier asks it for every mark and absence of a lesson entry.
        return cache.read(new GuardiansRead(studentId), () -> List.copyOf(jpa.txExpr(TransactionType.Supports,
                em -> guardians(em, List.of(studentId)).getOrDefault(studentId, List.of()))));
    }

    @Override
    public Map<String, List<Guardianship>> guardiansOfStudents(java.util.Collection<String> studentIds) {
        List<String> ids = studentIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(studentIds));
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, List<Guardianship>> out = new java.util.HashMap<>();
            for (int i = 0; i < ids.size(); i += 500) {
                out.putAll(guardians(em, ids.subList(i, Math.min(ids.size(), i + 500))));
            }
            return out;
        });
    }

    @Override
    public Set<String> consentsInForce(java.util.Collection<String> personIds, LocalDate date) {
        List<String> ids = personIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(personIds));
        if (ids.isEmpty() || date == null) {
            return Set.of();
        }
        String d = date.toString();
        return jpa.txExpr(TransactionType.Supports, em -> {
            // The latest recorded consent of a person decides, as in the class's consent report.
            Map<String, org.zhurnal.roster.internal.entity.ConsentEntity> latest = new java.util.HashMap<>();
            for (int i = 0; i < ids.size(); i += 500) {
                for (var c : em.createQuery("select c from ConsentEntity c where c.personId in :ids and c.givenOn <= :d order by c.recordedAt",
                        org.zhurnal.roster.internal.entity.ConsentEntity.class)
                        .setParameter("ids", InLists.padded(ids.subList(i, Math.min(ids.size(), i + 500))))
                        .setParameter("d", d).getResultList()) {
                    latest.put(c.getPersonId(), c);
                }
            }
            Set<String> out = new HashSet<>();
            latest.forEach((person, c) -> {
                if ("GIVEN".equals(c.getStatus()) && (c.getWithdrawnOn() == null || c.getWithdrawnOn().compareTo(d) > 0)) {
                    out.add(person);
                }
            });
            return out;
        });
    }

    /** Guardians of many students at once: student id → guardianships. */
    static Map<String, List<Guardianship>> guardians(EntityManager em, List<String> studentIds) {
        if (studentIds.isEmpty()) {
            return Map.of();
        }
        // Rows, not managed entities: a class card reads ~35 students' ~50 guardians with their contacts.
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < studentIds.size(); i += 500) {
            links.addAll(em.createQuery("select g.studentId, g.guardianId, g.relation from GuardianshipEntity g where g.studentId in :ids",
                    Object[].class).setParameter("ids", InLists.padded(studentIds.subList(i, Math.min(studentIds.size(), i + 500))))
                            .getResultList());
        }
        List<String> guardianIds = links.stream().map(l -> (String) l[1]).distinct().toList();
        Map<String, Person> byId = new HashMap<>();
        for (int i = 0; i < guardianIds.size(); i += 500) {
            Mapping.personRows(em, em.createQuery("select " + Mapping.PERSON_COLUMNS + " from PersonEntity p where p.id in :ids",
                    Object[].class).setParameter("ids", InLists.padded(guardianIds.subList(i, Math.min(guardianIds.size(), i + 500))))
                            .getResultList())
                    .forEach(p -> byId.put(p.id(), p));
        }
        return links.stream().filter(l -> byId.containsKey((String) l[1])).collect(Collectors.groupingBy(
                l -> (String) l[0], Collectors.mapping(l -> new Guardianship(byId.get((String) l[1]), (String) l[2]), Collectors.toList())));
    }

    @Override
    public List<Person> childrenOf(String guardianId) {
        return jpa.txExpr(TransactionType.Supports, em -> Mapping.persons(em, em.createQuery(
                "select p from PersonEntity p, GuardianshipEntity g where g.studentId = p.id and g.guardianId = :g "
                        + "order by p.lastName, p.firstName", PersonEntity.class).setParameter("g", guardianId).getResultList()));
    }

    @Override
    public List<Group> groups(String schoolId, int academicYear) {
        return jpa.txExpr(TransactionType.Supports, em -> groupDTOs(em, em.createQuery("select g from GroupEntity g "
                + "where g.schoolId = :s and g.academicYear = :y order by g.name", GroupEntity.class).setParameter("s", schoolId)
                .setParameter("y", academicYear).getResultList(), clock.today()));
    }

    @Override
    public Optional<Group> group(String groupId) {
        if (groupId == null) {
            return Optional.empty();
        }
        LocalDate today = clock.today();
        return cache.read(new GroupRead(groupId, today), () -> jpa.txExpr(TransactionType.Supports, em -> {
            GroupEntity g = em.find(GroupEntity.class, groupId);
            return g == null ? Optional.<Group>empty() : groupDTOs(em, List.of(g), today).stream().findFirst();
        }));
    }

    @Override
    public List<Group> groupsOfStudent(String studentId, LocalDate date) {
        return jpa.txExpr(TransactionType.Supports, em -> groupDTOs(em, groupEntitiesOf(em, studentId, date), date));
    }

    @Override
    public List<Membership> membershipsOfStudent(String studentId, LocalDate from, LocalDate to) {
        if (studentId == null || from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        return allMemberships(studentId).stream()
                .filter(m -> !m.validFrom().isAfter(to) && (m.validTo() == null || !m.validTo().isBefore(from))).toList();
    }

    @Override
    public List<ClassMember> classMembers(String schoolId, LocalDate from, LocalDate to) {
        if (schoolId == null || from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        // Columns, not entities: a whole school's students are read here at once, and managed entities cost several times more.
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Object[]> rows = em.createQuery("select p.id, p.schoolId, p.kind, p.externalId, p.lastName, p.firstName, p.middleName, "
                    + "p.birthDate, p.sex, p.admissionDate, p.leavingDate, p.leavingReason, p.positions, p.subjects, p.noElectronicAccess, "
                    + "m.classId, c.grade, m.validFrom, m.validTo from PersonEntity p, MembershipEntity m, ClassEntity c "
                    + "where m.studentId = p.id and m.classId = c.id and c.schoolId = :s and m.validFrom <= :t "
                    + "and (m.validTo is null or m.validTo >= :f) order by p.lastName, p.firstName, p.middleName, m.validFrom", Object[].class)
                    .setParameter("s", schoolId).setParameter("f", from.toString()).setParameter("t", to.toString()).getResultList();
            // The same join instead of an IN list of ids: Derby compiles a statement with hundreds of parameters anew each time.
            Map<String, List<Contact>> contacts = new java.util.HashMap<>();
            em.createQuery("select distinct k.id, k.personId, k.kind, k.value, k.source from ContactEntity k, MembershipEntity m, ClassEntity c "
                    + "where k.personId = m.studentId and m.classId = c.id and c.schoolId = :s and m.validFrom <= :t "
                    + "and (m.validTo is null or m.validTo >= :f)", Object[].class).setParameter("s", schoolId).setParameter("f", from.toString())
                    .setParameter("t", to.toString()).getResultList().stream()
                    .sorted(java.util.Comparator.comparing((Object[] k) -> (String) k[2]).thenComparing(k -> (String) k[3]))
                    .forEach(k -> contacts.computeIfAbsent((String) k[1], x -> new java.util.ArrayList<>())
                            .add(new Contact((String) k[2], (String) k[3], ContactSource.valueOf((String) k[4]))));
            Map<String, Person> persons = new java.util.HashMap<>();
            return rows.stream().map(r -> new ClassMember(persons.computeIfAbsent((String) r[0], id -> new Person(id, (String) r[1],
                    PersonKind.valueOf((String) r[2]), (String) r[3], (String) r[4], (String) r[5], (String) r[6], Mapping.date((String) r[7]),
                    (String) r[8], Mapping.date((String) r[9]), Mapping.date((String) r[10]), (String) r[11], (String) r[12], (String) r[13],
                    r[14] instanceof Boolean b ? b : r[14] instanceof Number n && n.intValue() != 0, contacts.get(id))), new Membership((String) r[0], (String) r[15], null, ((Number) r[16]).intValue(),
                    Mapping.date((String) r[17]), Mapping.date((String) r[18])))).toList();
        });
    }

    /**
     * Two joins (class memberships with their class's grade, group memberships with their group's class), and a
     * third query only for the grades of groups' classes the student is not enrolled in during the range.
     */
    static List<Membership> memberships(EntityManager em, String studentId, LocalDate from, LocalDate to) {
        String f = from.toString();
        String t = to.toString();
        List<Object[]> classRows = em.createQuery("select m.classId, c.grade, m.validFrom, m.validTo from MembershipEntity m, ClassEntity c "
                + "where m.classId = c.id and m.studentId = :s and m.validFrom <= :t and (m.validTo is null or m.validTo >= :f) "
                + "order by m.validFrom", Object[].class).setParameter("s", studentId).setParameter("f", f).setParameter("t", t)
                .getResultList();
        List<Object[]> groupRows = em.createQuery("select m.groupId, g.classId, m.validFrom, m.validTo from GroupMemberEntity m, GroupEntity g "
                + "where m.groupId = g.id and m.studentId = :s and m.validFrom <= :t and (m.validTo is null or m.validTo >= :f) "
                + "order by m.validFrom", Object[].class).setParameter("s", studentId).setParameter("f", f).setParameter("t", t)
                .getResultList();
        Map<String, Integer> grades = new java.util.HashMap<>();
        classRows.forEach(r -> grades.put((String) r[0], ((Number) r[1]).intValue()));
        List<String> otherClasses = groupRows.stream().map(r -> (String) r[1]).filter(c -> c != null && !grades.containsKey(c)).distinct()
                .toList();
        if (!otherClasses.isEmpty()) {
            em.createQuery("select c.id, c.grade from ClassEntity c where c.id in :ids", Object[].class)
                    .setParameter("ids", InLists.padded(otherClasses))
                    .getResultList().forEach(r -> grades.put((String) r[0], ((Number) r[1]).intValue()));
        }
        List<Membership> out = new java.util.ArrayList<>();
        classRows.forEach(r -> out.add(membership(studentId, (String) r[0], null, grades, r)));
        groupRows.forEach(r -> out.add(membership(studentId, (String) r[1], (String) r[0], grades, r)));
        return out;
    }

    private static Membership membership(String studentId, String classId, String groupId, Map<String, Integer> grades, Object[] row) {
        return new Membership(studentId, classId, groupId, classId == null ? 0 : grades.getOrDefault(classId, 0), Mapping.date((String) row[2]),
                Mapping.date((String) row[3]));
    }

    @Override
    public List<Person> studentsOfGroup(String groupId, LocalDate date) {
        if (groupId == null || date == null) {
            return List.of();
        }
        return membersOn(cache.read(new GroupMembers(groupId), () -> members("GroupMemberEntity", "groupId", groupId)), date);
    }

    static List<GroupEntity> groupEntitiesOf(EntityManager em, String studentId, LocalDate date) {
        String d = date.toString();
        return em.createQuery("select g from GroupEntity g, GroupMemberEntity m where m.groupId = g.id and m.studentId = :s "
                + "and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d) order by g.name", GroupEntity.class)
                .setParameter("s", studentId).setParameter("d", d).getResultList();
    }

    static List<PersonEntity> groupStudentEntities(EntityManager em, String groupId, LocalDate date) {
        String d = date.toString();
        return em.createQuery("select p from PersonEntity p, GroupMemberEntity m where m.studentId = p.id and m.groupId = :g "
                + "and m.validFrom <= :d and (m.validTo is null or m.validTo >= :d) order by p.lastName, p.firstName, p.middleName",
                PersonEntity.class).setParameter("g", groupId).setParameter("d", d).getResultList();
    }

    /** Groups as DTOs with their member counts on {@code day} (one query for the counts). */
    static List<Group> groupDTOs(EntityManager em, List<GroupEntity> groups, LocalDate day) {
        if (groups.isEmpty()) {
            return List.of();
        }
        String d = day.toString();
        Map<String, Long> counts = new java.util.HashMap<>();
        List<String> ids = groups.stream().map(GroupEntity::getId).toList();
        for (int i = 0; i < ids.size(); i += 500) {
            em.createQuery("select m.groupId, count(m) from GroupMemberEntity m where m.groupId in :ids and m.validFrom <= :d "
                    + "and (m.validTo is null or m.validTo >= :d) group by m.groupId", Object[].class)
                    .setParameter("ids", InLists.padded(ids.subList(i, Math.min(ids.size(), i + 500)))).setParameter("d", d).getResultList()
                    .forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        }
        return groups.stream().map(g -> toDTO(g, counts.getOrDefault(g.getId(), 0L).intValue())).toList();
    }

    static Group toDTO(GroupEntity g, int memberCount) {
        return new Group(g.getId(), g.getSchoolId(), g.getAcademicYear(), g.getClassId(), GroupKind.valueOf(g.getKind()), g.getName(),
                g.getTeacherId(), memberCount);
    }

    @Override
    public Set<ScopeRef> parents(ScopeRef target) {
        if (target.type() == ScopeType.GROUP) {
            return jpa.txExpr(TransactionType.Supports, em -> {
                GroupEntity g = em.find(GroupEntity.class, target.id());
                if (g == null) {
                    return Set.<ScopeRef>of();
                }
                return g.getClassId() == null ? Set.of(ScopeRef.school(g.getSchoolId()))
                        : Set.of(ScopeRef.school(g.getSchoolId()), ScopeRef.schoolClass(g.getClassId()));
            });
        }
        if (target.type() == ScopeType.CLASS) {
            return jpa.txExpr(TransactionType.Supports, em -> {
                ClassEntity c = em.find(ClassEntity.class, target.id());
                return c == null ? Set.<ScopeRef>of() : Set.of(ScopeRef.school(c.getSchoolId()));
            });
        }
        if (target.type() == ScopeType.STUDENT) {
            return jpa.txExpr(TransactionType.Supports, em -> {
                PersonEntity p = em.find(PersonEntity.class, target.id());
                if (p == null || !"STUDENT".equals(p.getKind())) {
                    return Set.<ScopeRef>of();
                }
                Set<ScopeRef> result = new HashSet<>();
                result.add(ScopeRef.school(p.getSchoolId()));
                classEntitiesOf(em, p.getId(), clock.today()).forEach(c -> result.add(ScopeRef.schoolClass(c.getId())));
                groupEntitiesOf(em, p.getId(), clock.today()).forEach(g -> result.add(ScopeRef.group(g.getId())));
                return result;
            });
        }
        return Set.of();
    }
}
