package org.zhurnal.report.timeliness.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The schools' activity rating («Рейтинг активности школ») as a pure function.
 * <p>For a school and a date range {@code from}–{@code to}, four shares, each a fraction in [0, 1]:
 * <ul>
 * <li><b>T</b> (journal timeliness) = lessons held with topic AND attendance recorded on the day / lessons held
 * (the gradebook's timeliness; cancelled lessons and lessons recorded as not held are not counted);</li>
 * <li><b>D</b> (diary use by families) = students whose family was reached in the range (opened the diary, got a
 * delivered notification or a handed-over printout; a student counts once) / students enrolled;</li>
 * <li><b>A</b> (accounts issued) = students and guardians (each person once) with a Zhurnal account / students and
 * their guardians;</li>
 * <li><b>C</b> (personal-data consents) = students with a consent in force (their latest consent GIVEN, not withdrawn)
 * / students enrolled.</li>
 * </ul>
 * Students are those enrolled in the school's classes on {@code to} (or today, if earlier). A share whose denominator
 * is 0 counts as 0.
 * <p><b>Rating</b> R = 40·T + 30·D + 15·A + 15·C points (0–100), computed exactly and rounded half-up to one
 * decimal. Schools are ranked by R (highest first); equal R share a place (1, 1, 3); within a tie the order is by T,
 * then by name. The weights favour the journal (the deputy director's control) and the families being informed (the
 * point of the diary) over the one-off set-up work of issuing accounts and collecting consents.
 */
public final class ActivityRating {
    /** Weights of T, D, A and C, in points. */
    public static final int W_TIMELINESS = 40;
    public static final int W_DIARY = 30;
    public static final int W_ACCOUNTS = 15;
    public static final int W_CONSENTS = 15;

    private ActivityRating() {
    }

    /**
     * What the rating of one school is computed from.
     *
     * @param schoolId the school
     * @param name its short name
     * @param lessons lessons held
     * @param lessonsOnDay of them recorded on the day
     * @param students students enrolled
     * @param reached of them whose family was reached
     * @param persons students and guardians (each once)
     * @param withAccount of them with an account
     * @param withConsent students with a consent in force
     */
    public record Input(String schoolId, String name, int lessons, int lessonsOnDay, int students, int reached, int persons, int withAccount,
            int withConsent) {
    }

    /**
     * A school's rating.
     *
     * @param place its place (equal ratings share a place)
     * @param input what it was computed from
     * @param timeliness T in percent (one decimal), {@code null} when no lesson was held
     * @param diary D in percent, {@code null} without students
     * @param accounts A in percent, {@code null} without persons
     * @param consents C in percent, {@code null} without students
     * @param rating R, 0–100, one decimal
     */
    public record Result(int place, Input input, BigDecimal timeliness, BigDecimal diary, BigDecimal accounts, BigDecimal consents,
            BigDecimal rating) {
    }

    /** @return R of one school, half-up to one decimal */
    public static BigDecimal rating(Input in) {
        BigDecimal r = part(W_TIMELINESS, in.lessonsOnDay(), in.lessons()).add(part(W_DIARY, in.reached(), in.students()))
                .add(part(W_ACCOUNTS, in.withAccount(), in.persons())).add(part(W_CONSENTS, in.withConsent(), in.students()));
        return r.setScale(1, RoundingMode.HALF_UP);
    }

    // weight · part / whole, exact to 10 decimals (all denominators are counts; the sum is rounded once)
    private static BigDecimal part(int weight, int part, int whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf((long) weight * part).divide(BigDecimal.valueOf(whole), 10, RoundingMode.HALF_UP);
    }

    /** @return the schools ranked by {@link #rating}, best first */
    public static List<Result> rank(List<Input> schools) {
        List<Result> computed = new ArrayList<>();
        for (Input in : schools) {
            computed.add(new Result(0, in, Shares.percent(in.lessonsOnDay(), in.lessons()), Shares.percent(in.reached(), in.students()),
                    Shares.percent(in.withAccount(), in.persons()), Shares.percent(in.withConsent(), in.students()), rating(in)));
        }
        computed.sort(Comparator.comparing(Result::rating).reversed()
                .thenComparing(Result::timeliness, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.input().name()));
        List<Result> out = new ArrayList<>();
        for (int i = 0; i < computed.size(); i++) {
            Result r = computed.get(i);
            int place = i > 0 && computed.get(i - 1).rating().compareTo(r.rating()) == 0 ? out.get(i - 1).place() : i + 1;
            out.add(new Result(place, r.input(), r.timeliness(), r.diary(), r.accounts(), r.consents(), r.rating()));
        }
        return out;
    }
}
