package org.zhurnal.gradebook.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhurnal.gradebook.api.LessonTimeliness;
import org.zhurnal.gradebook.internal.entity.LessonEntity;
import org.zhurnal.timetable.api.Lesson;

/**
 * The journal's deadlines as a pure function (tested without a framework): topic and attendance on the day of
 * the lesson, homework within {@code homeworkHours} after the class's last lesson that day, marks within
 * {@code markDays} days of their work date. Times are compared in the school's zone.
 */
final class Timeliness {
    /** What the journal holds about a mark, for the deadline. */
    record MarkTime(String occurrenceId, LocalDate workDate, long recordedAt) {}

    private Timeliness() {
    }

    /**
     * @param lessons the held (not cancelled) lessons, each with its class key (the class, or the group's class, or the group)
     * @param classKeyOf the class key of a lesson, to find the class's last lesson of the day
     * @param now the time of the evaluation (epoch ms): homework whose deadline is still ahead is not late yet
     */
    static List<LessonTimeliness> evaluate(String schoolId, List<Lesson> lessons, java.util.function.Function<Lesson, String> classKeyOf,
            Map<String, LessonEntity> recorded, List<MarkTime> marks, ZoneId zone, int homeworkHours, int markDays, long now) {
        Map<String, LocalTime> lastEnd = new HashMap<>();
        for (Lesson l : lessons) {
            lastEnd.merge(classKeyOf.apply(l) + "|" + l.date(), l.end(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, int[]> markCounts = new HashMap<>();
        for (MarkTime m : marks) {
            LocalDate recordedOn = LocalDate.ofInstant(Instant.ofEpochMilli(m.recordedAt()), zone);
            int[] c = markCounts.computeIfAbsent(m.occurrenceId(), k -> new int[2]);
            c[0]++;
            if (ChronoUnit.DAYS.between(m.workDate(), recordedOn) > markDays) {
                c[1]++;
            }
        }
        Map<String, LessonTimeliness> out = new LinkedHashMap<>();
        for (Lesson l : lessons.stream().sorted(Comparator.comparing(Lesson::date).thenComparingInt(Lesson::lessonNumber)).toList()) {
            LessonEntity e = recorded.get(l.occurrenceId());
            if (e != null && !e.isHeld()) {
                continue; // recorded as not held: nothing was due
            }
            boolean topic = e != null && e.getTopicAt() != null && !day(e.getTopicAt(), zone).isAfter(l.date());
            boolean attendance = e != null && e.getAttendanceAt() != null && !day(e.getAttendanceAt(), zone).isAfter(l.date());
            long deadline = l.date().atTime(lastEnd.get(classKeyOf.apply(l) + "|" + l.date())).plusHours(homeworkHours).atZone(zone)
                    .toInstant().toEpochMilli();
            boolean homeworkRecorded = e != null && e.getHomeworkAt() != null;
            boolean homework = homeworkRecorded ? e.getHomeworkAt() <= deadline : deadline > now;
            int[] c = markCounts.getOrDefault(l.occurrenceId(), new int[2]);
            out.put(l.occurrenceId(), new LessonTimeliness(l.occurrenceId(), l.date(), schoolId, l.classId(), l.groupId(), l.subject(),
                    l.teacherId(), topic, attendance, homework, homeworkRecorded, c[0], c[1], e != null && e.getTopicAt() != null,
                    e != null && e.getAttendanceAt() != null));
        }
        return new ArrayList<>(out.values());
    }

    private static LocalDate day(long epochMs, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMs), zone);
    }
}
