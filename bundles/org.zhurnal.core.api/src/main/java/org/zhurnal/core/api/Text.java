package org.zhurnal.core.api;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text for people in the languages of the UI: English — the API's own language and the fallback — and Russian.
 * Problems carry one so that a teacher working in the Russian UI reads why a request was refused in Russian
 * ({@code Accept-Language: ru}), while API clients without a preference read English.
 *
 * @param en the English text (never {@code null})
 * @param ru the Russian text, or {@code null} when there is none yet (English is shown then)
 */
public record Text(String en, String ru) implements Serializable {
    /** The UI's second language. */
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public Text {
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String en, String ru) {
        return new Text(en, ru);
    }

    /** @return «16.11.2026»: a date as Russian texts write it ({@code ""} for {@code null}) */
    public static String date(LocalDate d) {
        return d == null ? "" : RU_DATE.format(d);
    }

    /** @return the detail of a 400 listing {@code violations} (not empty): its first problem, in both languages */
    public static Text firstOf(List<Violation> violations) {
        Violation first = violations.get(0);
        return new Text(first.message(), first.message(RUSSIAN));
    }

    /**
     * @return the detail of a 400 listing {@code violations}: {@code en} as it is; in Russian {@code ruHead} («Ошибок: 3;
     *         ничего не изменено») and the first problem
     */
    public static Text summary(String en, String ruHead, List<Violation> violations) {
        return new Text(en, violations.isEmpty() ? ruHead : ruHead + ". " + violations.get(0).message(RUSSIAN));
    }

    /**
     * @return the first of Russian and English among the ranges of an {@code Accept-Language} header; English when neither
     *         is there or the header is malformed
     * @since 1.2
     */
    public static Locale preferred(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.ENGLISH, RUSSIAN));
                if (chosen != null) {
                    return chosen;
                }
            } catch (IllegalArgumentException e) {
                // A malformed header: the API's own language.
            }
        }
        return Locale.ENGLISH;
    }

    /** @return the text in {@code locale}'s language when there is one, else English */
    public String in(Locale locale) {
        return ru != null && locale != null && "ru".equals(locale.getLanguage()) ? ru : en;
    }

    /** @return the English text */
    @Override
    public String toString() {
        return en;
    }
}
