package org.zhurnal.roster.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only access to the roster for other modules. No authorization is applied here: callers check
 * access through {@link org.zhurnal.core.api.security.Authorization} themselves.
 * <p>Thread-safe.
 */
@ProviderType
public interface RosterQuery {

    Optional<Person> person(String personId);

    Optional<SchoolClass> schoolClass(String classId);

    /** @return classes of a school in an academic year, by grade and letter */
    List<SchoolClass> classes(String schoolId, int academicYear);

    /** @return students enrolled in the class on {@code date}, by name */
    List<Person> studentsOfClass(String classId, LocalDate date);

    /** @return the class(es) the student is enrolled in on {@code date} */
    List<SchoolClass> classesOfStudent(String studentId, LocalDate date);

    /** @return the student's guardians */
    List<Guardianship> guardiansOf(String studentId);

    /** @return the guardian's children */
    List<Person> childrenOf(String guardianId);

    /** @return groups of a school in an academic year, by name */
    List<Group> groups(String schoolId, int academicYear);

    /**
     * @param groupId the group's id
     * @return the group, if it exists
     * @since 1.2
     */
    Optional<Group> group(String groupId);

    /** @return the groups the student is a member of on {@code date} */
    List<Group> groupsOfStudent(String studentId, LocalDate date);

    /**
     * The student's class and group memberships that overlap a range, read at once; together they give
     * {@link #classesOfStudent(String, LocalDate)} and {@link #groupsOfStudent(String, LocalDate)} of every date
     * in the range (the memberships {@link Membership#validOn valid on} that date).
     *
     * @param studentId the student
     * @param from the first date (included)
     * @param to the last date (included)
     * @return the class memberships, then the group memberships, each by start date; empty for an unknown
     *         student, when an argument is {@code null} or when {@code to} is before {@code from}; never
     *         {@code null}
     * @since 1.3
     */
    List<Membership> membershipsOfStudent(String studentId, LocalDate from, LocalDate to);

    /**
     * Everyone enrolled in any class of a school at some date of a range, read at once (one query for the
     * memberships, one for their contacts): the bulk form of {@link #studentsOfClass(String, LocalDate)} for
     * whole-class and whole-school reports over a year («everyone who was in the class during the year»). A student
     * who changed class appears once per class membership.
     *
     * @param schoolId the school
     * @param from the first date (included)
     * @param to the last date (included)
     * @return the class memberships overlapping the range with their students, by surname, given name, patronymic
     *         and start date; empty for an unknown school, a {@code null} argument or {@code to} before
     *         {@code from}; never {@code null}
     * @since 1.4
     */
    List<ClassMember> classMembers(String schoolId, LocalDate from, LocalDate to);

    /** @return students in the group on {@code date}, by name */
    List<Person> studentsOfGroup(String groupId, LocalDate date);

    /**
     * Guardians of many students at once (reports over a whole school).
     *
     * @param studentIds the students
     * @return student id → their guardianships; students without guardians (or unknown) are absent; never {@code null}
     * @since 1.4
     */
    java.util.Map<String, List<Guardianship>> guardiansOfStudents(java.util.Collection<String> studentIds);

    /**
     * Which of these persons have a personal-data consent (152-ФЗ) in force on a date: their latest recorded consent
     * is GIVEN, dated on or before {@code date} and not withdrawn by then. A refusal, a withdrawn consent or none at all
     * leave the person out.
     *
     * @param personIds students or guardians
     * @param date the day to judge
     * @return the ids of those with a consent in force; never {@code null}
     * @since 1.4
     */
    java.util.Set<String> consentsInForce(java.util.Collection<String> personIds, LocalDate date);

    /** @return the academic year that contains {@code date} (it starts on 1 September) */
    static int academicYearOf(LocalDate date) {
        return AcademicYears.of(date);
    }
}
