package org.zhurnal.diary.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One day of the diary.
 *
 * @param date the date
 * @param dayOff the name of the holiday or vacation that frees the day, or {@code null}
 * @param lessons the day's lessons by number (cancelled ones included, marked as such)
 */
public record DiaryDay(LocalDate date, String dayOff, List<DiaryLesson> lessons) {
    public DiaryDay {
        lessons = List.copyOf(lessons);
    }
}
