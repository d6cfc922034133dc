package org.zhurnal.bells.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
}
