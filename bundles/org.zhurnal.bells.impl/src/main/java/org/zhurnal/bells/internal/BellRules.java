package org.zhurnal.bells.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.zhurnal.bells.api.BellPeriod;
import org.zhurnal.bells.api.BellSchedule;
import org.zhurnal.core.api.Text;
import org.zhurnal.core.api.Violation;

/** The bells' pure rules: what a valid schedule is, and how its lessons are stored. No state. */
public final class BellRules {
    public static final List<String> KINDS = List.of("REGULAR", "SHORTENED", "SATURDAY", "SECOND_SHIFT");
    public static final int MAX_PERIODS = 12;

    /** Body of a new or replaced schedule. */
    public record ScheduleInput(String name, String kind, LocalDate validFrom, LocalDate validTo, List<PeriodInput> periods) {}

    /** One lesson as sent; boxed so that a missing value is reported by field. */
    public record PeriodInput(Integer number, LocalTime start, LocalTime end) {}

    private BellRules() {}

    /** @return every problem of {@code in}, each naming its field ({@code periods[2].end}); empty when valid */
    public static List<Violation> validate(ScheduleInput in) {
        List<Violation> v = new ArrayList<>();
        if (in == null) {
            v.add(new Violation("body", Text.of("A JSON body is required", "Не переданы данные запроса")));
            return v;
        }
        if (in.name() == null || in.name().isBlank() || in.name().length() > 100) {
            v.add(new Violation("name", Text.of("name is required (at most 100 characters)", "Укажите название (не длиннее 100 символов)")));
        }
        if (in.kind() == null || !KINDS.contains(in.kind().toUpperCase(Locale.ROOT))) {
            v.add(new Violation("kind", Text.of("kind is one of " + KINDS,
                    "Выберите вид расписания: обычное, сокращённое, субботнее или вторая смена")));
        }
        if (in.validFrom() == null) {
            v.add(new Violation("validFrom", Text.of("validFrom is required", "Укажите, с какого дня действует расписание")));
        } else if (in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
            v.add(new Violation("validTo", Text.of("validTo is not before validFrom", "Дата окончания действия не может быть раньше даты начала")));
        }
        List<PeriodInput> ps = in.periods();
        if (ps == null || ps.isEmpty() || ps.size() > MAX_PERIODS) {
            v.add(new Violation("periods", Text.of("A schedule has 1 to " + MAX_PERIODS + " lessons", "В расписании от 1 до " + MAX_PERIODS
                    + " уроков")));
            return v;
        }
        PeriodInput previous = null;
        int previousIndex = -1;
        for (int i = 0; i < ps.size(); i++) {
            PeriodInput p = ps.get(i);
            String f = "periods[" + i + "]";
            if (p == null) {
                v.add(new Violation(f, Text.of("A lesson is required", "Строка " + (i + 1) + ": урок не задан")));
                continue;
            }
            boolean ok = true;
            if (p.number() == null || p.number() < 1 || p.number() > MAX_PERIODS) {
                v.add(new Violation(f + ".number", Text.of("number is 1 to " + MAX_PERIODS, "Строка " + (i + 1) + ": номер урока — от 1 до "
                        + MAX_PERIODS)));
                ok = false;
            } else if (previous != null && previous.number() != null && p.number() <= previous.number()) {
                v.add(new Violation(f + ".number", Text.of("Lesson numbers are unique and ascending: " + p.number() + " follows "
                        + previous.number(), p.number().equals(previous.number()) ? "Урок №" + p.number() + " указан дважды"
                        : "Номера уроков должны идти по возрастанию: " + p.number() + "-й урок указан после " + previous.number() + "-го")));
            }
            if (p.start() == null) {
                v.add(new Violation(f + ".start", Text.of("start is required", lesson(p, i) + ": укажите время начала")));
                ok = false;
            }
            if (p.end() == null) {
                v.add(new Violation(f + ".end", Text.of("end is required", lesson(p, i) + ": укажите время окончания")));
                ok = false;
            } else if (p.start() != null && !p.end().isAfter(p.start())) {
                v.add(new Violation(f + ".end", Text.of("Lesson " + p.number() + " ends after it starts", lesson(p, i)
                        + " должен заканчиваться позже, чем начинается")));
                ok = false;
            }
            if (ok && previous != null && p.start().isBefore(previous.end())) {
                v.add(new Violation(f + ".start", Text.of("Lesson " + p.number() + " (" + p.start() + "–" + p.end() + ") overlaps lesson "
                        + previous.number() + " (" + previous.start() + "–" + previous.end() + ", periods[" + previousIndex + "])",
                        lesson(p, i) + " (" + Messages.time(p.start()) + "–" + Messages.time(p.end()) + ") пересекается "
                                + (previous.number() == 2 ? "со " : "с ") + previous.number() + "-м уроком (" + Messages.time(previous.start())
                                + "–" + Messages.time(previous.end()) + ")")));
            }
            if (ok) {
                previous = p;
                previousIndex = i;
            }
        }
        return v;
    }

    /** A lesson named in a Russian problem: «3-й урок» by its number when it has one, else by its row. */
    private static String lesson(PeriodInput p, int index) {
        return p.number() != null && p.number() >= 1 && p.number() <= MAX_PERIODS ? p.number() + "-й урок" : "Урок в строке " + (index + 1);
    }

    /** @return the lessons as stored: {@code 1=08:30-09:15;2=09:25-10:10} */
    public static String encode(List<BellPeriod> periods) {
        return periods.stream().map(p -> p.number() + "=" + p.start() + "-" + p.end()).collect(Collectors.joining(";"));
    }

    public static List<BellPeriod> decode(String stored) {
        List<BellPeriod> out = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String part : stored.split(";")) {
            int eq = part.indexOf('=');
            int dash = part.indexOf('-', eq);
            out.add(new BellPeriod(Integer.parseInt(part.substring(0, eq)), LocalTime.parse(part.substring(eq + 1, dash)),
                    LocalTime.parse(part.substring(dash + 1))));
        }
        return out;
    }

    /**
     * Lessons of equal length from {@code first}, separated by the given breaks (the last break repeats
     * when there are fewer breaks than gaps).
     */
    public static List<BellPeriod> generate(LocalTime first, int minutes, int count, int... breaks) {
        List<BellPeriod> out = new ArrayList<>();
        LocalTime t = first;
        for (int i = 0; i < count; i++) {
            LocalTime end = t.plusMinutes(minutes);
            out.add(new BellPeriod(i + 1, t, end));
            int gap = breaks.length == 0 ? 0 : breaks[Math.min(i, breaks.length - 1)];
            t = end.plusMinutes(gap);
        }
        return out;
    }

    /**
     * The schedule of one date: the date's override if there is one (whatever its validity), else none on a
     * Sunday, else the weekday's schedule if it is valid on that date.
     *
     * @param override the schedule the date's override names, or {@code null} for no override
     * @param weekday the schedule assigned to a weekday, or {@code null}
     */
    public static Optional<BellSchedule> scheduleOn(LocalDate date, BellSchedule override, Function<DayOfWeek, BellSchedule> weekday) {
        if (override != null) {
            return Optional.of(override);
        }
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.empty();
        }
        return Optional.ofNullable(weekday.apply(date.getDayOfWeek())).filter(s -> s.validOn(date));
    }

    /**
     * The schedule of every date from {@code from} to {@code to} (both included) by {@link #scheduleOn}; an
     * override or assignment naming an unknown schedule counts as absent.
     *
     * @param schedules the school's schedules by id
     * @param weekdays schedule id by weekday
     * @param overrides schedule id by date
     * @return date → schedule, ascending; dates without one are absent
     */
    public static SortedMap<LocalDate, BellSchedule> schedulesOn(LocalDate from, LocalDate to, Map<String, BellSchedule> schedules,
            Map<DayOfWeek, String> weekdays, Map<LocalDate, String> overrides) {
        SortedMap<LocalDate, BellSchedule> out = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            String overrideId = overrides.get(d);
            BellSchedule override = overrideId == null ? null : schedules.get(overrideId);
            if (overrideId != null && override == null) {
                continue;
            }
            LocalDate date = d;
            scheduleOn(d, override, w -> {
                String id = weekdays.get(w);
                return id == null ? null : schedules.get(id);
            }).ifPresent(s -> out.put(date, s));
        }
        return out;
    }
}
