package org.zhurnal.diary.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A student's diary week.
 *
 * @param studentId the student
 * @param studentName «Фамилия Имя»
 * @param className the class on the week's Monday, e.g. «5А», or {@code null}
 * @param from the Monday
 * @param to the Sunday
 * @param days the seven days, in order
 */
public record DiaryWeek(String studentId, String studentName, String className, LocalDate from, LocalDate to, List<DiaryDay> days) {
    public DiaryWeek {
        days = List.copyOf(days);
    }
}
