package org.zhurnal.bells.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;

/** What the bells' problems share in both languages: dates and times as people write them, the detail of several problems. */
final class Messages {
    private static final DateTimeFormatter RU_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Messages() {
    }

    /** «16.11.2026» */
    static String date(LocalDate d) {
        return Text.date(d);
    }

    /** «08:30» */
    static String time(LocalTime t) {
        return t == null ? "" : RU_TIME.format(t);
    }

    /** The detail of a 400 listing {@code v}: its first problem, in both languages. */
    static Text first(List<Violation> v) {
        return Text.firstOf(v);
    }
}
