package org.zhurnal.roster.api;

/**
 * A class of one academic year, e.g. 5А of 2026/2027.
 *
 * @param id roster id
 * @param schoolId the school
 * @param academicYear first calendar year of the academic year (2026 for 2026/2027)
 * @param grade 1–11
 * @param letter the letter, e.g. «А»
 * @param classTeacherId staff person leading the class, or {@code null}
 * @param studentCount students enrolled today
 */
public record SchoolClass(String id, String schoolId, int academicYear, int grade, String letter, String classTeacherId,
        int studentCount) {

    /** @return «5А» */
    public String name() {
        return grade + letter;
    }
}
