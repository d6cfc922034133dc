package org.zhurnal.roster.api;

/**
 * A group of students of one academic year: a subgroup of a class, an elective, an extended-day group
 * («ГПД») or a club.
 *
 * @param id roster id
 * @param schoolId the school
 * @param academicYear first calendar year of the academic year
 * @param classId the class a {@link GroupKind#SUBGROUP} belongs to (may be set for other kinds), or {@code null}
 * @param kind what the group is
 * @param name its name, e.g. «Английский язык, группа 1»
 * @param teacherId staff person leading the group, or {@code null}
 * @param memberCount students in the group today
 */
public record Group(String id, String schoolId, int academicYear, String classId, GroupKind kind, String name, String teacherId,
        int memberCount) {
}
