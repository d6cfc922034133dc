package org.zhurnal.roster.internal.importer;

import java.time.LocalDate;
import java.util.List;

/**
 * A snapshot of one school's roster for one academic year: the input of every exporter
 * ({@link NativeCsvExport}, {@link OneRosterCsv}). Exporters are pure functions of this record.
 *
 * @param schoolId the school's roster id
 * @param schoolName the school's name
 * @param academicYear first calendar year of the academic year (2026 for 2026/2027)
 * @param classes the classes of that academic year
 * @param students students (with or without an enrolment in this year)
 * @param guardians guardians of those students
 * @param staff staff members
 * @param enrolments memberships of students in the classes above (open ones have {@code to == null})
 * @param guardianships which guardian is what to which student
 * @param groups the groups of that academic year (subgroups, electives, extended-day groups, clubs)
 * @param groupMembers memberships of students in those groups (open ones have {@code to == null})
 */
public record RosterExport(String schoolId, String schoolName, int academicYear,
        List<ClassRec> classes, List<PersonRec> students, List<PersonRec> guardians, List<PersonRec> staff,
        List<Enrolment> enrolments, List<Link> guardianships, List<GroupRec> groups, List<GroupMember> groupMembers) {

    /** A snapshot without groups. */
    public RosterExport(String schoolId, String schoolName, int academicYear, List<ClassRec> classes, List<PersonRec> students,
            List<PersonRec> guardians, List<PersonRec> staff, List<Enrolment> enrolments, List<Link> guardianships) {
        this(schoolId, schoolName, academicYear, classes, students, guardians, staff, enrolments, guardianships, List.of(), List.of());
    }

    public RosterExport {
        classes = classes == null ? List.of() : List.copyOf(classes);
        students = students == null ? List.of() : List.copyOf(students);
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
        staff = staff == null ? List.of() : List.copyOf(staff);
        enrolments = enrolments == null ? List.of() : List.copyOf(enrolments);
        guardianships = guardianships == null ? List.of() : List.copyOf(guardianships);
        groups = groups == null ? List.of() : List.copyOf(groups);
        groupMembers = groupMembers == null ? List.of() : List.copyOf(groupMembers);
    }

    /**
     * A group.
     *
     * @param kind {@code SUBGROUP}, {@code ELECTIVE}, {@code EXTENDED_DAY} or {@code CLUB}
     * @param classId the class of a subgroup, or {@code null}
     * @param teacherId the staff member teaching it, or {@code null}
     */
    public record GroupRec(String id, String name, String kind, String classId, String teacherId) {
        /** A group without a teacher. */
        public GroupRec(String id, String name, String kind, String classId) {
            this(id, name, kind, classId, null);
        }
    }

    /**
     * A student's membership in a group.
     *
     * @param to last day, or {@code null} while open
     */
    public record GroupMember(String groupId, String studentId, LocalDate from, LocalDate to) {}

    /**
     * A class, e.g. 5А.
     *
     * @param id roster id
     * @param grade 1–11
     * @param letter a Cyrillic capital letter
     * @param classTeacherId staff person leading the class, or {@code null}
     */
    public record ClassRec(String id, int grade, String letter, String classTeacherId) {
        /** @return «5А» */
        public String name() {
            return grade + letter;
        }
    }

    /**
     * A student, guardian or staff member; fields that do not apply to the kind are {@code null}.
     *
     * @param id roster id
     * @param externalId id in the source system (import key), or {@code null}
     * @param sex {@code "M"}, {@code "F"} or {@code null}
     * @param positions staff positions, or {@code null}
     * @param subjects subjects taught, or {@code null}
     * @param noElectronicAccess guardian declared no electronic access
     */
    public record PersonRec(String id, String externalId, String lastName, String firstName, String middleName,
            LocalDate birthDate, String sex, LocalDate admissionDate,
            String positions, String subjects, String phone, String email, boolean noElectronicAccess) {

        /** @return the external id, or the roster id when there is none: the "Код" of the native template */
        public String code() {
            return externalId == null || externalId.isBlank() ? id : externalId;
        }

        /** @return «Фамилия Имя Отчество» */
        public String fullName() {
            return lastName + " " + firstName + (middleName == null || middleName.isBlank() ? "" : " " + middleName);
        }
    }

    /**
     * A student's membership in a class.
     *
     * @param to last day, or {@code null} while open
     */
    public record Enrolment(String studentId, String classId, LocalDate from, LocalDate to) {}

    /**
     * A guardian's relation to one student.
     *
     * @param relation {@code MOTHER}, {@code FATHER}, {@code GUARDIAN} or {@code OTHER}
     */
    public record Link(String guardianId, String studentId, String relation) {}
}
