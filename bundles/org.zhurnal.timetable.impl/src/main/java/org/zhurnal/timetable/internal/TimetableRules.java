package org.zhurnal.timetable.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.zhurnal.bells.api.BellPeriod;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.api.BellsQuery;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.GroupKind;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.LessonChange;
import org.zhurnal.timetable.api.TimetableEntry;

/** The timetable's pure rules: week parity, conflicts between template entries, lesson occurrences. */
public final class TimetableRules {
    public static final Set<String> WEEKS = Set.of("ALL", "ODD", "EVEN");
    public static final int MAX_RANGE_DAYS = 370;
    public static final int MAX_LESSON = 12;

    private TimetableRules() {
    }

    /** @return whether an entry of {@code weeks} applies in the ISO week of {@code date} */
    public static boolean parityMatches(String weeks, LocalDate date) {
        if (weeks == null || "ALL".equals(weeks)) {
            return true;
        }
        boolean odd = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 2 == 1;
        return "ODD".equals(weeks) == odd;
    }

    /** @return whether two parities can fall in the same week */
    static boolean paritiesMeet(String a, String b) {
        return a == null || b == null || "ALL".equals(a) || "ALL".equals(b) || a.equals(b);
    }

    /** @return whether two validity spans share at least one day */
    static boolean validityOverlaps(TimetableEntry a, TimetableEntry b) {
        boolean aEndsBeforeB = a.validTo() != null && a.validTo().isBefore(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && b.validTo().isBefore(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    /** The class an entry occupies: its own class, or the class of a subgroup; {@code null} for other groups. */
    static String occupiedClass(TimetableEntry e, Function<String, Group> groups) {
        if (e.classId() != null) {
            return e.classId();
        }
        Group g = e.groupId() == null ? null : groups.apply(e.groupId());
        return g != null && g.kind() == GroupKind.SUBGROUP ? g.classId() : null;
    }

    private static boolean isSubgroup(TimetableEntry e, Function<String, Group> groups) {
        Group g = e.groupId() == null ? null : groups.apply(e.groupId());
        return g != null && g.kind() == GroupKind.SUBGROUP;
    }

    /**
     * @return the first of {@code existing} that clashes with {@code candidate}: same weekday and lesson, an
     *         overlapping validity and week parity, and the same teacher, the same room, the same group, or the
     *         same class (different subgroups of one class may run in parallel, not with a whole-class lesson)
     */
    public static Optional<TimetableEntry> conflict(TimetableEntry candidate, List<TimetableEntry> existing, Function<String, Group> groups) {
        for (TimetableEntry e : existing) {
            if (Objects.equals(e.id(), candidate.id()) || e.weekday() != candidate.weekday() || e.lessonNumber() != candidate.lessonNumber()
                    || !validityOverlaps(e, candidate) || !paritiesMeet(e.weeks(), candidate.weeks())) {
                continue;
            }
            if (e.teacherId().equals(candidate.teacherId())) {
                return Optional.of(e);
            }
            if (candidate.room() != null && e.room() != null && candidate.room().trim().equalsIgnoreCase(e.room().trim())) {
                return Optional.of(e);
            }
            if (candidate.groupId() != null && candidate.groupId().equals(e.groupId())) {
                return Optional.of(e);
            }
            String a = occupiedClass(candidate, groups);
            String b = occupiedClass(e, groups);
            if (a != null && a.equals(b) && !(isSubgroup(candidate, groups) && isSubgroup(e, groups))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** @return how an entry is named in messages: subject, class/group, weekday and lesson */
    static String describe(TimetableEntry e, Function<String, String> classOrGroupName) {
        String who = e.classId() != null ? "class " + classOrGroupName.apply(e.classId()) : "group " + classOrGroupName.apply(e.groupId());
        return "«" + e.subject() + "» (" + who + ", " + e.weekday() + ", lesson " + e.lessonNumber()
                + (e.room() == null ? "" : ", room " + e.room()) + ", from " + e.validFrom() + (e.validTo() == null ? "" : " to " + e.validTo())
                + (e.weeks() == null || "ALL".equals(e.weeks()) ? "" : ", " + e.weeks() + " weeks") + ", id " + e.id() + ")";
    }

    /** @return {@link #describe} in Russian: «Математика» (5А, понедельник, 1-й урок, кабинет 12, с 01.09.2026) */
    static String describeRu(TimetableEntry e, Function<String, String> classOrGroupName) {
        String who = e.classId() != null ? classOrGroupName.apply(e.classId()) : "группа «" + classOrGroupName.apply(e.groupId()) + "»";
        return "«" + e.subject() + "» (" + who + ", " + Messages.weekday(e.weekday()) + ", " + Messages.lesson(e.lessonNumber())
                + (e.room() == null ? "" : ", кабинет " + e.room()) + ", с " + Text.date(e.validFrom())
                + (e.validTo() == null ? "" : " по " + Text.date(e.validTo()))
                + ("ODD".equals(e.weeks()) ? ", по нечётным неделям" : "EVEN".equals(e.weeks()) ? ", по чётным неделям" : "") + ")";
    }

    /**
     * @return the lesson as {@code change} leaves it: cancelled, or given by the substitute and/or in the new
     *         room; a restored lesson (kind NONE) is as planned but keeps the revision
     */
    public static Lesson withChange(Lesson l, LessonChange change) {
        if (change == null) {
            return l;
        }
        return switch (change.kind()) {
            case LessonChange.CANCELLATION -> new Lesson(l.occurrenceId(), l.entryId(), l.date(), l.lessonNumber(), l.start(), l.end(),
                    l.subject(), l.classId(), l.groupId(), l.regularTeacherId(), l.room(), Lesson.CANCELLED, l.regularTeacherId(),
                    change.reason(), change.revision());
            case LessonChange.SUBSTITUTION -> new Lesson(l.occurrenceId(), l.entryId(), l.date(), l.lessonNumber(), l.start(), l.end(),
                    l.subject(), l.classId(), l.groupId(), change.substituteTeacherId() != null ? change.substituteTeacherId() : l.regularTeacherId(),
                    change.room() != null ? change.room() : l.room(), Lesson.SUBSTITUTED, l.regularTeacherId(), change.reason(),
                    change.revision());
            default -> new Lesson(l.occurrenceId(), l.entryId(), l.date(), l.lessonNumber(), l.start(), l.end(), l.subject(), l.classId(),
                    l.groupId(), l.regularTeacherId(), l.room(), Lesson.SCHEDULED, l.regularTeacherId(), null, change.revision());
        };
    }

    /** Checks a date range: both given, ordered, at most {@link #MAX_RANGE_DAYS} days (else 400). */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from == null) {
            throw ProblemException.invalid("from", Text.of("from is required (yyyy-MM-dd)", "Укажите начальную дату"));
        }
        if (to == null) {
            throw ProblemException.invalid("to", Text.of("to is required (yyyy-MM-dd)", "Укажите конечную дату"));
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", Text.of("to is not before from", "Конечная дата не может быть раньше начальной"));
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
            throw ProblemException.invalid("to", Text.of("At most " + MAX_RANGE_DAYS + " days at once",
                    "Диапазон дат — не больше " + MAX_RANGE_DAYS + " дн. за один раз"));
        }
    }

    /**
     * The lessons of {@code entries} (all of one school) from {@code from} to {@code to}. On each date the
     * calendar tells which weekday's timetable the entry's grade follows (none on holidays; a transferred day
     * follows the given weekday); entries valid on that date, of that weekday and week parity, and accepted by
     * {@code applies} take their times from that date's bell schedule (the bells are asked once for the whole
     * range, when the first lesson needs them); a lesson number missing from it is dropped.
     *
     * @param gradeOf the grade whose calendar an entry follows
     * @param applies whether an entry concerns the subject on a date (e.g. the student is in that class then)
     * @param changes the day's changes by occurrence id (see {@link #withChange})
     */
    public static List<Lesson> occurrences(CalendarQuery calendar, BellsQuery bells, String schoolId, List<TimetableEntry> entries,
            LocalDate from, LocalDate to, Function<TimetableEntry, Integer> gradeOf, BiPredicate<TimetableEntry, LocalDate> applies,
            Map<String, LessonChange> changes) {
        return occurrences(rangeDays(calendar, schoolId, from, to), bells, schoolId, entries, from, to, gradeOf, applies, changes);
    }

    /** Which weekday's timetable a grade follows on a date (see {@link CalendarQuery#timetableDay}). */
    @FunctionalInterface
    public interface TimetableDays {
        Optional<DayOfWeek> of(int grade, LocalDate date);
    }

    /**
     * The calendar's answers for one range with one call per grade ({@link CalendarQuery#timetableDays}), made
     * when the grade first asks. Not thread-safe: one per request.
     */
    public static TimetableDays rangeDays(CalendarQuery calendar, String schoolId, LocalDate from, LocalDate to) {
        Map<Integer, Map<LocalDate, DayOfWeek>> byGrade = new HashMap<>();
        return (grade, date) -> Optional.ofNullable(byGrade.computeIfAbsent(grade, g -> calendar.timetableDays(schoolId, g, from, to)).get(date));
    }

    /** As {@link #occurrences(CalendarQuery, BellsQuery, String, List, LocalDate, LocalDate, Function, BiPredicate, Map)}. */
    public static List<Lesson> occurrences(TimetableDays timetableDays, BellsQuery bells, String schoolId, List<TimetableEntry> entries,
            LocalDate from, LocalDate to, Function<TimetableEntry, Integer> gradeOf, BiPredicate<TimetableEntry, LocalDate> applies,
            Map<String, LessonChange> changes) {
        checkRange(from, to);
        List<Lesson> out = new ArrayList<>();
        if (entries.isEmpty()) {
            return out;
        }
        Map<TimetableEntry, Integer> grades = new HashMap<>();
        for (TimetableEntry e : entries) {
            grades.put(e, gradeOf.apply(e));
        }
        Map<LocalDate, BellSchedule> schedules = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate date = d;
            List<TimetableEntry> valid = entries.stream().filter(e -> e.validOn(date) && parityMatches(e.weeks(), date)).toList();
            if (valid.isEmpty()) {
                continue;
            }
            Map<Integer, Optional<DayOfWeek>> days = new HashMap<>();
            Map<Integer, BellPeriod> periods = null;
            for (TimetableEntry e : valid) {
                int grade = grades.get(e);
                Optional<DayOfWeek> day = days.computeIfAbsent(grade, g -> timetableDays.of(g, date));
                if (day.isEmpty() || day.get() != e.weekday() || !applies.test(e, date)) {
                    continue;
                }
                if (periods == null) {
                    if (schedules == null) {
                        schedules = bells.schedulesFor(schoolId, from, to);
                    }
                    periods = new HashMap<>();
                    BellSchedule schedule = schedules.get(date);
                    for (BellPeriod bp : schedule == null ? List.<BellPeriod>of() : schedule.periods()) {
                        periods.put(bp.number(), bp);
                    }
                }
                BellPeriod bp = periods.get(e.lessonNumber());
                if (bp == null) {
                    continue;
                }
                String occurrenceId = Lesson.occurrenceId(e.id(), date);
                out.add(withChange(new Lesson(occurrenceId, e.id(), date, e.lessonNumber(), bp.start(), bp.end(), e.subject(), e.classId(),
                        e.groupId(), e.teacherId(), e.room(), Lesson.SCHEDULED, e.teacherId(), null, 0), changes.get(occurrenceId)));
            }
        }
        out.sort(Comparator.comparing(Lesson::date).thenComparingInt(Lesson::lessonNumber).thenComparing(Lesson::subject)
                .thenComparing(Lesson::entryId));
        return out;
    }
}
