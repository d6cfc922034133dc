package org.zhurnal.roster.internal;

import java.time.LocalDate;
import java.util.List;

import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;

/** What the roster's problems share in Russian: dates as people write them, the summary of several problems. */
final class Messages {

    private Messages() {
    }

    /** «16.11.2026» */
    static String date(LocalDate d) {
        return Text.date(d);
    }

    /** «16.11.2026» for an ISO date as the entities store it ({@code 2026-11-16}); anything else as it is. */
    static String date(String iso) {
        try {
            return iso == null ? "" : date(LocalDate.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /**
     * The detail of a 400 listing {@code v}: {@code en} as it is; in Russian {@code ruHead} («Ошибок: 3; ничего не изменено»)
     * and the first problem.
     */
    static Text summary(String en, String ruHead, List<Violation> v) {
        return Text.summary(en, ruHead, v);
    }
}
