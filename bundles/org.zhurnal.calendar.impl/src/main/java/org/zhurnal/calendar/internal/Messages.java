package org.zhurnal.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;

/** What the calendar's problems share in both languages: dates as people write them, the detail of several problems. */
final class Messages {

    /** The schemes as «разделить год на …» names them. */
    private static final Map<String, String> SCHEMES_RU = Map.of("QUARTERS", "четверти", "HALF_YEARS", "полугодия", "TRIMESTERS",
            "триместры", "CUSTOM", "произвольные периоды");

    private Messages() {
    }

    /** «16.11.2026» */
    static String date(LocalDate d) {
        return Text.date(d);
    }

    /** «01.09.2026 – 31.05.2027» */
    static String dates(LocalDate from, LocalDate to) {
        return date(from) + " – " + date(to);
    }

    /** «четверти» for QUARTERS */
    static String scheme(String scheme) {
        return scheme == null ? "" : SCHEMES_RU.getOrDefault(scheme, scheme);
    }

    /** The detail of a 400 listing {@code v}: its first problem, in both languages. */
    static Text first(List<Violation> v) {
        return Text.firstOf(v);
    }
}
