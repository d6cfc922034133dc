package org.zhurnal.timetable.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.Person;
import org.zhurnal.roster.api.PersonKind;
import org.zhurnal.roster.api.RosterQuery;
import org.zhurnal.roster.api.SchoolClass;
import org.zhurnal.timetable.api.TimetableEntry;

/**
 * The rules a new template entry must satisfy before the conflict check, shared by the single create and the
 * CSV import. Pure: what it needs to know about the school comes through {@link Facts}. Violations name the
 * JSON field of {@link TimetableServiceImpl.NewEntry}; the import maps them to its columns.
 */
public final class EntryValidation {
    private EntryValidation() {
    }

    /** What validation reads about the school; implementations may memoise (one import asks many times). */
    public interface Facts {
        /** @return the school's academic year {@code year} from its calendar */
        Optional<AcademicYear> year(int year);

        /** @return the class with that id, of any school */
        Optional<SchoolClass> schoolClass(String classId);

        /** @return the school's groups of the academic year */
        List<Group> groups(int year);

        /** @return the person with that id, of any school */
        Optional<Person> person(String personId);
    }

    /**
     * The outcome: the entry to save (with a new id, trimmed fields, weeks upper-cased), or the violations.
     *
     * @param entry the candidate, or {@code null} when there are violations
     * @param violations every rule broken, by JSON field
     */
    public record Result(TimetableEntry entry, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /** Checks {@code n} for the school; never throws for bad input. */
    public static Result validate(String schoolId, TimetableServiceImpl.NewEntry n, Facts facts) {
        List<Violation> v = new ArrayList<>();
        int year = n.academicYear() != null ? n.academicYear() : n.validFrom() != null ? RosterQuery.academicYearOf(n.validFrom()) : 0;
        Optional<AcademicYear> cal = facts.year(year);
        if (cal.isEmpty()) {
            v.add(new Violation(n.academicYear() != null ? "academicYear" : "validFrom",
                    Text.of("The school has no academic year " + year + "/" + (year + 1) + " in its calendar",
                            "В календаре школы нет " + year + "/" + (year + 1) + " учебного года")));
        }
        if ((n.classId() == null) == (n.groupId() == null)) {
            v.add(new Violation("classId", Text.of("Exactly one of classId and groupId is given",
                    "Укажите либо класс, либо группу — что-то одно")));
        } else if (n.classId() != null) {
            boolean ok = facts.schoolClass(n.classId()).map(c -> schoolId.equals(c.schoolId()) && c.academicYear() == year).orElse(false);
            if (!ok) {
                v.add(new Violation("classId", Text.of("classId is a class of this school in " + year + "/" + (year + 1),
                        "Нужен класс этой школы в " + year + "/" + (year + 1) + " учебном году")));
            }
        } else if (facts.groups(year).stream().noneMatch(g -> g.id().equals(n.groupId()))) {
            v.add(new Violation("groupId", Text.of("groupId is a group of this school in " + year + "/" + (year + 1),
                    "Нужна группа этой школы в " + year + "/" + (year + 1) + " учебном году")));
        }
        String subject = n.subject() == null ? "" : n.subject().trim();
        if (subject.isEmpty() || subject.length() > 100) {
            v.add(new Violation("subject", Text.of("subject is required, at most 100 characters",
                    "Укажите предмет (не длиннее 100 символов)")));
        }
        Person teacher = n.teacherId() == null ? null : facts.person(n.teacherId()).orElse(null);
        if (teacher == null || teacher.kind() != PersonKind.STAFF || !schoolId.equals(teacher.schoolId())) {
            v.add(new Violation("teacherId", Text.of("teacherId is a staff member of this school",
                    "Учитель должен быть сотрудником этой школы")));
        }
        String room = n.room() == null || n.room().isBlank() ? null : n.room().trim();
        if (room != null && room.length() > 50) {
            v.add(new Violation("room", Text.of("room is at most 50 characters", "Кабинет — не длиннее 50 символов")));
        }
        if (n.weekday() == null) {
            v.add(new Violation("weekday", Text.of("weekday is required (MONDAY … SATURDAY)",
                    "Укажите день недели (понедельник … суббота)")));
        } else if (cal.isPresent() && n.weekday().getValue() > cal.get().workingDays()) {
            int days = cal.get().workingDays();
            v.add(new Violation("weekday", Text.of("The school works " + days + " days a week; " + n.weekday() + " is not one of them",
                    "Школа работает " + days + " " + Messages.days(days) + " в неделю; " + Messages.weekday(n.weekday())
                            + " — не учебный день")));
        }
        if (n.lessonNumber() == null || n.lessonNumber() < 1 || n.lessonNumber() > TimetableRules.MAX_LESSON) {
            v.add(new Violation("lessonNumber", Text.of("lessonNumber is 1 to " + TimetableRules.MAX_LESSON,
                    "Номер урока — от 1 до " + TimetableRules.MAX_LESSON)));
        }
        if (n.validFrom() == null) {
            v.add(new Violation("validFrom", Text.of("validFrom is required", "Укажите дату «Действует с»")));
        } else if (cal.isPresent() && (n.validFrom().isBefore(cal.get().start()) || n.validFrom().isAfter(cal.get().end()))) {
            v.add(new Violation("validFrom", Text.of("validFrom lies within the academic year, " + cal.get().start() + " to " + cal.get().end(),
                    "Дата «Действует с» должна быть в пределах учебного года: с " + Text.date(cal.get().start()) + " по "
                            + Text.date(cal.get().end()))));
        } else if (n.validTo() != null && n.validTo().isBefore(n.validFrom())) {
            v.add(new Violation("validTo", Text.of("validTo is not before validFrom",
                    "Дата «Действует по» не может быть раньше даты «Действует с»")));
        }
        String weeks = n.weeks() == null ? "ALL" : n.weeks().toUpperCase(Locale.ROOT);
        if (!TimetableRules.WEEKS.contains(weeks)) {
            v.add(new Violation("weeks", Text.of("weeks is ALL, ODD or EVEN", "Недели: все (ALL), нечётные (ODD) или чётные (EVEN)")));
        }
        if (!v.isEmpty()) {
            return new Result(null, List.copyOf(v));
        }
        return new Result(new TimetableEntry(UUID.randomUUID().toString(), schoolId, year, n.classId(), n.groupId(), subject, n.teacherId(),
                room, n.weekday(), n.lessonNumber(), n.validFrom(), n.validTo(), weeks), List.of());
    }

    /**
     * @return whether two entries describe the same lesson: same class or group, subject, teacher, room (ignoring
     *         case), weekday, lesson number, first day, last day and weeks. Re-importing such an entry changes nothing.
     */
    public static boolean sameLesson(TimetableEntry a, TimetableEntry b) {
        return java.util.Objects.equals(a.classId(), b.classId()) && java.util.Objects.equals(a.groupId(), b.groupId())
                && a.subject().equals(b.subject()) && a.teacherId().equals(b.teacherId())
                && (a.room() == null ? b.room() == null : b.room() != null && a.room().equalsIgnoreCase(b.room()))
                && a.weekday() == b.weekday() && a.lessonNumber() == b.lessonNumber() && a.validFrom().equals(b.validFrom())
                && java.util.Objects.equals(a.validTo(), b.validTo()) && a.weeks().equals(b.weeks());
    }
}
