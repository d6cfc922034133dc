package org.zhurnal.timetable.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The lessons that actually take place, for other modules (gradebook, diary). No authorization is applied
 * here: callers check access through {@link org.zhurnal.core.api.security.Authorization} themselves.
 * Ranges are limited to 370 days (a {@link org.zhurnal.core.api.ProblemException} 400 beyond). Cancelled
 * lessons are included with status {@link Lesson#CANCELLED}; substituted ones carry the substitute as teacher.
 * <p>Thread-safe.
 */
@ProviderType
public interface TimetableQuery {

    /** @return the lessons of the class from {@code from} to {@code to} (both included), including its groups' lessons, by date and number */
    List<Lesson> forClass(String classId, LocalDate from, LocalDate to);

    /** @return the lessons of the group, by date and number */
    List<Lesson> forGroup(String groupId, LocalDate from, LocalDate to);

    /**
     * @return the lessons the teacher gives, by date and number: their own (cancelled ones included) and the
     *         ones they substitute; not the ones another teacher substitutes for them
     */
    List<Lesson> forTeacher(String teacherId, LocalDate from, LocalDate to);

    /** @return the lessons of the student's class and groups on each date, by date and number */
    List<Lesson> forStudent(String studentId, LocalDate from, LocalDate to);

    /**
     * All lessons of the school: every class's and group's, cancelled ones included, by date and number. Meant for
     * whole-school views and exports (a school year of ~35 classes is ~35,000 lessons); at most 370 days.
     *
     * @return the lessons of every entry of the school from {@code from} to {@code to} (both included); empty for an
     *         unknown school
     * @since 1.1
     */
    List<Lesson> forSchool(String schoolId, LocalDate from, LocalDate to);

    /** @return the lessons held in the school's room (compared ignoring case), by date and number */
    List<Lesson> forRoom(String schoolId, String room, LocalDate from, LocalDate to);

    /**
     * @param occurrenceId {@code entryId:yyyy-MM-dd}
     * @return the lesson, if the entry has one on that date (cancelled included)
     */
    Optional<Lesson> lesson(String occurrenceId);

    /** @return the school's lesson changes with dates from {@code from} to {@code to}, by date */
    List<LessonChange> changes(String schoolId, LocalDate from, LocalDate to);
}
