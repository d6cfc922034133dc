package org.zhurnal.calendar.internal;

import java.time.LocalDate;
import java.util.Map;

import org.zhurnal.core.api.Text;

/** What the calendar's problems share in both languages: dates as people write them, the detail of several problems. */
final class Messages {

    /** The schemes as «разделить год на …» names them. */
    private static final Map<String, String> SCHEMES_RU = Map.of("QUARTERS", "четверти", "HALF_YEARS", "полугодия", "TRIMESTERS",
            "триместры", "CUSTOM", "произвольные периоды");

    private Messages() {
    }

    /** «01.09.2026 – 31.05.2027» */
    static String dates(LocalDate from, LocalDate to) {
        return Text.date(from) + " – " + Text.date(to);
    }

    /** «четверти» for QUARTERS */
    static String scheme(String scheme) {
        return scheme == null ? "" : SCHEMES_RU.getOrDefault(scheme, scheme);
    }
}
