package org.zhurnal.gradebook.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;

/** What the gradebook's problems share in both languages: dates as people write them, the summary of several problems. */
final class Messages {
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Messages() {
    }

    /** «16.11.2026» */
    static String date(LocalDate d) {
        return d == null ? "" : RU_DATE.format(d);
    }

    /** The detail of a 400 listing {@code v}: the only problem, or how many there are and the first; {@code what} was not done. */
    static Text summary(List<Violation> v, String nothingEn, String nothingRu) {
        Violation first = v.get(0);
        String firstRu = first.message(java.util.Locale.forLanguageTag("ru"));
        if (v.size() == 1) {
            return Text.of(first.message(), firstRu);
        }
        return Text.of(v.size() + " problems; " + nothingEn + ": " + first.message(), "Ошибок: " + v.size() + "; " + nothingRu + ". " + firstRu);
    }
}
