package org.zhurnal.roster.internal.importer;

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

    /**
     * The detail of a 400 listing {@code v}: {@code en} as it is; in Russian {@code ruHead} («Ошибок: 3; ничего не изменено»)
     * and the first problem.
     */
    static Text summary(String en, String ruHead, List<Violation> v) {
        return Text.summary(en, ruHead, v);
    }
}
