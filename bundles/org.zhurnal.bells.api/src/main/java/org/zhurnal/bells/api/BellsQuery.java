package org.zhurnal.bells.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only access to the bell schedules for other modules (timetable, diary). No authorization is
 * applied here: callers check access through {@link org.zhurnal.core.api.security.Authorization} themselves.
 * <p>Thread-safe.
 */
@ProviderType
public interface BellsQuery {

    /** @return the school's bell schedules, by name */
    List<BellSchedule> schedules(String schoolId);

    /**
     * @return the schedule that applies on {@code date}: the date's override if there is one (e.g. a
     *         shortened day), else the schedule assigned to the date's weekday if it is valid on that date
     */
    Optional<BellSchedule> scheduleFor(String schoolId, LocalDate date);

    /**
     * The schedule of every date in a range, read at once (the school's schedules, weekday assignments and the
     * range's overrides): for each date the same answer as {@link #scheduleFor(String, LocalDate)}.
     *
     * @param schoolId the school
     * @param from the first date (included)
     * @param to the last date (included), at most 400 days after {@code from}
     * @return date → schedule, ascending; a date without a schedule (e.g. a Sunday without an override, a
     *         weekday without an assignment or whose schedule is not valid then) is absent; empty when an
     *         argument is {@code null} or {@code to} is before {@code from}; never {@code null}
     * @throws IllegalArgumentException when the range is longer than 400 days
     * @since 1.1
     */
    SortedMap<LocalDate, BellSchedule> schedulesFor(String schoolId, LocalDate from, LocalDate to);
}
