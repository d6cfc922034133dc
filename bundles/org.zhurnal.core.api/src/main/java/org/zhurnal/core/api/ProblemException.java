package org.zhurnal.core.api;

import java.util.List;
import java.util.Locale;

/**
 * An error meant for the caller, turned into an RFC 9457 {@code application/problem+json} response by
 * the REST layer. {@link #type()} is a stable slug ({@code validation}, {@code not-found}, ...) that
 * clients may switch on; {@link #getMessage()} is the human-readable detail and never contains
 * internals. {@link #field()} names the offending input (a JSON field, or {@code file:row:column}).
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final List<Violation> violations;
    private final Text text;

    public ProblemException(int status, String type, String title, String detail, String field) {
        this(status, type, title, detail, field, List.of());
    }

    public ProblemException(int status, String type, String title, String detail, String field, List<Violation> violations) {
        this(status, type, title, detail, null, field, violations);
    }

    /** A problem whose detail is given in the UI's languages (see {@link #detail(Locale)}). */
    public ProblemException(int status, String type, String title, Text detail, String field) {
        this(status, type, title, detail.en(), detail, field, List.of());
    }

    /** A problem with several invalid inputs whose detail is given in the UI's languages. */
    public ProblemException(int status, String type, String title, Text detail, String field, List<Violation> violations) {
        this(status, type, title, detail.en(), detail, field, violations);
    }

    private ProblemException(int status, String type, String title, String detail, Text text, String field, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.violations = List.copyOf(violations);
        this.text = text;
    }

    /** 400: several inputs are invalid (all listed; nothing was changed); the detail in the UI's languages. */
    public static ProblemException invalid(Text detail, List<Violation> violations) {
        return new ProblemException(400, "validation", "Invalid input", detail.en(), detail,
                violations.isEmpty() ? null : violations.get(0).field(), violations);
    }

    /** 400: the input named by {@code field} is invalid; the detail in the UI's languages. */
    public static ProblemException invalid(String field, Text detail) {
        return new ProblemException(400, "validation", "Invalid input", detail, field);
    }

    /** 403: the caller is known but may not do this; the detail in the UI's languages. */
    public static ProblemException forbidden(Text detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    /** 409: the request conflicts with the current state; the detail in the UI's languages. */
    public static ProblemException conflict(String type, Text detail) {
        return new ProblemException(409, type, "Conflict", detail, null);
    }

    /**
     * The same problem about a part of a larger request: {@code place} (such as {@code [3]}) goes before the field,
     * {@code prefix} before the detail in each language.
     */
    public ProblemException within(String place, Text prefix) {
        List<Violation> placed = violations.stream().map(v -> new Violation(place + "." + v.field(), v.message(),
                v.text())).toList();
        // A problem with no Russian text stays English as a whole (no Russian prefix before an English detail).
        Text detail = Text.of(prefix.en() + getMessage(), prefix.ru() == null || text == null || text.ru() == null ? null
                : prefix.ru() + text.ru());
        return new ProblemException(status, type, title, detail.en(), detail, field == null ? place : place + "." + field, placed);
    }

    /** @return the detail in {@code locale}'s language when the problem has it, else the English {@link #getMessage()} */
    public String detail(Locale locale) {
        return text == null ? getMessage() : text.in(locale);
    }

    /** 400: several inputs are invalid (all of them are listed; nothing was changed). */
    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(400, "validation", "Invalid input", detail,
                violations.isEmpty() ? null : violations.get(0).field(), violations);
    }

    /** 400: the input named by {@code field} is invalid. */
    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "validation", "Invalid input", detail, field);
    }

    /** 401: no valid credentials. */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "unauthenticated", "Authentication required", detail, null);
    }

    /** 403: the caller is known but may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    /** 404: nothing of that kind with that id exists within the caller's scope. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", Text.of(what + " " + id + " was not found",
                NOT_FOUND_RU.getOrDefault(what, "Запрошенные данные не найдены или недоступны")), null);
    }

    /** What {@link #notFound} says in Russian per kind (no id: people do not read ids); other kinds get a neutral text. */
    private static final java.util.Map<String, String> NOT_FOUND_RU = java.util.Map.ofEntries(
            java.util.Map.entry("School", "Школа не найдена или недоступна"),
            java.util.Map.entry("Student", "Ученик не найден или недоступен"),
            java.util.Map.entry("Class", "Класс не найден или недоступен"),
            java.util.Map.entry("Group", "Группа не найдена или недоступна"),
            java.util.Map.entry("Person", "Человек не найден или недоступен"),
            java.util.Map.entry("Teacher", "Учитель не найден или недоступен"),
            java.util.Map.entry("Account", "Учётная запись не найдена или недоступна"),
            java.util.Map.entry("Lesson", "Урок не найден или недоступен"),
            java.util.Map.entry("Mark", "Отметка не найдена или недоступна (возможно, её уже удалили)"),
            java.util.Map.entry("Reporting period", "Учебный период не найден"),
            java.util.Map.entry("Reporting period on", "На эту дату нет учебного периода"),
            java.util.Map.entry("Academic year", "Учебный год не найден"),
            java.util.Map.entry("Report", "Отчёт не найден"),
            java.util.Map.entry("Report job", "Отчёт не найден (возможно, срок его хранения истёк)"),
            java.util.Map.entry("Archived document", "Документ архива не найден или недоступен"),
            java.util.Map.entry("Timetable entry", "Урок расписания не найден"),
            java.util.Map.entry("Bell schedule", "Расписание звонков не найдено"),
            java.util.Map.entry("Bell schedule on", "На эту дату нет расписания звонков"),
            java.util.Map.entry("Achievement", "Достижение не найдено"),
            java.util.Map.entry("Consent", "Согласие не найдено"));

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, null);
    }

    /** 429: too many attempts; retry later. */
    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "too-many-requests", "Too many requests", detail, null);
    }

    /** @return the detail in the UI's languages, or {@code null} when there is only the English message */
    public Text text() { return text; }

    /** @return every invalid input when there are several; empty otherwise */
    public List<Violation> violations() { return violations; }

    public int status() { return status; }

    public String type() { return type; }

    public String title() { return title; }

    /** @return the offending field, or {@code null} when the problem is not about one input. */
    public String field() { return field; }
}
