package org.zhurnal.diary.api;

import java.time.LocalDate;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The family's view of a student. Marks hidden from the family never appear in anything returned here. No
 * authorization is applied: callers check access through {@link org.zhurnal.core.api.security.Authorization}.
 * <p>Thread-safe.
 */
@ProviderType
public interface DiaryQuery {

    /**
     * @param day any day of the wanted week
     * @return the student's week from Monday to Sunday (days without lessons included, so holidays show), or empty
     *         when the student is unknown
     */
    Optional<DiaryWeek> week(String studentId, LocalDate day);

    /**
     * @param day any day of the wanted reporting period
     * @return per subject the period's marks, weighted average and forecast, with the confirmed grades; empty when
     *         the student is unknown or no reporting period contains {@code day}
     */
    Optional<DiaryPeriod> period(String studentId, LocalDate day);

    /**
     * @param studentIds the students (e.g. a class's)
     * @return for each of them, whether the family opened the diary, got a delivered notification or a handed-over
     *         printout from {@code from} to {@code to} (both included), in the order given
     */
    java.util.List<FamilyReach> reach(java.util.Collection<String> studentIds, LocalDate from, LocalDate to);
}
