package org.zhurnal.report.timeliness.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhurnal.gradebook.api.LessonTimeliness;

class SharesTest {
    static final LocalDate MON = LocalDate.of(2026, 11, 16);

    static LessonTimeliness lesson(String id, String teacher, boolean topic, boolean attendance, boolean homework, boolean homeworkRecorded,
            int marks, int lateMarks) {
        // A lesson with anything recorded had its topic and attendance entered (late, where not on time); one with nothing was never entered.
        boolean entered = topic || attendance || homeworkRecorded;
        return new LessonTimeliness(id, MON, "s", "c", null, "Математика", teacher, topic, attendance, homework, homeworkRecorded, marks, lateMarks,
                entered, entered);
    }

    @Test
    void percentRoundsHalfUpToOneDecimalAndIsNullWithoutBase() {
        assertEquals(new BigDecimal("33.3"), Shares.percent(1, 3));
        assertEquals(new BigDecimal("66.7"), Shares.percent(2, 3));
        assertEquals(new BigDecimal("12.5"), Shares.percent(1, 8));
        assertEquals(new BigDecimal("0.1"), Shares.percent(1, 1000)); // 0.1 exactly
        assertEquals(new BigDecimal("0.1"), Shares.percent(1, 1999)); // 0.05002… → 0.1
        assertEquals(new BigDecimal("0.0"), Shares.percent(1, 2001)); // 0.04997… → 0.0
        assertEquals(new BigDecimal("100.0"), Shares.percent(4, 4));
        assertNull(Shares.percent(0, 0));
    }

    @Test
    void perTeacherCountsOnDayOnlyWhenTopicAndAttendanceBothCameOnTheDay() {
        List<LessonTimeliness> lessons = List.of(
                lesson("a", "t1", true, true, true, true, 0, 0),
                lesson("b", "t1", true, false, true, true, 3, 1), // attendance late: not on the day
                lesson("c", "t2", false, false, false, false, 0, 0), // never entered
                lesson("d", "t2", true, true, false, true, 2, 2), // homework after the deadline, two marks late
                lesson("e", "t1", true, true, true, true, 1, 0));
        Map<String, String> names = Map.of("t1", "Белова", "t2", "Аксёнова");
        List<Shares.TeacherStats> stats = Shares.byTeacher(lessons, names::get);
        assertEquals(List.of(new Shares.TeacherStats("t2", 2, 1, 2, 2), new Shares.TeacherStats("t1", 3, 2, 0, 1)), stats);
        assertEquals(new BigDecimal("50.0"), stats.get(0).share());
        assertEquals(new BigDecimal("66.7"), stats.get(1).share());
        Shares.TeacherStats total = Shares.total(lessons);
        assertEquals(new Shares.TeacherStats(null, 5, 3, 2, 3), total);
        assertEquals(new BigDecimal("60.0"), total.share());

        List<Shares.Violation> v = Shares.violations(lessons);
        assertEquals(List.of("b", "c", "d"), v.stream().map(x -> x.lesson().occurrenceId()).toList());
        assertEquals(List.of(Shares.Late.ATTENDANCE, Shares.Late.MARKS), v.get(0).late());
        assertEquals(List.of(Shares.Late.TOPIC_MISSING, Shares.Late.ATTENDANCE_MISSING, Shares.Late.HOMEWORK_MISSING), v.get(1).late());
        assertEquals(List.of(Shares.Late.HOMEWORK, Shares.Late.MARKS), v.get(2).late());
        assertEquals("с опозданием: домашнее задание; оценки с опозданием: 2", Shares.describe(v.get(2), false));
        assertEquals("missing: topic, attendance, homework", Shares.describe(v.get(1), true));
    }

    @Test
    void aLessonEnteredLateIsNotCalledMissing() {
        // Topic and attendance entered the next day, homework never: late and missing are told apart.
        LessonTimeliness nextDay = new LessonTimeliness("f", MON, "s", "c", null, "Алгебра", "t1", false, false, false, false, 0, 0, true, true);
        Shares.Violation v = Shares.violations(List.of(nextDay)).get(0);
        assertEquals(List.of(Shares.Late.TOPIC, Shares.Late.ATTENDANCE, Shares.Late.HOMEWORK_MISSING), v.late());
        assertEquals("с опозданием: тема, посещаемость; не записано: домашнее задание", Shares.describe(v, false));
        assertEquals("late: topic, attendance; missing: homework", Shares.describe(v, true));
    }

    @Test
    void schoolsAreRankedByShareWithTiesSharingAPlaceAndSchoolsWithoutLessonsLast() {
        var ranked = Shares.rank(List.of(new Shares.SchoolShare("a", "Школа № 1", 4, 2), new Shares.SchoolShare("b", "Школа № 2", 2, 2),
                new Shares.SchoolShare("c", "Школа № 3", 0, 0), new Shares.SchoolShare("d", "Школа № 4", 10, 5),
                new Shares.SchoolShare("e", "Школа № 5", 3, 1)));
        assertEquals(List.of("b", "d", "a", "e", "c"), ranked.stream().map(r -> r.item().schoolId()).toList());
        assertEquals(List.of(1, 2, 2, 4, 5), ranked.stream().map(Shares.Ranked::place).toList());
    }

    @Test
    void rangesAreCheckedAndSplitIntoWeeks() {
        Shares.checkRange(MON, MON);
        Shares.checkRange(MON, MON.plusYears(1));
        assertThrows(IllegalArgumentException.class, () -> Shares.checkRange(MON, MON.minusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> Shares.checkRange(MON, MON.plusYears(1).plusDays(1)));
        assertEquals(List.of(MON.minusWeeks(1), MON, MON.plusWeeks(1)), Shares.weeks(MON.minusDays(2), MON.plusDays(7)));
        assertEquals(List.of(MON), Shares.weeks(MON.plusDays(6), MON.plusDays(6)));
    }
}
