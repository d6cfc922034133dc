package org.zhurnal.calendar.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A reporting period (четверть, полугодие, триместр) of some grades in one academic year. Final marks
 * are given per period; a {@code CLOSED} period may no longer be changed until it is reopened.
 *
 * @param id the period's id (UUID)
 * @param yearId the academic year
 * @param scheme {@code QUARTERS}, {@code HALF_YEARS}, {@code TRIMESTERS} or {@code CUSTOM}
 * @param number 1-based number within its scheme
 * @param name display name, e.g. «1 четверть»
 * @param start first day
 * @param end last day
 * @param grades the grades (1–11) the period applies to, ascending
 * @param state {@code OPEN} or {@code CLOSED}
 */
public record ReportingPeriod(String id, String yearId, String scheme, int number, String name, LocalDate start, LocalDate end,
        List<Integer> grades, String state) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public ReportingPeriod {
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /** @return whether {@code date} lies within this period (both ends included) */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
