package org.zhurnal.report.timeliness.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.zhurnal.gradebook.api.LessonTimeliness;

/**
 * The control reports' arithmetic as pure functions (unit-tested without a framework): per-teacher counts of the
 * journal's timeliness, the violations, percentages and the ranking of schools.
 */
public final class Shares {
    private Shares() {
    }

    /**
     * One teacher's (or the school's) timeliness.
     *
     * @param teacherId the teacher, or {@code null} for a total
     * @param lessons lessons held (not cancelled, not recorded as not held)
     * @param onDay of them, with topic AND attendance recorded on the day
     * @param homeworkLate of them, with homework not recorded by the deadline (late or never)
     * @param lateMarks marks recorded later than the limit
     */
    public record TeacherStats(String teacherId, int lessons, int onDay, int homeworkLate, int lateMarks) {
        /** @return the share recorded on the day in percent (one decimal), or {@code null} when no lesson was held */
        public BigDecimal share() {
            return percent(onDay, lessons);
        }
    }

    /** What was late on one lesson. */
    /** What missed its deadline: recorded late (TOPIC, ATTENDANCE, HOMEWORK, MARKS) or not recorded at all (…_MISSING). */
    public enum Late { TOPIC, TOPIC_MISSING, ATTENDANCE, ATTENDANCE_MISSING, HOMEWORK, HOMEWORK_MISSING, MARKS }

    /**
     * A lesson whose entries missed a deadline: the drill-down.
     *
     * @param lesson the lesson's timeliness
     * @param late what was late, in the order of {@link Late}
     */
    public record Violation(LessonTimeliness lesson, List<Late> late) {
    }

    /** @return {@code part / whole} in percent, half-up to one decimal; {@code null} when {@code whole} is 0 */
    public static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** @return whether the lesson's topic and attendance were both recorded on the day */
    public static boolean onDay(LessonTimeliness l) {
        return l.topicOnTime() && l.attendanceOnTime();
    }

    /** @return per teacher, ordered by {@code nameOf} of the teacher (lessons without a teacher under {@code null}) */
    public static List<TeacherStats> byTeacher(List<LessonTimeliness> lessons, Function<String, String> nameOf) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (LessonTimeliness l : lessons) {
            int[] c = counts.computeIfAbsent(l.teacherId(), k -> new int[4]);
            add(c, l);
        }
        List<TeacherStats> out = new ArrayList<>();
        counts.forEach((t, c) -> out.add(new TeacherStats(t, c[0], c[1], c[2], c[3])));
        out.sort(Comparator.comparing((TeacherStats s) -> s.teacherId() == null ? "\uffff" : nameOf.apply(s.teacherId()),
                Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /** @return the counts over all lessons */
    public static TeacherStats total(List<LessonTimeliness> lessons) {
        int[] c = new int[4];
        lessons.forEach(l -> add(c, l));
        return new TeacherStats(null, c[0], c[1], c[2], c[3]);
    }

    private static void add(int[] c, LessonTimeliness l) {
        c[0]++;
        c[1] += onDay(l) ? 1 : 0;
        c[2] += l.homeworkOnTime() ? 0 : 1;
        c[3] += l.lateMarks();
    }

    /** @return the lessons that missed any deadline, by date (as given) */
    public static List<Violation> violations(List<LessonTimeliness> lessons) {
        List<Violation> out = new ArrayList<>();
        for (LessonTimeliness l : lessons) {
            List<Late> late = new ArrayList<>();
            if (!l.topicOnTime()) {
                late.add(l.topicRecorded() ? Late.TOPIC : Late.TOPIC_MISSING);
            }
            if (!l.attendanceOnTime()) {
                late.add(l.attendanceRecorded() ? Late.ATTENDANCE : Late.ATTENDANCE_MISSING);
            }
            if (!l.homeworkOnTime()) {
                late.add(l.homeworkRecorded() ? Late.HOMEWORK : Late.HOMEWORK_MISSING);
            }
            if (l.lateMarks() > 0) {
                late.add(Late.MARKS);
            }
            if (!late.isEmpty()) {
                out.add(new Violation(l, List.copyOf(late)));
            }
        }
        return out;
    }

    /**
     * @return what was late and what is missing, in words: «с опозданием: тема, посещаемость; не записано: домашнее
     *         задание; оценки с опозданием: 2»
     */
    public static String describe(Violation v, boolean en) {
        List<String> late = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Late l : v.late()) {
            switch (l) {
                case TOPIC -> late.add(en ? "topic" : "тема");
                case TOPIC_MISSING -> missing.add(en ? "topic" : "тема");
                case ATTENDANCE -> late.add(en ? "attendance" : "посещаемость");
                case ATTENDANCE_MISSING -> missing.add(en ? "attendance" : "посещаемость");
                case HOMEWORK -> late.add(en ? "homework" : "домашнее задание");
                case HOMEWORK_MISSING -> missing.add(en ? "homework" : "домашнее задание");
                case MARKS -> { } // below, with their number
            }
        }
        List<String> parts = new ArrayList<>();
        if (!late.isEmpty()) {
            parts.add((en ? "late: " : "с опозданием: ") + String.join(", ", late));
        }
        if (!missing.isEmpty()) {
            parts.add((en ? "missing: " : "не записано: ") + String.join(", ", missing));
        }
        if (v.late().contains(Late.MARKS)) {
            parts.add((en ? "late marks: " : "оценки с опозданием: ") + v.lesson().lateMarks());
        }
        return String.join("; ", parts);
    }

    /**
     * A school's share of lessons recorded on the day.
     *
     * @param schoolId the school
     * @param name its short name
     * @param lessons lessons held
     * @param onDay of them recorded on the day
     */
    public record SchoolShare(String schoolId, String name, int lessons, int onDay) {
        /** @return the share in percent, or {@code null} when no lesson was held */
        public BigDecimal share() {
            return percent(onDay, lessons);
        }
    }

    /** A place in a ranking (equal values share a place: 1, 1, 3). */
    public record Ranked<T>(int place, T item) {
    }

    /**
     * Schools by share on time, best first; schools without lessons last; then by more lessons, then by name.
     * Equal shares share a place.
     */
    public static List<Ranked<SchoolShare>> rank(List<SchoolShare> schools) {
        List<SchoolShare> sorted = new ArrayList<>(schools);
        sorted.sort(Comparator.comparing(SchoolShare::share, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Comparator.comparingInt(SchoolShare::lessons).reversed()).thenComparing(SchoolShare::name));
        List<Ranked<SchoolShare>> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            SchoolShare s = sorted.get(i);
            boolean tie = i > 0 && java.util.Objects.equals(sorted.get(i - 1).share(), s.share());
            out.add(new Ranked<>(tie ? out.get(i - 1).place() : i + 1, s));
        }
        return out;
    }

    /**
     * Checks a report's date range.
     *
     * @throws IllegalArgumentException naming {@code to} in its message when it is before {@code from} or more than a year after it
     */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (to.isAfter(from.plusYears(1))) {
            throw new IllegalArgumentException("the range from–to spans at most one year");
        }
    }

    /** @return the Mondays of the weeks that overlap {@code from}–{@code to} */
    public static List<LocalDate> weeks(LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate m = from.minusDays(from.getDayOfWeek().getValue() - 1L); !m.isAfter(to); m = m.plusWeeks(1)) {
            out.add(m);
        }
        return out;
    }
}
