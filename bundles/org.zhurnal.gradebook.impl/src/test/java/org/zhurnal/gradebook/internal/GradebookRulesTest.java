package org.zhurnal.gradebook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhurnal.gradebook.api.LessonTimeliness;
import org.zhurnal.gradebook.api.Mark;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.gradebook.spi.GradingPolicy;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;
import org.zhurnal.timetable.api.Lesson;

/** The gradebook's pure rules: scheme choice, policies, weighting, deadlines. */
class GradebookRulesTest {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final LocalDate MON = LocalDate.of(2026, 11, 23);

    @Test
    void mostSpecificSchemeRuleWins() {
        List<SchemeRules.Rule> rules = List.of(new SchemeRules.Rule("1", "s", null, 1, 11, "tenpoint"),
                new SchemeRules.Rule("2", "s", null, 1, 1, "levels"), new SchemeRules.Rule("3", "s", "Физкультура", 1, 11, "passfail"));
        assertEquals("tenpoint", SchemeRules.schemeFor(rules, "Математика", 7));
        assertEquals("levels", SchemeRules.schemeFor(rules, "Математика", 1), "the narrower grade range wins");
        assertEquals("passfail", SchemeRules.schemeFor(rules, "физкультура", 1), "a subject rule beats grade rules; case does not matter");
        assertEquals(SchemeRules.DEFAULT_SCHEME, SchemeRules.schemeFor(List.of(), "Математика", 7));
    }

    @Test
    void policiesAreParsedOrRefusedWithTheBadValueNamed() {
        PolicyConfig.Policy p = PolicyConfig.parse("m1", "CONTROL=3, ORAL=1.5", "0.6", 2);
        assertEquals(3.0, p.weight("CONTROL"));
        assertEquals(1.5, p.weight("ORAL"));
        assertEquals(1.0, p.weight("HOMEWORK"), "unlisted work types weigh 1");
        assertEquals(new BigDecimal("0.6"), p.grading().roundingThreshold());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PolicyConfig.parse("*", "DANCE=2", "0.5", 3));
        assertTrue(e.getMessage().contains("DANCE"));
        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.parse("*", "ORAL=0", "0.5", 3));
        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.parse("*", "ORAL=1", "1.5", 3));
        assertThrows(IllegalArgumentException.class, () -> PolicyConfig.parse("*", "ORAL=1", "x", 3));
    }

    /** A scheme recording what it was asked, to check the host's weighting and filtering. */
    static final class Recording implements GradingScheme {
        List<WeightedMark> got;

        @Override
        public String id() {
            return "digits";
        }

        @Override
        public String name(java.util.Locale locale) {
            return "digits";
        }

        @Override
        public List<String> values(MarkUse use) {
            return List.of("1", "2", "3", "4", "5");
        }

        @Override
        public Optional<MarkValue> parse(String raw, MarkUse use) {
            return raw.matches("[1-5]") ? Optional.of(new MarkValue(raw, Double.valueOf(raw), raw.compareTo("3") >= 0, raw)) : Optional.empty();
        }

        @Override
        public Suggestion suggest(List<WeightedMark> marks, GradingPolicy policy) {
            got = marks;
            return new Suggestion(null, null, marks.size(), null);
        }
    }

    private static Mark mark(String scheme, String value, String workType, boolean counts) {
        return new Mark("id", "o", MON, "s", "st", "Математика", "c", null, scheme, value, null, workType, 0, MON, null, counts, true,
                Instant.EPOCH, "t", false);
    }

    @Test
    void suggestionWeighsByWorkTypeAndSkipsUncountedAndForeignMarks() {
        Recording scheme = new Recording();
        PolicyConfig.Policy policy = PolicyConfig.parse("*", "CONTROL=3", "0.5", 1);
        Finals.suggest(scheme, List.of(mark("digits", "5", "ORAL", true), mark("digits", "3", "CONTROL", true),
                mark("digits", "2", "ORAL", false), mark("fivepoint", "4", "ORAL", true)), policy);
        assertEquals(2, scheme.got.size());
        assertEquals(1.0, scheme.got.get(0).weight());
        assertEquals(3.0, scheme.got.get(1).weight());
    }

    private static Lesson lesson(String id, LocalDate date, int number, LocalTime end) {
        return new Lesson(id + ":" + date, id, date, number, end.minusMinutes(45), end, "Математика", "c", null, "t", null, Lesson.SCHEDULED,
                "t", null, 0);
    }

    /** The journal's row of a lesson, recorded as held or not, with nothing else in it yet. */
    private static LessonEntity recorded(Lesson l, boolean held) {
        LessonEntity e = new LessonEntity();
        e.setOccurrenceId(l.occurrenceId());
        e.setHeld(held);
        return e;
    }

    private static long at(LocalDate d, int h, int m) {
        return ZonedDateTime.of(d.atTime(h, m), MOSCOW).toInstant().toEpochMilli();
    }

    @Test
    void deadlinesOfTheRegulations() {
        Lesson first = lesson("a", MON, 1, LocalTime.of(9, 15));
        Lesson last = lesson("b", MON, 6, LocalTime.of(14, 10)); // the class's last lesson ends at 14:10
        Lesson never = lesson("c", MON, 3, LocalTime.of(11, 5));
        LessonEntity onTime = new LessonEntity();
        onTime.setOccurrenceId(first.occurrenceId());
        onTime.setHeld(true);
        onTime.setTopicAt(at(MON, 9, 20));
        onTime.setAttendanceAt(at(MON, 8, 35));
        onTime.setHomeworkAt(at(MON, 16, 10)); // 14:10 + 2 h: just in time
        LessonEntity late = new LessonEntity();
        late.setOccurrenceId(last.occurrenceId());
        late.setHeld(true);
        late.setTopicAt(at(MON.plusDays(1), 0, 5)); // five minutes past midnight, Moscow time
        late.setAttendanceAt(at(MON, 23, 59));
        late.setHomeworkAt(at(MON, 16, 11));
        List<Timeliness.MarkTime> marks = List.of(new Timeliness.MarkTime(first.occurrenceId(), MON, at(MON.plusDays(7), 23, 0)),
                new Timeliness.MarkTime(first.occurrenceId(), MON, at(MON.plusDays(8), 0, 30)));
        List<LessonTimeliness> t = Timeliness.evaluate("s", List.of(first, last, never), l -> "c",
                Map.of(first.occurrenceId(), onTime, last.occurrenceId(), late), marks, MOSCOW, 2, 7, at(MON.plusDays(9), 8, 0));
        LessonTimeliness a = t.get(0);
        assertTrue(a.topicOnTime() && a.attendanceOnTime() && a.homeworkOnTime());
        assertEquals(2, a.marks());
        assertEquals(1, a.lateMarks(), "a mark entered on the 8th day is late; on the 7th it is not");
        LessonTimeliness c = t.get(1);
        assertEquals(never.occurrenceId(), c.occurrenceId());
        assertFalse(c.topicOnTime() || c.attendanceOnTime() || c.homeworkOnTime() || c.homeworkRecorded());
        LessonTimeliness b = t.get(2);
        assertFalse(b.topicOnTime(), "the topic came after midnight in the school's zone");
        assertTrue(b.attendanceOnTime());
        assertFalse(b.homeworkOnTime(), "one minute past the deadline");
        assertTrue(b.homeworkRecorded());
    }

    @Test
    void aLessonRecordedAsNotHeldOwesNothing() {
        Lesson l = lesson("a", MON, 1, LocalTime.of(9, 15));
        LessonEntity e = recorded(l, false);
        assertTrue(Timeliness.evaluate("s", List.of(l), x -> "c", Map.of(l.occurrenceId(), e), List.of(), MOSCOW, 2, 7, at(MON.plusDays(1), 8, 0)).isEmpty());
    }

    @Test
    void homeworkIsNotLateBeforeItsDeadline() {
        // A class whose last lesson ends at 23:00 (an evening school) with 2 hours for the homework: due at 01:00.
        Lesson l = lesson("a", MON, 8, LocalTime.of(23, 0));
        LessonEntity e = recorded(l, true);
        e.setTopicAt(at(MON, 22, 30));
        e.setAttendanceAt(at(MON, 22, 20));
        Map<String, LessonEntity> recorded = Map.of(l.occurrenceId(), e);
        assertTrue(Timeliness.evaluate("s", List.of(l), x -> "c", recorded, List.of(), MOSCOW, 2, 7, at(MON.plusDays(1), 0, 30)).get(0)
                .homeworkOnTime(), "not posted yet, but not due before 01:00");
        assertFalse(Timeliness.evaluate("s", List.of(l), x -> "c", recorded, List.of(), MOSCOW, 2, 7, at(MON.plusDays(1), 1, 1)).get(0)
                .homeworkOnTime(), "not posted by 01:00");
    }

    @Test
    void aTopicOrAssignmentIsWrittenInWords() {
        for (String filler : List.of(".", "-", "—", "...", "?!", "–– ..", "*")) {
            assertFalse(JournalService.wordy(filler), filler);
        }
        for (String text : List.of("№ 245", "§12", "Дроби", "не задано", "Present Simple", "7")) {
            assertTrue(JournalService.wordy(text), text);
        }
    }
}
