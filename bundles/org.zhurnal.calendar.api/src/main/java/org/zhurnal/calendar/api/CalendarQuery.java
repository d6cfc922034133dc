package org.zhurnal.calendar.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only access to the school calendar for other modules (timetable, gradebook, diary). No
 * authorization is applied here: callers check access through
 * {@link org.zhurnal.core.api.security.Authorization} themselves.
 * <p>Thread-safe.
 */
@ProviderType
public interface CalendarQuery {

    /** @return the school's academic year that starts in {@code year} (2026 = 2026/2027) */
    Optional<AcademicYear> year(String schoolId, int year);

    /** @return the school's academic year that contains {@code date} */
    Optional<AcademicYear> yearOf(String schoolId, LocalDate date);

    /** @return the reporting periods of {@code grade} in the school's academic year {@code year}, by start date */
    List<ReportingPeriod> periods(String schoolId, int year, int grade);

    /** @return the reporting period of {@code grade} that contains {@code date}, with its state as stored now */
    Optional<ReportingPeriod> periodOf(String schoolId, int grade, LocalDate date);

    /**
     * @return the weekday whose timetable applies to {@code grade} on {@code date}; empty when it is not a
     *         school day (outside the academic year, a weekend beyond the working week, a holiday or vacation
     *         covering the grade). A {@link DayTransfer} on that date overrides all of these within the year.
     */
    Optional<DayOfWeek> timetableDay(String schoolId, int grade, LocalDate date);

    /** @return the school days of {@code grade} from {@code from} to {@code to} (both included), ascending */
    List<LocalDate> schoolDays(String schoolId, int grade, LocalDate from, LocalDate to);

    /**
     * The timetable weekday of every school day of {@code grade} in a range, read at once: for each date the same
     * answer as {@link #timetableDay(String, int, LocalDate)} (a transferred working day maps to the weekday
     * whose timetable it follows).
     *
     * @param schoolId the school
     * @param grade the grade whose days off apply
     * @param from the first date (included)
     * @param to the last date (included), at most 400 days after {@code from}
     * @return date → weekday, ascending; the keys are {@link #schoolDays(String, int, LocalDate, LocalDate)},
     *         dates without lessons are absent; empty when a bound is {@code null} or {@code to} is before
     *         {@code from}; never {@code null}
     * @throws IllegalArgumentException when the range is longer than 400 days
     * @since 1.2
     */
    SortedMap<LocalDate, DayOfWeek> timetableDays(String schoolId, int grade, LocalDate from, LocalDate to);

    /**
     * @return the holidays and vacations of the school that free {@code grade} on some day from {@code from} to
     *         {@code to} (both included), by start; empty when a bound is {@code null}
     * @since 1.3
     */
    List<DayOff> daysOff(String schoolId, int grade, LocalDate from, LocalDate to);

    /**
     * @return the reporting period with this id
     * @since 1.1
     */
    Optional<ReportingPeriod> period(String periodId);

    /** @return whether the reporting period is closed; {@code false} for an unknown id */
    boolean isClosed(String periodId);
}
