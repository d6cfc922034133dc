package org.zhurnal.core.api;

import java.io.Serializable;
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

    public Text {
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String en, String ru) {
        return new Text(en, ru);
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
