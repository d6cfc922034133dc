package org.zhurnal.core.api.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.zhurnal.core.api.ProblemException;

/** Reading query parameters in REST resources, with a 400 problem naming the parameter on bad input. */
public final class QueryParams {
    private QueryParams() {
    }

    /**
     * @param field the parameter's name, used in the problem
     * @param value the raw value
     * @return the date, or {@code null} when the value is absent or blank
     * @throws ProblemException 400 naming {@code field} when the value is not a {@code yyyy-MM-dd} date
     * @since 1.1
     */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, org.zhurnal.core.api.Text.of(field + " is a date, yyyy-MM-dd", "Неверная дата «" + value.trim()
                    + "» (параметр «" + field + "»)"));
        }
    }

    /**
     * @return the trimmed value, or {@code null} when it is absent or blank
     * @since 1.1
     */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
