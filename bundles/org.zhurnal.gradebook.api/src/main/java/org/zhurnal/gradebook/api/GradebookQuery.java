package org.zhurnal.gradebook.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only access to the journal for other modules (diary, reporting). No authorization is applied here:
 * callers check access through {@link org.zhurnal.core.api.security.Authorization} themselves.
 * <p>Thread-safe.
 */
@ProviderType
public interface GradebookQuery {

    /** @return the installed grading schemes, by id */
    List<SchemeInfo> schemes();

    /** @return what the journal holds for these lessons (lessons never entered are absent), in no particular order */
    List<JournalLesson> lessons(List<String> occurrenceIds);

    /**
     * @param familyView {@code true} to leave out the marks not visible to the family
     * @return the student's marks with lesson dates from {@code from} to {@code to}, by lesson date and time recorded
     */
    List<Mark> marksOfStudent(String studentId, LocalDate from, LocalDate to, boolean familyView);

    /** @return the student's absences and lateness with lesson dates from {@code from} to {@code to}, by date */
    List<Attendance> attendanceOfStudent(String studentId, LocalDate from, LocalDate to);

    /**
     * The period standing computed by the scheme in force for the student's class (the gradebook's suggestion
     * and the diary's forecast).
     *
     * @param familyView {@code true} to leave out marks not visible to the family (the forecast then uses only those)
     * @return the forecast, or empty when the period or student is unknown
     */
    Optional<Forecast> forecast(String studentId, String subject, String periodId, boolean familyView);

    /** @return the student's confirmed grades in the academic year, by subject and kind */
    List<FinalGrade> finalsOfStudent(String studentId, int academicYear);

    /**
     * @return the timeliness of every lesson of the school held from {@code from} to {@code to} (not
     *         cancelled; today's lessons and later ones, whose day is not over, are left out), by date
     */
    List<LessonTimeliness> timeliness(String schoolId, LocalDate from, LocalDate to);

    /**
     * The deadlines {@link #timeliness} judges by, as configured now: the topic and attendance are due on the lesson's
     * day, homework within {@code homeworkHours} after the class's last lesson of the day, marks within {@code markDays}
     * after the work's date.
     *
     * @since 1.3
     */
    Deadlines deadlines();

    /**
     * The timeliness deadlines in force.
     *
     * @param homeworkHours hours after the class's last lesson of the day by which its homework is entered
     * @param markDays days after the work's date within which its marks are entered
     * @since 1.3
     */
    record Deadlines(int homeworkHours, int markDays) {
    }

    /** @return the school's attendance reference book */
    List<AbsenceCode> absenceCodes(String schoolId);

    /**
     * Every confirmed grade of a school's students in an academic year, read at once (one query): the bulk form of
     * {@link #finalsOfStudent(String, int)} for whole-class and whole-school reports.
     *
     * @param schoolId the school
     * @param academicYear the academic year (2026 = 2026/2027)
     * @return the grades, by student, subject, kind and period; empty for an unknown school; never {@code null}
     * @since 1.1
     */
    List<FinalGrade> finalsOfSchool(String schoolId, int academicYear);

    /**
     * Every absence and lateness recorded in a school with lesson dates from {@code from} to {@code to}, read at
     * once (one query): the bulk form of {@link #attendanceOfStudent(String, LocalDate, LocalDate)}.
     *
     * @return the records, by date and student; empty for an unknown school, a {@code null} argument or
     *         {@code to} before {@code from}; never {@code null}
     * @since 1.1
     */
    List<Attendance> attendanceOfSchool(String schoolId, LocalDate from, LocalDate to);

    /**
     * What a final grade (period, year, exam or final) means in its grading scheme: whether it passes and its
     * five-point equivalent, as the scheme's plug-in says — so that reports never compare grade strings.
     *
     * @param schemeId the scheme the value was given in (e.g. {@link FinalGrade#schemeId()})
     * @param value the value as stored
     * @return the meaning, or empty when the scheme is not installed now or the value is not one of its final grades
     * @since 1.1
     */
    Optional<GradeMeaning> interpret(String schemeId, String value);
}
