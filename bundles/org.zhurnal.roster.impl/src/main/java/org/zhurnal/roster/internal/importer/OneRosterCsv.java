package org.zhurnal.roster.internal.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.zhurnal.roster.internal.importer.RosterExport.ClassRec;
import org.zhurnal.roster.internal.importer.RosterExport.Enrolment;
import org.zhurnal.roster.internal.importer.RosterExport.Link;
import org.zhurnal.roster.internal.importer.RosterExport.PersonRec;

/**
 * OneRoster 1.2 CSV binding (1EdTech): a zip of {@code manifest.csv} and the rostering data files.
 *
 * <h2>Export</h2>
 * {@link #export} writes, in bulk mode, {@code manifest.csv}, {@code orgs.csv} (the school),
 * {@code academicSessions.csv} (one schoolYear {@code year-<Y>}), {@code courses.csv} (one homeroom course
 * {@code grade-<g>} per grade), {@code classes.csv} (one homeroom class per class, title and classCode «5А»),
 * {@code users.csv} (students, guardians, staff; sourcedId = roster id, {@code identifier} = external id),
 * {@code roles.csv}, {@code enrollments.csv} and {@code demographics.csv}; every file has the standard 1.2
 * columns in the specified order, RFC 4180 quoting, CRLF line ends, UTF-8 without BOM.
 *
 * <p>Choices made where the binding leaves room or Zhurnal has more than OneRoster can say:
 * <ul>
 * <li>{@code status} and {@code dateLastModified} are left empty: the files are declared {@code bulk}, and
 * the binding uses those two fields for delta processing (importers such as D2L reject them in bulk files).
 * The reader accepts {@code active} (or empty) and skips {@code tobedeleted} rows.</li>
 * <li>{@code userIds} and {@code username} stay empty; the external id goes to {@code identifier}.</li>
 * <li>Roles use the 1.2 vocabulary, which no longer has a plain {@code administrator}: «директор» →
 * {@code principal}, «заместитель директора …» → {@code siteAdministrator}, «учитель»/«преподаватель»/«педагог
 * дополнительного образования» → {@code teacher}, psychologists, social pedagogues, speech therapists →
 * {@code counselor}, any other position → {@code aide}. The first role is {@code primary}, the others
 * {@code secondary}. Guardians are {@code parent} (MOTHER, FATHER) or {@code guardian} (GUARDIAN, OTHER).</li>
 * <li>What OneRoster cannot say goes to extension columns of {@code users.csv} (the binding allows columns
 * named {@code metadata.*}): {@code metadata.zhurnal.relation} (a guardian's MOTHER/FATHER/GUARDIAN/OTHER; if a
 * guardian is different things to different children, a list {@code studentSourcedId:RELATION,…}),
 * {@code metadata.zhurnal.noElectronicAccess} (true/false, every user), {@code metadata.zhurnal.positions} and
 * {@code metadata.zhurnal.subjects} (staff), {@code metadata.zhurnal.admissionDate} (students, yyyy-MM-dd).</li>
 * <li>Enrolments of the snapshot's classes are all written, closed ones with their {@code endDate}; the
 * class teacher gets a {@code teacher} enrolment with {@code primary=true} in the class they lead.</li>
 * <li>A {@code demographics.csv} row is written for every user with a known birth date or sex.</li>
 * <li>Groups (subgroups, electives, extended-day groups, clubs) are {@code scheduled} classes with the group's name as
 * title and classCode and its kind in the extension column {@code metadata.zhurnal.groupKind}; a subgroup belongs to
 * its class's grade course, the others to a course {@code groups}; their members are {@code student} enrolments
 * (closed ones with their {@code endDate}), their teacher a {@code teacher} enrolment with {@code primary=true}.</li>
 * </ul>
 *
 * <h2>Import</h2>
 * {@link #parse} reads such a zip, or one from another 1.2 system, validates all of it and returns the same
 * rows the native template gives, so that {@link RosterImporter} can write them. See
 * {@link OneRosterCsvReader} for the rules.
 */
public final class OneRosterCsv {
    /** More entries than this in the zip are refused (413). */
    public static final int MAX_ENTRIES = 50;
    /** An entry larger than this, uncompressed, is refused (413). */
    public static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    /** All entries together, uncompressed, larger than this are refused (413). */
    public static final long MAX_TOTAL_BYTES = 200L * 1024 * 1024;

    public static final String SYSTEM_NAME = "Zhurnal";

    static final List<String> MANIFEST = List.of("propertyName", "value");
    static final List<String> ORGS = List.of("sourcedId", "status", "dateLastModified", "name", "type", "identifier",
            "parentSourcedId");
    static final List<String> ACADEMIC_SESSIONS = List.of("sourcedId", "status", "dateLastModified", "title", "type",
            "startDate", "endDate", "parentSourcedId", "schoolYear");
    static final List<String> COURSES = List.of("sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title",
            "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes");
    static final String META_GROUP_KIND = "metadata.zhurnal.groupKind";
    static final List<String> CLASSES = List.of("sourcedId", "status", "dateLastModified", "title", "grades",
            "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects",
            "subjectCodes", "periods", META_GROUP_KIND);
    /** The course of the groups that belong to no class (electives, extended-day groups, clubs). */
    static final String GROUPS_COURSE = "groups";
    static final String META_RELATION = "metadata.zhurnal.relation";
    static final String META_NO_ACCESS = "metadata.zhurnal.noElectronicAccess";
    static final String META_POSITIONS = "metadata.zhurnal.positions";
    static final String META_SUBJECTS = "metadata.zhurnal.subjects";
    static final String META_ADMISSION = "metadata.zhurnal.admissionDate";
    static final List<String> USERS = List.of("sourcedId", "status", "dateLastModified", "enabledUser", "username",
            "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds",
            "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
            "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns",
            META_RELATION, META_NO_ACCESS, META_POSITIONS, META_SUBJECTS, META_ADMISSION);
    static final List<String> ROLES = List.of("sourcedId", "status", "dateLastModified", "userSourcedId", "roleType",
            "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId");
    static final List<String> ENROLLMENTS = List.of("sourcedId", "status", "dateLastModified", "classSourcedId",
            "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate");
    static final List<String> DEMOGRAPHICS = List.of("sourcedId", "status", "dateLastModified", "birthDate", "sex",
            "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander",
            "white", "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity", "countryOfBirthCode",
            "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus");

    /** Every data file of the 1.2 CSV binding, as named in {@code file.<name>} of the manifest. */
    static final List<String> ALL_FILES = List.of("academicSessions", "categories", "classes", "classResources", "courses",
            "courseResources", "demographics", "enrollments", "lineItemLearningObjectiveIds", "lineItems",
            "lineItemScoreScales", "orgs", "resources", "resultLearningObjectiveIds", "results", "resultScoreScales",
            "roles", "scoreScales", "userProfiles", "userResources", "users");

    /** The data files {@link #export} writes (all in bulk mode). */
    public static final List<String> EXPORTED_FILES = List.of("academicSessions", "classes", "courses", "demographics",
            "enrollments", "orgs", "roles", "users");

    /** The result of {@link #parse}: a students file and a staff file, as if given in the native template. */
    public record Result(NativeCsv.Parsed students, NativeCsv.Parsed staff) {}

    private OneRosterCsv() {}

    /** Reads, validates and converts a OneRoster 1.2 CSV zip; throws a 400 (or 413) problem with every error. */
    public static Result parse(byte[] zip) {
        return new OneRosterCsvReader().read(zip);
    }

    /** @return the zip bytes of the OneRoster 1.2 CSV package for the snapshot */
    public static byte[] export(RosterExport e) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", manifest());
        files.put("orgs.csv", csv(ORGS, List.of(row(ORGS, Map.of("sourcedId", e.schoolId(), "name", nn(e.schoolName()),
                "type", "school")))));
        files.put("academicSessions.csv", academicSessions(e));
        files.put("courses.csv", courses(e));
        files.put("classes.csv", classes(e));
        Users users = users(e);
        files.put("users.csv", csv(USERS, users.rows));
        files.put("roles.csv", csv(ROLES, users.roles));
        files.put("enrollments.csv", enrollments(e));
        files.put("demographics.csv", demographics(e));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipEntry entry = new ZipEntry(f.getKey());
                entry.setTime(FIXED_TIME);
                out.putNextEntry(entry);
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** 2000-01-01 00:00 local time: entries carry a fixed time so the same snapshot gives the same bytes. */
    private static final long FIXED_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    static String yearId(int year) {
        return "year-" + year;
    }

    static String courseId(int grade) {
        return "grade-" + grade;
    }

    static String grades(int grade) {
        return String.format(Locale.ROOT, "%02d", grade);
    }

    private static String manifest() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("manifest.version", "1.0"));
        rows.add(List.of("oneroster.version", "1.2"));
        for (String f : ALL_FILES) {
            rows.add(List.of("file." + f, EXPORTED_FILES.contains(f) ? "bulk" : "absent"));
        }
        rows.add(List.of("source.systemName", SYSTEM_NAME));
        return csv(MANIFEST, rows);
    }

    private static String academicSessions(RosterExport e) {
        int y = e.academicYear();
        return csv(ACADEMIC_SESSIONS, List.of(row(ACADEMIC_SESSIONS, Map.of("sourcedId", yearId(y), "title", y + "/" + (y + 1),
                "type", "schoolYear", "startDate", LocalDate.of(y, 9, 1).toString(), "endDate", LocalDate.of(y + 1, 5, 31).toString(),
                "schoolYear", String.valueOf(y + 1)))));
    }

    private static String courses(RosterExport e) {
        Set<Integer> grades = new TreeSet<>();
        e.classes().forEach(c -> grades.add(c.grade()));
        List<List<String>> rows = new ArrayList<>();
        for (int g : grades) {
            rows.add(row(COURSES, Map.of("sourcedId", courseId(g), "schoolYearSourcedId", yearId(e.academicYear()),
                    "title", "Класс " + g, "grades", grades(g), "orgSourcedId", e.schoolId())));
        }
        Map<String, ClassRec> classes = classesById(e);
        if (e.groups().stream().anyMatch(g -> !classes.containsKey(nn(g.classId())))) {
            rows.add(row(COURSES, Map.of("sourcedId", GROUPS_COURSE, "schoolYearSourcedId", yearId(e.academicYear()),
                    "title", "Факультативы, группы продлённого дня, кружки", "orgSourcedId", e.schoolId())));
        }
        return csv(COURSES, rows);
    }

    private static String classes(RosterExport e) {
        List<List<String>> rows = new ArrayList<>();
        for (ClassRec c : e.classes().stream().sorted(NativeCsvExport.CLASS_ORDER).toList()) {
            rows.add(row(CLASSES, Map.of("sourcedId", c.id(), "title", c.name(), "grades", grades(c.grade()),
                    "courseSourcedId", courseId(c.grade()), "classCode", c.name(), "classType", "homeroom",
                    "schoolSourcedId", e.schoolId(), "termSourcedIds", yearId(e.academicYear()))));
        }
        Map<String, ClassRec> byId = classesById(e);
        for (RosterExport.GroupRec g : groups(e)) {
            ClassRec c = byId.get(nn(g.classId()));
            Map<String, String> v = new LinkedHashMap<>(Map.of("sourcedId", g.id(), "title", g.name(), "classCode", g.name(),
                    "classType", "scheduled", "courseSourcedId", c == null ? GROUPS_COURSE : courseId(c.grade()),
                    "schoolSourcedId", e.schoolId(), "termSourcedIds", yearId(e.academicYear()), META_GROUP_KIND, g.kind()));
            if (c != null) {
                v.put("grades", grades(c.grade()));
            }
            rows.add(row(CLASSES, v));
        }
        return csv(CLASSES, rows);
    }

    private static Map<String, ClassRec> classesById(RosterExport e) {
        Map<String, ClassRec> byId = new LinkedHashMap<>();
        e.classes().forEach(c -> byId.putIfAbsent(c.id(), c));
        return byId;
    }

    /** The snapshot's groups by name (ignoring case), each id once. */
    private static List<RosterExport.GroupRec> groups(RosterExport e) {
        Map<String, RosterExport.GroupRec> byId = new LinkedHashMap<>();
        e.groups().forEach(g -> byId.putIfAbsent(g.id(), g));
        return byId.values().stream().sorted(Comparator.comparing(RosterExport.GroupRec::name, NativeCsvExport.GROUP_NAME_ORDER)
                .thenComparing(RosterExport.GroupRec::id)).toList();
    }

    private record Users(List<List<String>> rows, List<List<String>> roles) {}

    private static Users users(RosterExport e) {
        NativeCsvExport.Index index = new NativeCsvExport.Index(e);
        Map<String, List<Link>> linksOfGuardian = new LinkedHashMap<>();
        for (PersonRec s : e.students()) {
            for (Link l : index.guardiansOf(s.id())) {
                linksOfGuardian.computeIfAbsent(l.guardianId(), k -> new ArrayList<>()).add(l);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> roles = new ArrayList<>();
        for (PersonRec s : e.students()) {
            Map<String, String> v = person(e, s);
            v.put("agentSourcedIds", String.join(",", index.guardiansOf(s.id()).stream().map(Link::guardianId).distinct()
                    .toList()));
            ClassRec cls = index.currentClass(s.id());
            if (cls != null) {
                v.put("grades", grades(cls.grade()));
            }
            v.put(META_ADMISSION, s.admissionDate() == null ? "" : s.admissionDate().toString());
            rows.add(row(USERS, v));
            roles.add(role(e, s.id(), "primary", "student"));
        }
        for (PersonRec g : e.guardians()) {
            List<Link> own = linksOfGuardian.getOrDefault(g.id(), List.of()).stream()
                    .sorted(Comparator.comparingInt(l -> NativeCsvExport.relationRank(l.relation()))).toList();
            Map<String, String> v = person(e, g);
            v.put("agentSourcedIds", String.join(",", own.stream().map(Link::studentId).distinct().toList()));
            Set<String> relations = new LinkedHashSet<>();
            own.forEach(l -> relations.add(l.relation()));
            if (relations.size() == 1) {
                v.put(META_RELATION, relations.iterator().next());
            } else if (relations.size() > 1) {
                v.put(META_RELATION, String.join(",", own.stream().map(l -> l.studentId() + ":" + l.relation()).toList()));
            }
            rows.add(row(USERS, v));
            Set<String> guardianRoles = new LinkedHashSet<>();
            relations.forEach(r -> guardianRoles.add("MOTHER".equals(r) || "FATHER".equals(r) ? "parent" : "guardian"));
            if (guardianRoles.isEmpty()) {
                guardianRoles.add("guardian");
            }
            addRoles(e, g.id(), guardianRoles, roles);
        }
        for (PersonRec p : e.staff()) {
            Map<String, String> v = person(e, p);
            v.put(META_POSITIONS, nn(p.positions()));
            v.put(META_SUBJECTS, nn(p.subjects()));
            rows.add(row(USERS, v));
            addRoles(e, p.id(), staffRoles(p.positions()), roles);
        }
        return new Users(rows, roles);
    }

    private static void addRoles(RosterExport e, String userId, Set<String> set, List<List<String>> out) {
        boolean first = true;
        for (String r : set) {
            out.add(role(e, userId, first ? "primary" : "secondary", r));
            first = false;
        }
    }

    private static List<String> role(RosterExport e, String userId, String roleType, String role) {
        return row(ROLES, Map.of("sourcedId", "role-" + userId + "-" + role, "userSourcedId", userId, "roleType", roleType,
                "role", role, "orgSourcedId", e.schoolId()));
    }

    /** The 1.2 roles of a staff member, derived from the positions (first = primary); never empty. */
    static Set<String> staffRoles(String positions) {
        Set<String> roles = new LinkedHashSet<>();
        for (String item : nn(positions).split("[,;]")) {
            String p = item.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("заместитель") || p.contains("завуч")) {
                roles.add("siteAdministrator");
            } else if (p.startsWith("директор")) {
                roles.add("principal");
            } else if (p.contains("учитель") || p.contains("преподаватель") || p.contains("педагог дополнительного")) {
                roles.add("teacher");
            } else if (p.contains("психолог") || p.contains("социальный педагог") || p.contains("логопед")
                    || p.contains("дефектолог")) {
                roles.add("counselor");
            }
        }
        if (roles.isEmpty()) {
            roles.add("aide");
        }
        return roles;
    }

    private static Map<String, String> person(RosterExport e, PersonRec p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("sourcedId", p.id());
        v.put("enabledUser", "true");
        v.put("givenName", nn(p.firstName()));
        v.put("familyName", nn(p.lastName()));
        v.put("middleName", nn(p.middleName()));
        v.put("identifier", nn(p.externalId()));
        v.put("email", nn(p.email()));
        v.put("phone", nn(p.phone()));
        v.put("primaryOrgSourcedId", e.schoolId());
        v.put(META_NO_ACCESS, String.valueOf(p.noElectronicAccess()));
        return v;
    }

    private static String enrollments(RosterExport e) {
        Map<String, ClassRec> classes = new LinkedHashMap<>();
        e.classes().stream().sorted(NativeCsvExport.CLASS_ORDER).forEach(c -> classes.put(c.id(), c));
        Set<String> students = new LinkedHashSet<>();
        e.students().forEach(s -> students.add(s.id()));
        Set<String> staff = new LinkedHashSet<>();
        e.staff().forEach(s -> staff.add(s.id()));
        Set<String> ids = new LinkedHashSet<>();
        List<List<String>> rows = new ArrayList<>();
        for (ClassRec c : classes.values()) {
            if (c.classTeacherId() != null && staff.contains(c.classTeacherId())) {
                rows.add(row(ENROLLMENTS, Map.of("sourcedId", unique(ids, "enr-" + c.id() + "-" + c.classTeacherId()),
                        "classSourcedId", c.id(), "schoolSourcedId", e.schoolId(), "userSourcedId", c.classTeacherId(),
                        "role", "teacher", "primary", "true")));
            }
        }
        for (Enrolment en : e.enrolments()) {
            if (!classes.containsKey(en.classId()) || !students.contains(en.studentId())) {
                continue;
            }
            rows.add(row(ENROLLMENTS, Map.of("sourcedId", unique(ids, "enr-" + en.classId() + "-" + en.studentId()),
                    "classSourcedId", en.classId(), "schoolSourcedId", e.schoolId(), "userSourcedId", en.studentId(),
                    "role", "student", "primary", "false", "beginDate", en.from() == null ? "" : en.from().toString(),
                    "endDate", en.to() == null ? "" : en.to().toString())));
        }
        Set<String> groupIds = new LinkedHashSet<>();
        for (RosterExport.GroupRec g : groups(e)) {
            groupIds.add(g.id());
            if (g.teacherId() != null && staff.contains(g.teacherId())) {
                rows.add(row(ENROLLMENTS, Map.of("sourcedId", unique(ids, "enr-" + g.id() + "-" + g.teacherId()),
                        "classSourcedId", g.id(), "schoolSourcedId", e.schoolId(), "userSourcedId", g.teacherId(),
                        "role", "teacher", "primary", "true")));
            }
        }
        for (RosterExport.GroupMember m : e.groupMembers()) {
            if (!groupIds.contains(m.groupId()) || !students.contains(m.studentId())) {
                continue;
            }
            rows.add(row(ENROLLMENTS, Map.of("sourcedId", unique(ids, "enr-" + m.groupId() + "-" + m.studentId()),
                    "classSourcedId", m.groupId(), "schoolSourcedId", e.schoolId(), "userSourcedId", m.studentId(),
                    "role", "student", "primary", "false", "beginDate", m.from() == null ? "" : m.from().toString(),
                    "endDate", m.to() == null ? "" : m.to().toString())));
        }
        return csv(ENROLLMENTS, rows);
    }

    private static String unique(Set<String> used, String id) {
        String candidate = id;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    private static String demographics(RosterExport e) {
        List<List<String>> rows = new ArrayList<>();
        List<PersonRec> all = new ArrayList<>(e.students());
        all.addAll(e.guardians());
        all.addAll(e.staff());
        for (PersonRec p : all) {
            String sex = "M".equals(p.sex()) ? "male" : "F".equals(p.sex()) ? "female" : "";
            if (p.birthDate() == null && sex.isEmpty()) {
                continue;
            }
            rows.add(row(DEMOGRAPHICS, Map.of("sourcedId", p.id(), "birthDate", p.birthDate() == null ? "" : p.birthDate().toString(),
                    "sex", sex)));
        }
        return csv(DEMOGRAPHICS, rows);
    }

    private static List<String> row(List<String> header, Map<String, String> values) {
        List<String> row = new ArrayList<>(header.size());
        for (String column : header) {
            row.add(nn(values.get(column)));
        }
        return row;
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<String> r : rows) {
                printer.printRecord(r);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
