package org.zhurnal.gradebook.api;

/**
 * Types of the domain events the gradebook publishes through {@link org.zhurnal.core.api.event.DomainEvents},
 * in the same transaction as the change. Payloads are the DTOs named below.
 */
public final class GradebookEvents {
    /** A mark was recorded; payload: {@link Mark}. */
    public static final String MARK_RECORDED = "gradebook.mark.recorded";
    /** A mark was changed or deleted; payload: {@link Mark} after the change ({@code deleted} set on deletion). */
    public static final String MARK_CHANGED = "gradebook.mark.changed";
    /** A student was recorded absent or late; payload: {@link Attendance}. */
    public static final String ABSENCE_RECORDED = "gradebook.absence.recorded";
    /** Homework was posted or changed; payload: {@link JournalLesson}. */
    public static final String HOMEWORK_POSTED = "gradebook.homework.posted";
    /** A period, year, exam or final grade was confirmed; payload: {@link FinalGrade}. */
    public static final String FINAL_CONFIRMED = "gradebook.final.confirmed";

    private GradebookEvents() {
    }
}
