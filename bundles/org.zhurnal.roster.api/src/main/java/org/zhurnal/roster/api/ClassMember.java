package org.zhurnal.roster.api;

/**
 * A student with one of their class memberships, as read by
 * {@link RosterQuery#classMembers(String, java.time.LocalDate, java.time.LocalDate)}.
 *
 * @param student the student
 * @param membership the class membership (never a group's)
 * @since 1.4
 */
public record ClassMember(Person student, Membership membership) {
}
