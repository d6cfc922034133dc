package org.zhurnal.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.zhurnal.calendar.api.AcademicYear;
import org.zhurnal.calendar.api.DayOff;
import org.zhurnal.calendar.api.DayTransfer;

/** The calendar's pure rules: which day is a school day, and the standard Russian reporting periods. No state. */
public final class CalendarRules {
    public static final List<String> SCHEMES = List.of("QUARTERS", "HALF_YEARS", "TRIMESTERS", "CUSTOM");
    public static final List<String> DAY_OFF_KINDS = List.of("HOLIDAY", "VACATION");

    /** A period's name and bounds, given or generated. */
    public record Span(String name, LocalDate start, LocalDate end) {}

    private CalendarRules() {}

    /**
     * The weekday whose timetable {@code grade} follows on {@code date}, or empty when there are no lessons.
     * Outside the year there are none; within it a transfer decides; otherwise a day off covering the grade
     * frees the day, and so do Sunday and (in a five-day week) Saturday.
     */
    public static Optional<DayOfWeek> timetableDay(AcademicYear year, List<DayOff> daysOff, List<DayTransfer> transfers, int grade,
            LocalDate date) {
        if (year == null || !year.contains(date)) {
            return Optional.empty();
        }
        for (DayTransfer t : transfers) {
            if (t.date().equals(date)) {
                return t.working() ? Optional.ofNullable(t.timetableOf()) : Optional.empty();
            }
        }
        for (DayOff d : daysOff) {
            if (d.covers(grade, date)) {
                return Optional.empty();
            }
        }
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SUNDAY || (dow == DayOfWeek.SATURDAY && year.workingDays() < 6)) {
            return Optional.empty();
        }
        return Optional.of(dow);
    }

    /** The school days of {@code grade} between {@code from} and {@code to}, both included. */
    public static List<LocalDate> schoolDays(AcademicYear year, List<DayOff> daysOff, List<DayTransfer> transfers, int grade,
            LocalDate from, LocalDate to) {
        return new ArrayList<>(timetableDays(year, daysOff, transfers, grade, from, to).keySet());
    }

    /**
     * The school days of {@code grade} between {@code from} and {@code to} (both included) with the weekday whose
     * timetable each follows (see {@link #timetableDay}), ascending.
     */
    public static SortedMap<LocalDate, DayOfWeek> timetableDays(AcademicYear year, List<DayOff> daysOff, List<DayTransfer> transfers,
            int grade, LocalDate from, LocalDate to) {
        SortedMap<LocalDate, DayOfWeek> days = new TreeMap<>();
        if (year == null) {
            return days;
        }
        LocalDate d = from.isBefore(year.start()) ? year.start() : from;
        LocalDate last = to.isAfter(year.end()) ? year.end() : to;
        for (; !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate date = d;
            timetableDay(year, daysOff, transfers, grade, d).ifPresent(w -> days.put(date, w));
        }
        return days;
    }

    /**
     * The usual periods of a scheme in the year {@code y}: quarters 01.09–25.10, 05.11–28.12, 12.01–22.03,
     * 01.04–26.05; half-years 01.09–28.12, 12.01–26.05; trimesters 01.09–30.11, 01.12–28.02, 01.03–26.05. The
     * first starts with the year and none reaches past its end; for CUSTOM the list is empty.
     */
    public static List<Span> standardPeriods(String scheme, AcademicYear y) {
        int a = y.year();
        int b = a + 1;
        List<Span> spans = switch (scheme) {
            case "QUARTERS" -> List.of(span("1 четверть", a, 9, 1, a, 10, 25), span("2 четверть", a, 11, 5, a, 12, 28),
                    span("3 четверть", b, 1, 12, b, 3, 22), span("4 четверть", b, 4, 1, b, 5, 26));
            case "HALF_YEARS" -> List.of(span("1 полугодие", a, 9, 1, a, 12, 28), span("2 полугодие", b, 1, 12, b, 5, 26));
            case "TRIMESTERS" -> List.of(span("1 триместр", a, 9, 1, a, 11, 30), new Span("2 триместр", LocalDate.of(a, 12, 1),
                    LocalDate.of(b, 3, 1).minusDays(1)), span("3 триместр", b, 3, 1, b, 5, 26));
            default -> List.of();
        };
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            LocalDate start = i == 0 || s.start().isBefore(y.start()) ? y.start() : s.start();
            LocalDate end = s.end().isAfter(y.end()) ? y.end() : s.end();
            if (!end.isBefore(start)) {
                out.add(new Span(s.name(), start, end));
            }
        }
        return out;
    }

    private static Span span(String name, int y1, int m1, int d1, int y2, int m2, int d2) {
        return new Span(name, LocalDate.of(y1, m1, d1), LocalDate.of(y2, m2, d2));
    }

    /** @return grades as stored: ascending, comma-separated; empty for none */
    public static String formatGrades(List<Integer> grades) {
        return grades == null ? "" : grades.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Integer> parseGrades(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }

    /** @return whether two date ranges share at least one day */
    public static boolean overlap(LocalDate s1, LocalDate e1, LocalDate s2, LocalDate e2) {
        return !s1.isAfter(e2) && !s2.isAfter(e1);
    }
}
