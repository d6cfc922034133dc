package org.zhurnal.bells.internal;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;


/** What the bells' problems share in both languages: dates and times as people write them, the detail of several problems. */
final class Messages {
    private static final DateTimeFormatter RU_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Messages() {
    }

    /** «08:30» */
    static String time(LocalTime t) {
        return t == null ? "" : RU_TIME.format(t);
    }
}
