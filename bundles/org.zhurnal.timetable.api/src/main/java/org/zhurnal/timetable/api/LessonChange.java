package org.zhurnal.timetable.api;

import java.time.LocalDate;

/**
 * A change of one lesson on one date: a substitution (another teacher and/or room) or a cancellation.
 * There is at most one per occurrence; changing it again bumps {@code revision}; kind {@link #NONE} means
 * the lesson was restored as planned.
 *
 * @param id the change's id
 * @param schoolId the school
 * @param entryId the template entry
 * @param date the lesson's date
 * @param kind {@link #SUBSTITUTION}, {@link #CANCELLATION} or {@link #NONE}
 * @param substituteTeacherId the teacher who gives the lesson instead, or {@code null}
 * @param room the room the lesson moves to, or {@code null}
 * @param reason why
 * @param revision 1 on the first change, +1 on each later one
 */
public record LessonChange(String id, String schoolId, String entryId, LocalDate date, String kind, String substituteTeacherId, String room,
        String reason, int revision) {
    public static final String SUBSTITUTION = "SUBSTITUTION";
    public static final String CANCELLATION = "CANCELLATION";
    public static final String NONE = "NONE";

    /** @return the occurrence this change applies to */
    public String occurrenceId() {
        return Lesson.occurrenceId(entryId, date);
    }
}
