package org.zhurnal.calendar.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A public holiday or a vacation: no lessons from {@code start} to {@code end}.
 *
 * @param id the id (UUID)
 * @param yearId the academic year
 * @param kind {@code HOLIDAY} or {@code VACATION}
 * @param name e.g. «Осенние каникулы»
 * @param start first free day
 * @param end last free day
 * @param grades the grades it applies to; empty = all grades (e.g. the additional February vacation of
 *        the 1st grade lists only 1)
 */
public record DayOff(String id, String yearId, String kind, String name, LocalDate start, LocalDate end, List<Integer> grades) {

    public DayOff {
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /** @return whether this day off frees {@code grade} on {@code date} */
    public boolean covers(int grade, LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end) && (grades.isEmpty() || grades.contains(grade));
    }
}
