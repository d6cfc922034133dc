package org.zhurnal.core.api;

import java.util.Locale;

/**
 * One invalid input among several (an import row, a field of a bulk edit).
 *
 * @param field where: a JSON field path, or {@code file:row:column} for imports
 * @param message what is wrong, for people (English)
 * @param text the same in the UI's languages, or {@code null} when there is only the English {@code message}
 */
public record Violation(String field, String message, Text text) {

    public Violation(String field, String message) {
        this(field, message, null);
    }

    public Violation(String field, Text text) {
        this(field, text.en(), text);
    }

    /** @return what is wrong in {@code locale}'s language when there is a text in it, else English */
    public String message(Locale locale) {
        return text == null ? message : text.in(locale);
    }
}
