package org.zhurnal.calendar.api;

import java.time.LocalDate;

/**
 * One academic year of one school.
 *
 * @param id the year's id (UUID)
 * @param schoolId the school
 * @param year the first calendar year: {@code 2026} stands for 2026/2027
 * @param start the first day of the year (on or after 1 September of {@code year})
 * @param end the last day of the year (on or before 31 August of {@code year + 1})
 * @param workingDays the length of the working week: 5 (Monday–Friday) or 6 (Monday–Saturday)
 */
public record AcademicYear(String id, String schoolId, int year, LocalDate start, LocalDate end, int workingDays) {

    /** @return whether {@code date} lies within this year (both ends included) */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
