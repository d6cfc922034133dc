package org.zhurnal.timetable.spi;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module that keeps records on lesson occurrences (the gradebook: a lesson's topic, attendance, marks). The timetable
 * asks every such service (whiteboard; any number) before it cancels a lesson or ends a weekly entry from a date on, and
 * refuses the change (409) when one of the lessons it would remove already has records: they would stay without their
 * lesson — counting in averages and showing in the diary, but no longer editable.
 */
@ConsumerType
public interface LessonRecords {
    /**
     * @param entryId the weekly timetable entry
     * @param from the first day looked at
     * @param to the last day looked at (inclusive)
     * @return the dates from {@code from} to {@code to} on which a lesson of the entry has records here, ascending
     */
    List<LocalDate> recordedDates(String entryId, LocalDate from, LocalDate to);

    /** @return what the records are, for the refusal's message, e.g. «записи журнала» or "journal entries" */
    String what();
}
