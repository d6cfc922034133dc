package org.zhurnal.roster.api;

import java.time.LocalDate;

/**
 * A student's membership of a class or of a group over a span of dates, as read by
 * {@link RosterQuery#membershipsOfStudent(String, LocalDate, LocalDate)}.
 *
 * @param studentId the student
 * @param classId for a class membership the class; for a group membership the group's class, or {@code null} when
 *        the group belongs to none
 * @param groupId for a group membership the group; {@code null} for a class membership
 * @param grade the grade (1–11) of the class {@code classId}; 0 when {@code classId} is {@code null}
 * @param validFrom the first day of the membership
 * @param validTo the last day of the membership; {@code null} = open-ended
 * @since 1.3
 */
public record Membership(String studentId, String classId, String groupId, int grade, LocalDate validFrom, LocalDate validTo) {

    /** @return whether this is a membership of a group (else of a class) */
    public boolean isGroup() {
        return groupId != null;
    }

    /** @return the class of a class membership, the group of a group membership */
    public String unitId() {
        return groupId != null ? groupId : classId;
    }

    /** @return whether the student is a member on {@code date} */
    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }
}
