package org.zhurnal.timetable.internal;

import java.time.DayOfWeek;
import java.util.Locale;

import org.zhurnal.core.api.Text;

/** What the timetable's problems share in Russian: dates, weekdays and lessons as a school writes them. */
final class Messages {
    private static final String[] WEEKDAYS = { "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье" };
    static final Locale RU = Text.RUSSIAN;

    private Messages() {
    }

    /** «понедельник» */
    static String weekday(DayOfWeek d) {
        return d == null ? "" : WEEKDAYS[d.getValue() - 1];
    }

    /** «1-й урок» */
    static String lesson(int number) {
        return number + "-й урок";
    }

    /** «день», «дня», «дней» after {@code n} */
    static String days(long n) {
        return plural(n, "день", "дня", "дней");
    }

    static String plural(long n, String one, String few, String many) {
        long m100 = Math.abs(n) % 100;
        long m10 = m100 % 10;
        if (m100 >= 11 && m100 <= 14) {
            return many;
        }
        return m10 == 1 ? one : m10 >= 2 && m10 <= 4 ? few : many;
    }

    /** The text capitalised: «У учителя …» */
    static String capitalized(String s) {
        return s == null || s.isEmpty() ? s : s.substring(0, 1).toUpperCase(RU) + s.substring(1);
    }
}
