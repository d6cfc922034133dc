package org.zhurnal.roster.api;

import java.time.LocalDate;

import org.zhurnal.core.api.ProblemException;
import org.zhurnal.core.api.Text;

/**
 * The academic year as requests and stored rows name it: its first calendar year (2026 for 2026/2027), which starts on
 * 1 September. Every module that takes a year from a request checks it here, so a wrong one is refused the same way
 * everywhere: a 400 problem naming the field, with an example of the current year.
 *
 * @since 1.8
 */
public final class AcademicYears {

    /** The first academic year the platform accepts. */
    public static final int FIRST = 2000;

    /** The last academic year the platform accepts. */
    public static final int LAST = 2100;

    private AcademicYears() {
    }

    /** @return the academic year that contains {@code date} */
    public static int of(LocalDate date) {
        return date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
    }

    /**
     * A year from a request, where none means the current one.
     *
     * @param field the request field or parameter the problem names
     * @param value the text sent, or {@code null}/blank for the academic year of {@code today}
     * @param today the platform's today (the default, and the example in the problem)
     * @throws ProblemException 400 naming {@code field} for text that is not a year between {@link #FIRST} and {@link #LAST}
     */
    public static int parse(String field, String value, LocalDate today) {
        return value == null || value.isBlank() ? of(today) : parseRequired(field, value, today);
    }

    /**
     * A year from a request that must name one.
     *
     * @throws ProblemException 400 naming {@code field} for a missing value or one that is not a year between {@link #FIRST}
     *         and {@link #LAST}
     */
    public static int parseRequired(String field, String value, LocalDate today) {
        int year;
        try {
            year = Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, today);
        }
        return require(field, year, today);
    }

    /**
     * A year given as a number (a JSON body's field, or {@code null} when missing).
     *
     * @throws ProblemException 400 naming {@code field} for {@code null} or a year outside {@link #FIRST}–{@link #LAST}
     */
    public static int require(String field, Integer year, LocalDate today) {
        if (year == null || year < FIRST || year > LAST) {
            throw invalid(field, today);
        }
        return year;
    }

    /** @return the problem {@link #parse} throws for {@code field} */
    public static ProblemException invalid(String field, LocalDate today) {
        return ProblemException.invalid(field, problem(field, today));
    }

    /**
     * @return what is wrong with a year in {@code field}, for a module that collects several {@link
     *         org.zhurnal.core.api.Violation}s before it answers
     */
    public static Text problem(String field, LocalDate today) {
        int y = of(today);
        return Text.of(field + " is an academic year's first calendar year (" + FIRST + "–" + LAST + "), e.g. " + y + " for " + y + "/"
                + (y + 1), "Укажите год начала учебного года (" + FIRST + "–" + LAST + "), например " + y + " для " + y + "/" + (y + 1));
    }
}
