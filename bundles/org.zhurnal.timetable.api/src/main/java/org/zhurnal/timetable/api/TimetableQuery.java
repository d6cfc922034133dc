package org.zhurnal.timetable.api;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The lessons that actually take place, for other modules (gradebook, diary). No authorization is applied
 * here: callers check access through {@link org.zhurnal.core.api.security.Authorization} themselves.
 * Ranges are limited to 370 days (a {@link org.zhurnal.core.api.ProblemException} 400 beyond).
 * <p>Thread-safe.
 */
@ProviderType
public interface TimetableQuery {

    /** @return the lessons of the class from {@code from} to {@code to} (both included), including its groups' lessons, by date and number */
    List<Lesson> forClass(String classId, LocalDate from, LocalDate to);

    /** @return the lessons of the group, by date and number */
    List<Lesson> forGroup(String groupId, LocalDate from, LocalDate to);

    /** @return the lessons the teacher gives, by date and number */
    List<Lesson> forTeacher(String teacherId, LocalDate from, LocalDate to);

    /** @return the lessons of the student's class and groups on each date, by date and number */
    List<Lesson> forStudent(String studentId, LocalDate from, LocalDate to);
}
