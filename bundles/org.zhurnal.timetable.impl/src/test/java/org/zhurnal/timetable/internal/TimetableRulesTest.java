package org.zhurnal.timetable.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.zhurnal.bells.api.BellPeriod;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.bells.api.BellsQuery;
import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.CalendarQuery;
import org.zhurnal.calendar.api.ReportingPeriod;
import org.zhurnal.core.api.ProblemException;
import org.zhurnal.roster.api.Group;
import org.zhurnal.roster.api.GroupKind;
import org.zhurnal.timetable.api.Lesson;
import org.zhurnal.timetable.api.TimetableEntry;

class TimetableRulesTest {
    static final String SCHOOL = "s1";
    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final LocalDate END = LocalDate.of(2027, 5, 31);
    // Week of Monday 2026-11-02 is ISO week 45 (odd); the next one is 46 (even).
    static final LocalDate MON = LocalDate.of(2026, 11, 2);

    /** A five-day week; {@code holidays} have no lessons; {@code transfers} follow another weekday. */
    static final class FakeCalendar implements CalendarQuery {
        final Set<LocalDate> holidays = new java.util.HashSet<>();
        final Map<LocalDate, DayOfWeek> transfers = new HashMap<>();
        int calls;
        int rangeCalls;

        @Override
        public Optional<AcademicYear> year(String schoolId, int year) {
            return Optional.of(new AcademicYear("y", schoolId, 2026, START, END, 5));
        }

        @Override
        public Optional<AcademicYear> yearOf(String schoolId, LocalDate date) {
            return year(schoolId, 2026);
        }

        @Override
        public List<ReportingPeriod> periods(String schoolId, int year, int grade) {
            return List.of();
        }

        @Override
        public Optional<ReportingPeriod> periodOf(String schoolId, int grade, LocalDate date) {
            return Optional.empty();
        }

        @Override
        public Optional<DayOfWeek> timetableDay(String schoolId, int grade, LocalDate date) {
            calls++;
            if (date.isBefore(START) || date.isAfter(END)) {
                return Optional.empty();
            }
            if (transfers.containsKey(date)) {
                return Optional.ofNullable(transfers.get(date));
            }
            if (holidays.contains(date) || date.getDayOfWeek().getValue() > 5) {
                return Optional.empty();
            }
            return Optional.of(date.getDayOfWeek());
        }

        @Override
        public List<LocalDate> schoolDays(String schoolId, int grade, LocalDate from, LocalDate to) {
            return List.copyOf(timetableDays(schoolId, grade, from, to).keySet());
        }

        @Override
        public List<org.zhurnal.calendar.api.DayOff> daysOff(String schoolId, int grade, LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public java.util.SortedMap<LocalDate, DayOfWeek> timetableDays(String schoolId, int grade, LocalDate from, LocalDate to) {
            rangeCalls++;
            java.util.SortedMap<LocalDate, DayOfWeek> days = new java.util.TreeMap<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                LocalDate date = d;
                timetableDay(schoolId, grade, d).ifPresent(w -> days.put(date, w));
            }
            return days;
        }

        @Override
        public Optional<ReportingPeriod> period(String periodId) {
            return Optional.empty();
        }

        @Override
        public boolean isClosed(String periodId) {
            return false;
        }
    }

    static BellSchedule schedule(String kind, String... lessons) {
        java.util.ArrayList<BellPeriod> ps = new java.util.ArrayList<>();
        for (int i = 0; i < lessons.length; i++) {
            String[] se = lessons[i].split("-");
            ps.add(new BellPeriod(i + 1, LocalTime.parse(se[0]), LocalTime.parse(se[1])));
        }
        return new BellSchedule(kind, SCHOOL, kind, kind, START, null, ps);
    }

    static final BellSchedule REGULAR = schedule("REGULAR", "08:30-09:15", "09:25-10:10", "10:20-11:05", "11:25-12:10", "12:30-13:15");
    static final BellSchedule SHORT = schedule("SHORTENED", "08:30-09:00", "09:10-09:40", "09:50-10:20");

    /** Every day gets the regular schedule, except the shortened dates. */
    static final class FakeBells implements BellsQuery {
        final Set<LocalDate> shortened = new java.util.HashSet<>();
        int rangeCalls;

        @Override
        public List<BellSchedule> schedules(String schoolId) {
            return List.of(REGULAR, SHORT);
        }

        @Override
        public Optional<BellSchedule> scheduleFor(String schoolId, LocalDate date) {
            return Optional.of(shortened.contains(date) ? SHORT : REGULAR);
        }

        @Override
        public java.util.SortedMap<LocalDate, BellSchedule> schedulesFor(String schoolId, LocalDate from, LocalDate to) {
            rangeCalls++;
            java.util.SortedMap<LocalDate, BellSchedule> out = new java.util.TreeMap<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.put(d, scheduleFor(schoolId, d).orElseThrow());
            }
            return out;
        }
    }

    final FakeCalendar calendar = new FakeCalendar();
    final FakeBells bells = new FakeBells();

    static TimetableEntry entry(String id, String classId, String groupId, String subject, String teacher, String room, DayOfWeek day,
            int lesson, LocalDate from, LocalDate to, String weeks) {
        return new TimetableEntry(id, SCHOOL, 2026, classId, groupId, subject, teacher, room, day, lesson, from, to, weeks);
    }

    static TimetableEntry math(DayOfWeek day, int lesson) {
        return entry("math-" + day + lesson, "5A", null, "Математика", "t1", "12", day, lesson, START, null, "ALL");
    }

    List<Lesson> lessons(List<TimetableEntry> entries, LocalDate from, LocalDate to) {
        return TimetableRules.occurrences(calendar, bells, SCHOOL, entries, from, to, e -> 5, (e, d) -> true, java.util.Map.of());
    }

    @Test
    void aNormalWeekHasOneLessonPerEntryAndDayWithBellTimes() {
        List<Lesson> week = lessons(List.of(math(DayOfWeek.MONDAY, 1), math(DayOfWeek.WEDNESDAY, 3)), MON, MON.plusDays(6));
        assertEquals(2, week.size());
        Lesson first = week.get(0);
        assertEquals(MON, first.date());
        assertEquals(LocalTime.of(8, 30), first.start());
        assertEquals(LocalTime.of(9, 15), first.end());
        assertEquals("math-MONDAY1:" + MON, first.occurrenceId());
        assertEquals(MON.plusDays(2), week.get(1).date());
        assertEquals(LocalTime.of(10, 20), week.get(1).start());
    }

    @Test
    void aHolidayHasNoLessons() {
        calendar.holidays.add(MON);
        List<Lesson> week = lessons(List.of(math(DayOfWeek.MONDAY, 1), math(DayOfWeek.WEDNESDAY, 3)), MON, MON.plusDays(6));
        assertEquals(1, week.size());
        assertEquals(DayOfWeek.WEDNESDAY, week.get(0).date().getDayOfWeek());
    }

    @Test
    void aTransferredSaturdayFollowsMondaysLessons() {
        LocalDate saturday = MON.plusDays(5);
        calendar.transfers.put(saturday, DayOfWeek.MONDAY);
        List<Lesson> week = lessons(List.of(math(DayOfWeek.MONDAY, 1), math(DayOfWeek.WEDNESDAY, 3)), MON, MON.plusDays(6));
        assertEquals(List.of(MON, MON.plusDays(2), saturday), week.stream().map(Lesson::date).toList());
        assertEquals(1, week.get(2).lessonNumber());
        assertEquals("Математика", week.get(2).subject());
    }

    @Test
    void aShortenedDayHasShorterTimesAndDropsMissingLessons() {
        bells.shortened.add(MON);
        List<Lesson> monday = lessons(List.of(math(DayOfWeek.MONDAY, 2), math(DayOfWeek.MONDAY, 5)), MON, MON);
        assertEquals(1, monday.size(), "lesson 5 is not in the shortened schedule");
        assertEquals(LocalTime.of(9, 10), monday.get(0).start());
        assertEquals(LocalTime.of(9, 40), monday.get(0).end());
    }

    @Test
    void oddAndEvenWeeksAlternate() {
        TimetableEntry odd = entry("odd", "5A", null, "Музыка", "t1", null, DayOfWeek.MONDAY, 4, START, null, "ODD");
        TimetableEntry even = entry("even", "5A", null, "ИЗО", "t2", null, DayOfWeek.MONDAY, 4, START, null, "EVEN");
        List<Lesson> twoWeeks = lessons(List.of(odd, even), MON, MON.plusDays(13));
        assertEquals(List.of("Музыка", "ИЗО"), twoWeeks.stream().map(Lesson::subject).toList());
        assertEquals(List.of(MON, MON.plusDays(7)), twoWeeks.stream().map(Lesson::date).toList());
        assertTrue(TimetableRules.parityMatches("ODD", MON));
        assertTrue(TimetableRules.parityMatches("EVEN", MON.plusDays(7)));
    }

    @Test
    void aMidYearChangeKeepsThePastAndAppliesTheNewEntryFromItsDate() {
        LocalDate change = MON.plusDays(7);
        TimetableEntry old = entry("old", "5A", null, "Природоведение", "t1", null, DayOfWeek.MONDAY, 2, START, change.minusDays(1), "ALL");
        TimetableEntry neu = entry("new", "5A", null, "Биология", "t1", null, DayOfWeek.MONDAY, 2, change, null, "ALL");
        List<Lesson> lessons = lessons(List.of(old, neu), MON, MON.plusDays(13));
        assertEquals(List.of("Природоведение", "Биология"), lessons.stream().map(Lesson::subject).toList());
        assertEquals(List.of("old:" + MON, "new:" + change), lessons.stream().map(Lesson::occurrenceId).toList());
        assertTrue(TimetableRules.conflict(neu, List.of(old), id -> null).isEmpty(), "the ended entry does not clash with its successor");
    }

    @Test
    void onlyEntriesThatApplyToTheSubjectAreCounted() {
        List<Lesson> none = TimetableRules.occurrences(calendar, bells, SCHOOL, List.of(math(DayOfWeek.MONDAY, 1)), MON, MON, e -> 5,
                (e, d) -> false, java.util.Map.of());
        assertTrue(none.isEmpty());
    }

    @Test
    void substitutionsAndCancellationsChangeTheirOccurrenceOnly() {
        TimetableEntry m = math(DayOfWeek.MONDAY, 1);
        LocalDate next = MON.plusWeeks(1);
        String oid = org.zhurnal.timetable.api.Lesson.occurrenceId(m.id(), MON);
        var sub = new org.zhurnal.timetable.api.LessonChange("c1", SCHOOL, m.id(), MON, "SUBSTITUTION", "t-sub", "21", "болезнь учителя", 1);
        var noRoom = TimetableRules.withChange(TimetableRules.withChange(new Lesson("x", m.id(), MON, 1, null, null, "M", "c", null, "t", null,
                Lesson.SCHEDULED, "t", null, 0), sub), new org.zhurnal.timetable.api.LessonChange("c1", SCHOOL, m.id(), MON, "SUBSTITUTION", "t2", null, "r", 2));
        assertEquals("t2", noRoom.teacherId());
        List<Lesson> lessons = TimetableRules.occurrences(calendar, bells, SCHOOL, List.of(m), MON, next, e -> 5, (e, d) -> true,
                java.util.Map.of(oid, sub));
        assertEquals(2, lessons.size());
        Lesson changed = lessons.get(0);
        assertEquals("t-sub", changed.teacherId());
        assertEquals(m.teacherId(), changed.regularTeacherId());
        assertEquals("21", changed.room());
        assertEquals(Lesson.SUBSTITUTED, changed.status());
        assertEquals(1, changed.revision());
        assertEquals(Lesson.SCHEDULED, lessons.get(1).status(), "the next week's lesson is untouched");
        assertEquals(m.teacherId(), lessons.get(1).teacherId());

        var cancel = new org.zhurnal.timetable.api.LessonChange("c1", SCHOOL, m.id(), MON, "CANCELLATION", null, null, "карантин", 2);
        Lesson cancelled = TimetableRules.withChange(lessons.get(0), cancel);
        assertTrue(cancelled.cancelled());
        assertEquals(m.teacherId(), cancelled.teacherId(), "a cancelled lesson stays with its own teacher");
        assertEquals(2, cancelled.revision());
        var restored = TimetableRules.withChange(cancelled, new org.zhurnal.timetable.api.LessonChange("c1", SCHOOL, m.id(), MON, "NONE",
                null, null, null, 3));
        assertEquals(Lesson.SCHEDULED, restored.status());
        assertEquals(3, restored.revision(), "a restored lesson keeps growing its revision (iCalendar SEQUENCE)");
    }

    @Test
    void theCalendarIsAskedOncePerGradeAndTheBellsOncePerRange() {
        TimetableEntry fifth = math(DayOfWeek.MONDAY, 1);
        TimetableEntry sixth = entry("6A-mon", "6A", null, "История", "t2", "14", DayOfWeek.MONDAY, 2, START, null, "ALL");
        TimetableEntry sixthFri = entry("6A-fri", "6A", null, "История", "t2", "14", DayOfWeek.FRIDAY, 2, START, null, "ALL");
        List<Lesson> lessons = TimetableRules.occurrences(calendar, bells, SCHOOL, List.of(fifth, sixth, sixthFri), MON, MON.plusDays(27),
                e -> e.classId().equals("5A") ? 5 : 6, (e, d) -> true, java.util.Map.of());
        assertEquals(12, lessons.size());
        assertEquals(2, calendar.rangeCalls, "one range call per grade");
        assertEquals(1, bells.rangeCalls, "one range call for the bells");
    }

    @Test
    void nothingIsAskedWithoutEntriesAndTheBellsNotWithoutLessons() {
        assertTrue(lessons(List.of(), MON, MON.plusDays(6)).isEmpty());
        assertEquals(0, calendar.rangeCalls);
        calendar.holidays.add(MON);
        assertTrue(lessons(List.of(math(DayOfWeek.MONDAY, 1)), MON, MON).isEmpty());
        assertEquals(1, calendar.rangeCalls);
        assertEquals(0, bells.rangeCalls, "no lesson on a holiday, so no bell schedule is read");
    }

    @Test
    void rangesAreLimited() {
        ProblemException tooLong = assertThrows(ProblemException.class, () -> lessons(List.of(), START, START.plusDays(370)));
        assertEquals(400, tooLong.status());
        assertEquals(0, lessons(List.of(), START, START.plusDays(369)).size());
        assertThrows(ProblemException.class, () -> lessons(List.of(), MON, MON.minusDays(1)));
    }

    @Test
    void conflicts() {
        Map<String, Group> groups = Map.of(
                "g1", new Group("g1", SCHOOL, 2026, "5A", GroupKind.SUBGROUP, "5А англ. 1", "t2", 10),
                "g2", new Group("g2", SCHOOL, 2026, "5A", GroupKind.SUBGROUP, "5А англ. 2", "t3", 10),
                "e1", new Group("e1", SCHOOL, 2026, null, GroupKind.ELECTIVE, "Шахматы", "t4", 10));
        Function<String, Group> g = groups::get;
        TimetableEntry whole = math(DayOfWeek.MONDAY, 1);
        // Same teacher, another class.
        TimetableEntry teacher = entry("x", "5B", null, "Математика", "t1", null, DayOfWeek.MONDAY, 1, START, null, "ALL");
        assertEquals("math-MONDAY1", TimetableRules.conflict(teacher, List.of(whole), g).orElseThrow().id());
        // Same room.
        TimetableEntry room = entry("x", "5B", null, "Физика", "t9", " 12 ", DayOfWeek.MONDAY, 1, START, null, "ALL");
        assertTrue(TimetableRules.conflict(room, List.of(whole), g).isPresent());
        // Same class.
        TimetableEntry klass = entry("x", "5A", null, "Русский", "t9", null, DayOfWeek.MONDAY, 1, START, null, "ALL");
        assertTrue(TimetableRules.conflict(klass, List.of(whole), g).isPresent());
        // Another lesson number, another weekday, disjoint validity, other parity: no conflict.
        assertTrue(TimetableRules.conflict(math(DayOfWeek.MONDAY, 2), List.of(whole), g).isEmpty());
        assertTrue(TimetableRules.conflict(math(DayOfWeek.TUESDAY, 1), List.of(whole), g).isEmpty());
        TimetableEntry autumn = entry("a", "5A", null, "Математика", "t1", "12", DayOfWeek.MONDAY, 1, START, MON.minusDays(1), "ALL");
        assertTrue(TimetableRules.conflict(entry("b", "5A", null, "Алгебра", "t1", "12", DayOfWeek.MONDAY, 1, MON, null, "ALL"),
                List.of(autumn), g).isEmpty());
        TimetableEntry odd = entry("o", "5A", null, "Музыка", "t1", "12", DayOfWeek.MONDAY, 1, START, null, "ODD");
        assertTrue(TimetableRules.conflict(entry("e", "5A", null, "ИЗО", "t1", "12", DayOfWeek.MONDAY, 1, START, null, "EVEN"),
                List.of(odd), g).isEmpty());
        assertTrue(TimetableRules.conflict(entry("e", "5A", null, "ИЗО", "t1", "12", DayOfWeek.MONDAY, 1, START, null, "ALL"),
                List.of(odd), g).isPresent());
        // Two subgroups of one class in parallel: fine; a subgroup beside a whole-class lesson: not.
        TimetableEntry half1 = entry("h1", null, "g1", "Английский", "t2", "21", DayOfWeek.MONDAY, 3, START, null, "ALL");
        TimetableEntry half2 = entry("h2", null, "g2", "Английский", "t3", "22", DayOfWeek.MONDAY, 3, START, null, "ALL");
        assertTrue(TimetableRules.conflict(half2, List.of(half1), g).isEmpty());
        assertEquals("h1", TimetableRules.conflict(math(DayOfWeek.MONDAY, 3), List.of(half1), g).orElseThrow().id());
        assertTrue(TimetableRules.conflict(entry("h3", null, "g1", "Английский", "t8", "23", DayOfWeek.MONDAY, 3, START, null, "ALL"),
                List.of(half1), g).isPresent(), "one group twice");
        // An elective does not occupy a class.
        TimetableEntry chess = entry("c", null, "e1", "Шахматы", "t4", "30", DayOfWeek.MONDAY, 1, START, null, "ALL");
        assertTrue(TimetableRules.conflict(chess, List.of(whole), g).isEmpty());
        String described = TimetableRules.describe(whole, id -> "5А");
        assertTrue(described.contains("Математика") && described.contains("5А") && described.contains("MONDAY")
                && described.contains("lesson 1"), described);
    }
}
