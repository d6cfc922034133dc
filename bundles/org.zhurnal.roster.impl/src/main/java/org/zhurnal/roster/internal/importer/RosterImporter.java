package org.zhurnal.roster.internal.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.zhurnal.core.api.Violation;
import org.zhurnal.core.api.audit.AuditLog;
import org.zhurnal.core.api.audit.AuditRecord;
import org.zhurnal.core.api.persistence.RowInserts;
import org.zhurnal.roster.api.ImportReport;
import org.zhurnal.roster.internal.entity.ClassEntity;
import org.zhurnal.roster.internal.entity.ContactEntity;
import org.zhurnal.roster.internal.entity.GroupEntity;
import org.zhurnal.roster.internal.entity.GroupMemberEntity;
import org.zhurnal.roster.internal.entity.GuardianshipEntity;
import org.zhurnal.roster.internal.entity.MembershipEntity;
import org.zhurnal.roster.internal.entity.PersonEntity;
import org.zhurnal.roster.internal.importer.NativeCsv.GuardianRow;
import org.zhurnal.roster.internal.importer.NativeCsv.Parsed;
import org.zhurnal.roster.internal.importer.NativeCsv.StaffRow;
import org.zhurnal.roster.internal.importer.NativeCsv.StudentRow;

/**
 * Writes a validated file into the roster inside the caller's transaction: upsert by external id,
 * so importing the same file again changes nothing. Every created or changed record is audited with
 * its state before and after (a student the file creates is one entry, with their first class and their guardians'
 * links in it; later changes of either are entries of their own). A student moved to another class gets the old membership closed and a
 * new one opened from today: history is never rewritten.
 *
 * <p>Groups (the «Группы» column): a group named in a row is looked up among the school's groups of the year by name
 * (case and runs of spaces ignored) and created when missing, with the kind {@link NativeCsv#groupKind} infers from its
 * name and, for a subgroup, the student's class. When the file has the column, a row lists all of the student's
 * groups: memberships start on the import's day, and the student leaves the groups of the year the row no longer
 * names (the day before; a membership that would end before it starts is removed).
 */
public final class RosterImporter {
    private final EntityManager em;
    private final AuditLog audit;
    private final String schoolId;
    private final int year;
    private final LocalDate today;
    private final long now;
    private final Map<String, Integer> created = new TreeMap<>();
    /** The names of the classes this file creates, in the order met. */
    private final List<String> newClasses = new ArrayList<>();
    private final List<ImportReport.ClassTeacherChange> classTeacherChanges = new ArrayList<>();
    private final Map<String, Integer> updated = new TreeMap<>();
    private final Map<String, Integer> unchanged = new TreeMap<>();
    /** Audit entries of the whole file, written with one chain lock at the end. */
    private final List<AuditRecord> changes = new ArrayList<>();
    /**
     * The audit data ("after") of each person this import creates, by person id: a new student's first class and
     * guardians are recorded in it rather than as entries of their own (half the audit rows of a new school's file;
     * the membership and link ids are kept in it).
     */
    private final Map<String, Map<String, Object>> createdPersons = new HashMap<>();
    /**
     * The rows this import adds, by table in the order their foreign keys need (people before their contacts, links and
     * memberships), written with multi-row inserts after the managed entities (classes, groups, changed rows): a new
     * school's file adds tens of thousands, which as managed entities cost OpenJPA more than the database.
     */
    private final Map<String, List<Object[]>> newRows = new java.util.LinkedHashMap<>();
    /** The file being applied, which problems name with the row and column ({@code file:row:column}). */
    private String file = NativeCsv.DEFAULT_FILE;
    /** Staff whose class-teacher assignments changed (the new and the previous class teachers). */
    private final java.util.Set<String> reassigned = new java.util.LinkedHashSet<>();

    public RosterImporter(EntityManager em, AuditLog audit, String schoolId, int year, LocalDate today, long now) {
        this.em = em;
        this.audit = audit;
        this.schoolId = schoolId;
        this.year = year;
        this.today = today;
        this.now = now;
        TABLES.keySet().forEach(t -> newRows.put(t, new ArrayList<>()));
    }

    /** The tables an import adds rows to by multi-row inserts, with their columns, in foreign-key order. */
    private static final Map<String, List<String>> TABLES = new java.util.LinkedHashMap<>();
    static {
        TABLES.put("zh_r_person", List.of("id", "school_id", "kind", "external_id", "last_name", "first_name", "middle_name",
                "birth_date", "sex", "admission_date", "leaving_date", "leaving_reason", "positions", "subjects",
                "no_electronic_access", "created_at", "updated_at"));
        TABLES.put("zh_r_contact", List.of("id", "person_id", "kind", "contact_value", "source"));
        TABLES.put("zh_r_membership", List.of("id", "student_id", "class_id", "valid_from", "valid_to"));
        TABLES.put("zh_r_guardianship", List.of("id", "guardian_id", "student_id", "relation"));
        TABLES.put("zh_r_group_member", List.of("id", "group_id", "student_id", "valid_from", "valid_to"));
    }

    private void add(PersonEntity p) {
        newRows.get("zh_r_person").add(new Object[] {p.getId(), p.getSchoolId(), p.getKind(), p.getExternalId(), p.getLastName(),
            p.getFirstName(), p.getMiddleName(), p.getBirthDate(), p.getSex(), p.getAdmissionDate(), p.getLeavingDate(),
            p.getLeavingReason(), p.getPositions(), p.getSubjects(), p.isNoElectronicAccess(), p.getCreatedAt(), p.getUpdatedAt()});
    }

    private void add(ContactEntity c) {
        newRows.get("zh_r_contact").add(new Object[] {c.getId(), c.getPersonId(), c.getKind(), c.getValue(), c.getSource()});
    }

    private void add(MembershipEntity m) {
        newRows.get("zh_r_membership").add(new Object[] {m.getId(), m.getStudentId(), m.getClassId(), m.getValidFrom(), m.getValidTo()});
    }

    private void add(GuardianshipEntity g) {
        newRows.get("zh_r_guardianship").add(new Object[] {g.getId(), g.getGuardianId(), g.getStudentId(), g.getRelation()});
    }

    private void add(GroupMemberEntity m) {
        newRows.get("zh_r_group_member").add(new Object[] {m.getId(), m.getGroupId(), m.getStudentId(), m.getValidFrom(), m.getValidTo()});
    }

    /** Writes the managed changes, then the new rows (which refer to classes and groups among the former). */
    private void writeNewRows() {
        em.flush();
        newRows.forEach((table, rows) -> RowInserts.insertAndRelease(em.unwrap(java.sql.Connection.class), table, TABLES.get(table), rows));
        newRows.values().forEach(List::clear);
    }

    public ImportReport apply(Parsed parsed, boolean dryRun) {
        file = parsed.file();
        if (parsed.kind() == NativeCsv.Kind.STAFF) {
            staff(parsed.staff(), parsed.groupsColumn());
        } else {
            students(parsed);
        }
        writeNewRows();
        audit.recordAll(schoolId, changes);
        return new ImportReport(dryRun, parsed.rows(), created, updated, unchanged, newClasses, classTeacherChanges);
    }

    /** @return ids of the staff whose class-teacher assignments this import changed (their grants follow) */
    public java.util.Set<String> reassignedTeachers() {
        return java.util.Set.copyOf(reassigned);
    }

    private void count(Map<String, Integer> m, String kind) {
        m.merge(kind, 1, Integer::sum);
    }

    private Map<String, PersonEntity> existing(String kind) {
        return em.createQuery("select p from PersonEntity p where p.schoolId = :s and p.kind = :k and p.externalId is not null",
                PersonEntity.class).setParameter("s", schoolId).setParameter("k", kind).getResultList().stream()
                .collect(Collectors.toMap(PersonEntity::getExternalId, p -> p));
    }

    /**
     * The contacts of the school's persons of a kind that carry an external id (those an import can match), by person id.
     * Existing rows are read by school, never by long lists of ids: Derby answers {@code IN} lists of hundreds of
     * values by scanning the whole table, which made a school's import slower the more schools shared the database.
     */
    private Map<String, List<ContactEntity>> contactsOf(String kind) {
        Map<String, List<ContactEntity>> map = new HashMap<>();
        em.createQuery("select c from ContactEntity c, PersonEntity p where c.personId = p.id and p.schoolId = :s and p.kind = :k "
                + "and p.externalId is not null", ContactEntity.class).setParameter("s", schoolId).setParameter("k", kind)
                .getResultList().forEach(c -> map.computeIfAbsent(c.getPersonId(), k -> new ArrayList<>()).add(c));
        return map;
    }

    private void students(Parsed parsed) {
        Map<String, ClassEntity> classes = em.createQuery(
                "select c from ClassEntity c where c.schoolId = :s and c.academicYear = :y", ClassEntity.class)
                .setParameter("s", schoolId).setParameter("y", year).getResultList().stream()
                .collect(Collectors.toMap(c -> c.getGrade() + c.getLetter(), c -> c));
        Map<String, GroupEntity> groups = parsed.groupsColumn() ? checkGroups(parsed.students(), classes) : Map.of();
        for (StudentRow r : parsed.students()) {
            classes.computeIfAbsent(r.grade() + r.letter(), k -> {
                ClassEntity c = new ClassEntity();
                c.setId(UUID.randomUUID().toString());
                c.setSchoolId(schoolId);
                c.setAcademicYear(year);
                c.setGrade(r.grade());
                c.setLetter(r.letter());
                em.persist(c);
                changes.add(new AuditRecord("class", c.getId(), "import-create", null,
                        Map.of("name", c.getGrade() + c.getLetter(), "academicYear", year)));
                count(created, "classes");
                newClasses.add(c.getGrade() + c.getLetter());
                return c;
            });
        }
        Map<String, PersonEntity> students = existing("STUDENT");
        Map<String, PersonEntity> guardians = existing("GUARDIAN");
        Map<String, List<ContactEntity>> guardianContacts = contactsOf("GUARDIAN");
        Map<String, PersonEntity> guardianByCode = new HashMap<>();
        for (GuardianRow g : parsed.guardians().values()) {
            PersonEntity p = upsert(guardians.get(g.code()), "GUARDIAN", g.code(), g.lastName(), g.firstName(), g.middleName(),
                    null, null, null, null, null, g.noElectronicAccess(), guardianContacts, contacts(g.phone(), g.email()), "guardians");
            guardianByCode.put(g.code(), p);
        }
        Map<String, PersonEntity> studentByCode = new HashMap<>();
        for (StudentRow r : parsed.students()) {
            LocalDate admission = r.admissionDate() != null ? r.admissionDate() : LocalDate.of(year, 9, 1);
            PersonEntity p = upsert(students.get(r.code()), "STUDENT", r.code(), r.lastName(), r.firstName(), r.middleName(),
                    r.birthDate().toString(), r.sex(), admission.toString(), null, null, false, Map.of(), null, "students");
            studentByCode.put(r.code(), p);
        }
        memberships(parsed.students(), studentByCode, classes);
        guardianships(parsed.students(), studentByCode, guardianByCode);
        if (parsed.groupsColumn()) {
            groupMemberships(parsed.students(), studentByCode, classes, new HashMap<>(groups));
        }
    }

    /**
     * The school's groups of the year by {@link NativeCsv#groupKey}; refuses the file (nothing written) when a row names
     * a group that two groups of the school share, or a subgroup of another class.
     */
    private Map<String, GroupEntity> checkGroups(List<StudentRow> rows, Map<String, ClassEntity> classes) {
        Map<String, List<GroupEntity>> byKey = groupsByKey();
        Map<String, String> classNames = classes.values().stream().collect(Collectors.toMap(ClassEntity::getId,
                c -> c.getGrade() + c.getLetter()));
        List<Violation> errors = new ArrayList<>();
        for (StudentRow r : rows) {
            for (String name : r.groups()) {
                List<GroupEntity> found = byKey.getOrDefault(NativeCsv.groupKey(name), List.of());
                if (found.size() > 1) {
                    errors.add(Messages.rowError(file, r.line(), NativeCsv.GROUPS, "The school has " + found.size()
                            + " groups named '" + name + "' in " + year + "/" + (year + 1) + "; rename one of them first",
                            sameName(name, found.size())));
                } else if (found.size() == 1 && "SUBGROUP".equals(found.get(0).getKind()) && found.get(0).getClassId() != null
                        && !r.className().equals(classNames.get(found.get(0).getClassId()))) {
                    errors.add(Messages.rowError(file, r.line(), NativeCsv.GROUPS, "'" + name + "' is a subgroup of class "
                            + classNames.getOrDefault(found.get(0).getClassId(), "?") + ", but the student is in " + r.className(),
                            "«" + name + "» — подгруппа класса " + classNames.getOrDefault(found.get(0).getClassId(), "?")
                                    + ", а ученик учится в " + r.className()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Messages.fileErrors(file, errors);
        }
        Map<String, GroupEntity> unique = new HashMap<>();
        byKey.forEach((k, v) -> unique.put(k, v.get(0)));
        return unique;
    }

    private void groupMemberships(List<StudentRow> rows, Map<String, PersonEntity> students, Map<String, ClassEntity> classes,
            Map<String, GroupEntity> groups) {
        LocalDate yearStart = LocalDate.of(year, 9, 1);
        String from = (today.isAfter(yearStart) ? today : yearStart).toString();
        String dayBefore = LocalDate.parse(from).minusDays(1).toString();
        Map<String, GroupEntity> byId = new HashMap<>();
        groups.values().forEach(g -> byId.put(g.getId(), g));
        // The students' memberships that run on or after 'from' in the groups of this school and year.
        Map<String, List<GroupMemberEntity>> current = new HashMap<>();
        if (!byId.isEmpty()) { // read by the school's groups of the year (see contactsOf)
            em.createQuery("select m from GroupMemberEntity m, GroupEntity g where m.groupId = g.id and g.schoolId = :s "
                    + "and g.academicYear = :y and (m.validTo is null or m.validTo >= :d)", GroupMemberEntity.class)
                    .setParameter("s", schoolId).setParameter("y", year).setParameter("d", from).getResultList().stream()
                    .filter(m -> byId.containsKey(m.getGroupId()))
                    .forEach(m -> current.computeIfAbsent(m.getStudentId(), k -> new ArrayList<>()).add(m));
        }
        for (StudentRow r : rows) {
            for (String name : r.groups()) {
                groups.computeIfAbsent(NativeCsv.groupKey(name), k -> newGroup(name, classes.get(r.className())));
            }
        }
        for (StudentRow r : rows) {
            PersonEntity s = students.get(r.code());
            java.util.Set<String> wanted = new java.util.HashSet<>();
            for (String name : r.groups()) {
                wanted.add(groups.get(NativeCsv.groupKey(name)).getId());
            }
            List<GroupMemberEntity> mine = current.getOrDefault(s.getId(), List.of());
            java.util.Set<String> kept = new java.util.HashSet<>();
            for (GroupMemberEntity m : mine) {
                if (wanted.contains(m.getGroupId()) && kept.add(m.getGroupId())) {
                    if (m.getValidFrom().compareTo(from) > 0 || m.getValidTo() != null) {
                        Map<String, Object> before = memberView(m);
                        m.setValidFrom(m.getValidFrom().compareTo(from) > 0 ? from : m.getValidFrom());
                        m.setValidTo(null);
                        changes.add(new AuditRecord("group-member", m.getId(), "import-update", before, memberView(m)));
                        count(updated, "groupMembers");
                    } else {
                        count(unchanged, "groupMembers");
                    }
                } else if (m.getValidFrom().compareTo(from) >= 0) {
                    // Left on the day it would have begun (or a duplicate): nothing to keep as history.
                    changes.add(new AuditRecord("group-member", m.getId(), "import-remove", memberView(m), null));
                    em.remove(m);
                    count(updated, "groupMembers");
                } else {
                    Map<String, Object> before = memberView(m);
                    m.setValidTo(dayBefore);
                    changes.add(new AuditRecord("group-member", m.getId(), "import-close", before, memberView(m)));
                    count(updated, "groupMembers");
                }
            }
            for (String groupId : wanted) {
                if (kept.contains(groupId)) {
                    continue;
                }
                GroupMemberEntity m = new GroupMemberEntity();
                m.setId(UUID.randomUUID().toString());
                m.setGroupId(groupId);
                m.setStudentId(s.getId());
                m.setValidFrom(from);
                add(m);
                changes.add(new AuditRecord("group-member", m.getId(), "import-create", null, memberView(m)));
                count(created, "groupMembers");
            }
        }
    }

    private GroupEntity newGroup(String name, ClassEntity studentClass) {
        GroupEntity g = new GroupEntity();
        g.setId(UUID.randomUUID().toString());
        g.setSchoolId(schoolId);
        g.setAcademicYear(year);
        g.setKind(NativeCsv.groupKind(name));
        // The parser made sure a name beginning with a class is in a row of that class.
        g.setClassId("SUBGROUP".equals(g.getKind()) ? studentClass.getId() : null);
        g.setName(name);
        em.persist(g);
        Map<String, Object> view = new TreeMap<>();
        view.put("schoolId", schoolId);
        view.put("academicYear", year);
        view.put("classId", g.getClassId());
        view.put("kind", g.getKind());
        view.put("name", name);
        changes.add(new AuditRecord("group", g.getId(), "import-create", null, view));
        count(created, "groups");
        return g;
    }

    private static Map<String, Object> memberView(GroupMemberEntity m) {
        Map<String, Object> v = new TreeMap<>();
        v.put("groupId", m.getGroupId());
        v.put("studentId", m.getStudentId());
        v.put("validFrom", m.getValidFrom());
        v.put("validTo", m.getValidTo() == null ? "open" : m.getValidTo());
        return v;
    }

    private void memberships(List<StudentRow> rows, Map<String, PersonEntity> students, Map<String, ClassEntity> classes) {
        Map<String, List<MembershipEntity>> open = new HashMap<>();
        // the open memberships in the school's classes of the year, read by the classes (see contactsOf)
        em.createQuery("select m from MembershipEntity m, ClassEntity c where m.classId = c.id and c.schoolId = :s "
                + "and c.academicYear = :y and m.validTo is null", MembershipEntity.class).setParameter("s", schoolId)
                .setParameter("y", year).getResultList()
                .forEach(m -> open.computeIfAbsent(m.getStudentId(), k -> new ArrayList<>()).add(m));
        for (StudentRow r : rows) {
            PersonEntity s = students.get(r.code());
            ClassEntity target = classes.get(r.grade() + r.letter());
            List<MembershipEntity> current = open.getOrDefault(s.getId(), List.of());
            if (current.stream().anyMatch(m -> m.getClassId().equals(target.getId()))) {
                count(unchanged, "memberships");
                continue;
            }
            LocalDate yearStart = LocalDate.of(year, 9, 1);
            LocalDate admitted = s.getAdmissionDate() == null ? yearStart : LocalDate.parse(s.getAdmissionDate());
            // A first enrolment counts from the start of the year (or a later admission); a transfer from today.
            String from = (current.isEmpty() ? (admitted.isAfter(yearStart) ? admitted : yearStart)
                    : (today.isAfter(yearStart) ? today : yearStart)).toString();
            for (MembershipEntity m : current) {
                // A transfer: the old membership ends the day before, the past stays as it was.
                String until = LocalDate.parse(from).minusDays(1).toString();
                m.setValidTo(until.compareTo(m.getValidFrom()) < 0 ? m.getValidFrom() : until);
                changes.add(new AuditRecord("membership", m.getId(), "import-close", Map.of("classId", m.getClassId(), "validTo", "open"),
                        Map.of("classId", m.getClassId(), "validTo", m.getValidTo())));
                count(updated, "memberships");
            }
            MembershipEntity m = new MembershipEntity();
            m.setId(UUID.randomUUID().toString());
            m.setStudentId(s.getId());
            m.setClassId(target.getId());
            m.setValidFrom(from);
            add(m);
            Map<String, Object> enrolment = Map.of("membershipId", m.getId(), "class", target.getGrade() + target.getLetter(), "validFrom", from);
            Map<String, Object> newStudent = current.isEmpty() ? createdPersons.get(s.getId()) : null;
            if (newStudent != null) {
                newStudent.put("enrolment", enrolment);
            } else {
                changes.add(new AuditRecord("membership", m.getId(), "import-create", null,
                        Map.of("studentId", s.getId(), "class", target.getGrade() + target.getLetter(), "validFrom", from)));
            }
            count(created, "memberships");
        }
    }

    private void guardianships(List<StudentRow> rows, Map<String, PersonEntity> students, Map<String, PersonEntity> guardians) {
        Map<String, GuardianshipEntity> links = new HashMap<>();
        // the links of the school's students, read by the school (see contactsOf)
        em.createQuery("select g from GuardianshipEntity g, PersonEntity p where g.studentId = p.id and p.schoolId = :s "
                + "and p.kind = 'STUDENT'", GuardianshipEntity.class).setParameter("s", schoolId).getResultList()
                .forEach(g -> links.put(g.getGuardianId() + "/" + g.getStudentId(), g));
        for (StudentRow r : rows) {
            PersonEntity s = students.get(r.code());
            for (String[] link : r.guardians()) {
                PersonEntity g = guardians.get(link[0]);
                GuardianshipEntity existing = links.get(g.getId() + "/" + s.getId());
                if (existing == null) {
                    GuardianshipEntity e = new GuardianshipEntity();
                    e.setId(UUID.randomUUID().toString());
                    e.setGuardianId(g.getId());
                    e.setStudentId(s.getId());
                    e.setRelation(link[1]);
                    add(e);
                    links.put(g.getId() + "/" + s.getId(), e);
                    Map<String, Object> newStudent = createdPersons.get(s.getId());
                    if (newStudent != null) {
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> list = (List<Map<String, Object>>) newStudent.computeIfAbsent("guardians",
                                k -> new ArrayList<Map<String, Object>>());
                        list.add(Map.of("guardianshipId", e.getId(), "guardianId", g.getId(), "relation", link[1]));
                    } else {
                        changes.add(new AuditRecord("guardianship", e.getId(), "import-create", null,
                                Map.of("guardianId", g.getId(), "studentId", s.getId(), "relation", link[1])));
                    }
                    count(created, "guardianships");
                } else if (!existing.getRelation().equals(link[1])) {
                    String before = existing.getRelation();
                    existing.setRelation(link[1]);
                    changes.add(new AuditRecord("guardianship", existing.getId(), "import-update", Map.of("relation", before),
                            Map.of("relation", link[1])));
                    count(updated, "guardianships");
                } else {
                    count(unchanged, "guardianships");
                }
            }
        }
    }

    private void staff(List<StaffRow> rows, boolean groupsColumn) {
        Map<String, PersonEntity> staff = existing("STAFF");
        Map<String, List<ContactEntity>> contacts = contactsOf("STAFF");
        Map<String, ClassEntity> classes = em.createQuery(
                "select c from ClassEntity c where c.schoolId = :s and c.academicYear = :y", ClassEntity.class)
                .setParameter("s", schoolId).setParameter("y", year).getResultList().stream()
                .collect(Collectors.toMap(c -> c.getGrade() + c.getLetter(), c -> c));
        List<Violation> missing = new ArrayList<>();
        for (StaffRow r : rows) {
            if (r.classTeacherOf() != null && !classes.containsKey(r.classTeacherOf())) {
                missing.add(Messages.rowError(file, r.line(), "Классный руководитель", "Class " + r.classTeacherOf()
                        + " does not exist in " + year + "/" + (year + 1) + "; import the students first", "Класса "
                        + r.classTeacherOf() + " нет в " + year + "/" + (year + 1) + " учебном году; сначала импортируйте учеников"));
            }
        }
        Map<String, GroupEntity> groups = groupsColumn ? taughtGroups(rows, classes, missing) : Map.of();
        if (!missing.isEmpty()) {
            throw Messages.fileErrors(file, missing);
        }
        if (groupsColumn) { // a group named for the first time is created, as a students file does
            for (StaffRow r : rows) {
                for (String name : r.groups()) {
                    groups.computeIfAbsent(NativeCsv.groupKey(name), k -> newGroup(name, classes.get(NativeCsv.classOfGroup(name))));
                }
            }
        }
        for (StaffRow r : rows) {
            PersonEntity p = upsert(staff.get(r.code()), "STAFF", r.code(), r.lastName(), r.firstName(), r.middleName(), null,
                    null, null, r.positions(), r.subjects(), false, contacts, contacts(r.phone(), r.email()), "staff");
            if (r.classTeacherOf() != null) {
                ClassEntity c = classes.get(r.classTeacherOf());
                if (!p.getId().equals(c.getClassTeacherId())) {
                    String before = c.getClassTeacherId();
                    c.setClassTeacherId(p.getId());
                    if (before != null) {
                        reassigned.add(before);
                        // Replacing a class teacher is rarely what a staff file means (a teacher's row copied to another
                        // line, a class typed wrong): named in the report, so the check before the import shows it.
                        PersonEntity was = em.find(PersonEntity.class, before);
                        classTeacherChanges.add(new ImportReport.ClassTeacherChange(r.classTeacherOf(), was == null ? before : fullName(was),
                                fullName(p)));
                    }
                    reassigned.add(p.getId());
                    changes.add(new AuditRecord("class", c.getId(), "import-update", before == null ? null : Map.of("classTeacherId", before),
                            Map.of("classTeacherId", p.getId())));
                    count(updated, "classes");
                }
            }
            if (groupsColumn) {
                Set<String> named = new HashSet<>();
                r.groups().forEach(n -> named.add(NativeCsv.groupKey(n)));
                groups.forEach((key, g) -> {
                    if (named.contains(key)) {
                        setGroupTeacher(g, p.getId());
                    } else if (p.getId().equals(g.getTeacherId())) {
                        setGroupTeacher(g, null); // the row is the complete list: a group it no longer names loses its teacher
                    }
                });
            }
        }
    }

    private static String fullName(PersonEntity p) {
        return p.getLastName() + " " + p.getFirstName() + (p.getMiddleName() == null ? "" : " " + p.getMiddleName());
    }

    /** In Russian: the school has {@code n} groups named {@code name} in the year; rename one first. */
    private String sameName(String name, int n) {
        return "В " + year + "/" + (year + 1) + " учебном году в школе несколько групп с названием «" + name + "» (" + n
                + "); сначала переименуйте одну из них";
    }

    /** The school's groups of the year by {@link NativeCsv#groupKey} (several when the school gave two groups one name). */
    private Map<String, List<GroupEntity>> groupsByKey() {
        Map<String, List<GroupEntity>> byKey = new HashMap<>();
        em.createQuery("select g from GroupEntity g where g.schoolId = :s and g.academicYear = :y", GroupEntity.class)
                .setParameter("s", schoolId).setParameter("y", year).getResultList()
                .forEach(g -> byKey.computeIfAbsent(NativeCsv.groupKey(g.getName()), k -> new ArrayList<>()).add(g));
        return byKey;
    }

    /**
     * The school's groups of the year by {@link NativeCsv#groupKey} (a map the caller may add to); adds an error for a group
     * name two groups of the school share, for a subgroup of a class that does not exist, and for a group two rows name
     * (a group has one teacher).
     */
    private Map<String, GroupEntity> taughtGroups(List<StaffRow> rows, Map<String, ClassEntity> classes, List<Violation> errors) {
        Map<String, List<GroupEntity>> byKey = groupsByKey();
        Map<String, Integer> namedOn = new HashMap<>();
        for (StaffRow r : rows) {
            for (String name : r.groups()) {
                String key = NativeCsv.groupKey(name);
                Integer first = namedOn.putIfAbsent(key, r.line());
                List<GroupEntity> found = byKey.getOrDefault(key, List.of());
                if (found.size() > 1) {
                    errors.add(Messages.rowError(file, r.line(), NativeCsv.GROUPS, "The school has " + found.size() + " groups named '"
                            + name + "' in " + year + "/" + (year + 1) + "; rename one of them first", sameName(name, found.size())));
                } else if (found.isEmpty() && NativeCsv.classOfGroup(name) != null && !classes.containsKey(NativeCsv.classOfGroup(name))) {
                    errors.add(Messages.rowError(file, r.line(), NativeCsv.GROUPS, "Group '" + name + "' is a subgroup of class "
                            + NativeCsv.classOfGroup(name) + ", which does not exist in " + year + "/" + (year + 1)
                            + "; import the students first", "Группа «" + name + "» — подгруппа класса " + NativeCsv.classOfGroup(name)
                            + ", а такого класса в " + year + "/" + (year + 1) + " учебном году нет; сначала импортируйте учеников"));
                } else if (first != null) {
                    errors.add(Messages.rowError(file, r.line(), NativeCsv.GROUPS, "Group '" + name
                            + "' is already given to the teacher of row " + first + "; a group has one teacher", "Группа «" + name
                            + "» уже указана у учителя в строке " + first + "; у группы может быть только один учитель"));
                }
            }
        }
        Map<String, GroupEntity> unique = new HashMap<>();
        byKey.forEach((k, v) -> unique.put(k, v.get(0)));
        return unique;
    }

    private void setGroupTeacher(GroupEntity g, String teacherId) {
        String before = g.getTeacherId();
        if (Objects.equals(before, teacherId)) {
            count(unchanged, "groupTeachers");
            return;
        }
        g.setTeacherId(teacherId);
        if (before != null) {
            reassigned.add(before);
        }
        if (teacherId != null) {
            reassigned.add(teacherId);
        }
        Map<String, Object> was = new HashMap<>();
        was.put("teacherId", before);
        Map<String, Object> now = new HashMap<>();
        now.put("teacherId", teacherId);
        changes.add(new AuditRecord("group", g.getId(), "import-update", was, now));
        count(updated, "groupTeachers");
    }

    private static List<String[]> contacts(String phone, String email) {
        List<String[]> list = new ArrayList<>();
        if (phone != null) {
            list.add(new String[] {"PHONE", phone});
        }
        if (email != null) {
            list.add(new String[] {"EMAIL", email});
        }
        return list;
    }

    private PersonEntity upsert(PersonEntity p, String kind, String code, String last, String first, String middle, String birth,
            String sex, String admission, String positions, String subjects, boolean noAccess,
            Map<String, List<ContactEntity>> existingContacts, List<String[]> contacts, String counter) {
        boolean isNew = p == null;
        Map<String, Object> before = isNew ? null : org.zhurnal.roster.internal.Mapping.audit(p, existingContacts.get(p.getId()));
        if (isNew) {
            p = new PersonEntity();
            p.setId(UUID.randomUUID().toString());
            p.setSchoolId(schoolId);
            p.setKind(kind);
            p.setExternalId(code);
            p.setCreatedAt(now);
        }
        boolean changed = isNew | set(p::getLastName, p::setLastName, last) | set(p::getFirstName, p::setFirstName, first)
                | set(p::getMiddleName, p::setMiddleName, middle);
        if (!"GUARDIAN".equals(kind) && !"STAFF".equals(kind)) {
            changed |= set(p::getBirthDate, p::setBirthDate, birth) | set(p::getSex, p::setSex, sex)
                    | set(p::getAdmissionDate, p::setAdmissionDate, admission);
        }
        if ("STAFF".equals(kind)) {
            changed |= set(p::getPositions, p::setPositions, positions) | set(p::getSubjects, p::setSubjects, subjects);
        }
        if (p.isNoElectronicAccess() != noAccess) {
            p.setNoElectronicAccess(noAccess);
            changed = true;
        }
        List<ContactEntity> newContacts = null;
        if (contacts != null) {
            List<ContactEntity> old = isNew ? List.of() : existingContacts.getOrDefault(p.getId(), List.of());
            List<String> oldKeys = old.stream().map(c -> c.getKind() + ":" + c.getValue()).sorted().toList();
            List<String> newKeys = contacts.stream().map(c -> c[0] + ":" + c[1]).sorted().toList();
            if (!oldKeys.equals(newKeys)) {
                old.forEach(em::remove);
                newContacts = new ArrayList<>();
                for (String[] c : contacts) {
                    ContactEntity ce = new ContactEntity();
                    ce.setId(UUID.randomUUID().toString());
                    ce.setPersonId(p.getId());
                    ce.setKind(c[0]);
                    ce.setValue(c[1]);
                    // Imported contacts come from the families' written applications held by the school.
                    ce.setSource("WRITTEN");
                    newContacts.add(ce);
                }
                changed = true;
            }
        }
        if (!changed) {
            count(unchanged, counter);
            return p;
        }
        p.setUpdatedAt(now);
        if (isNew) {
            add(p);
        }
        if (newContacts != null) {
            newContacts.forEach(this::add);
        }
        Map<String, Object> after = org.zhurnal.roster.internal.Mapping.audit(p, newContacts != null ? newContacts : existingContacts.get(p.getId()));
        if (isNew) {
            createdPersons.put(p.getId(), after);
        }
        changes.add(new AuditRecord("person", p.getId(), isNew ? "import-create" : "import-update", before, after));
        count(isNew ? created : updated, counter);
        return p;
    }

    private static boolean set(java.util.function.Supplier<String> get, java.util.function.Consumer<String> set, String value) {
        if (Objects.equals(get.get(), value)) {
            return false;
        }
        set.accept(value);
        return true;
    }
}
