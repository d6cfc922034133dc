package org.zhurnal.report.progress.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zhurnal.gradebook.api.GradeMeaning;

/**
 * The rates of a class over a reporting period, from its students' confirmed period grades as their grading schemes
 * read them (pure: unit-tested on its own).
 * <ul>
 * <li>A student is <em>assessed</em> when they have at least one confirmed period grade that their scheme can read.</li>
 * <li>Success rate (успеваемость) = assessed students none of whose grades fails (scheme's {@code passing}: no «2», no
 * «н/а», no «незачёт») / assessed students.</li>
 * <li>Quality rate (качество знаний) = assessed students whose grades all pass and whose grades with a five-point
 * equivalent are all 4 or 5 («зачёт» keeps quality) / assessed students.</li>
 * <li>Average grade = mean of the five-point equivalents (grades without one are left out).</li>
 * <li>Missing = pairs of a student and a subject taught to the class in the period without a confirmed grade.</li>
 * </ul>
 * Percentages and averages are rounded half-up, to one and two decimals; {@code null} when there is nothing to divide by.
 */
final class Progress {
    private Progress() {
    }

    /** A confirmed grade; {@code meaning} is {@code null} when its scheme cannot read it now (plug-in removed). */
    record Grade(String studentId, String subject, String value, GradeMeaning meaning) {
    }

    /**
     * Figures of one group of grades (a class over all subjects, or a class in one subject).
     *
     * @param students the students counted (the class's in the period)
     * @param assessed students with at least one readable grade
     * @param successful assessed students with no failing grade
     * @param quality assessed students with only passing grades, all 4 or 5 where five-point
     * @param successRate successful / assessed in %, or {@code null}
     * @param qualityRate quality / assessed in %, or {@code null}
     * @param average mean five-point grade, or {@code null}
     * @param fives grades «5»
     * @param fours grades «4»
     * @param threes grades «3»
     * @param twos grades «2» or lower
     * @param other readable grades without a five-point equivalent («зачёт», «н/а»)
     * @param missing expected grades not confirmed (and unreadable ones)
     */
    record Figures(int students, int assessed, int successful, int quality, BigDecimal successRate, BigDecimal qualityRate, BigDecimal average,
            int fives, int fours, int threes, int twos, int other, int missing) {
    }

    /**
     * @param students the class's students in the period
     * @param subjects the subjects taught to the class in the period (for the missing count)
     * @param grades the confirmed period grades of those students (others are ignored)
     */
    static Figures figures(Collection<String> students, Collection<String> subjects, List<Grade> grades) {
        Map<String, List<GradeMeaning>> byStudent = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int[] counts = new int[5];
        int sum = 0;
        int averaged = 0;
        for (Grade g : grades) {
            if (!students.contains(g.studentId()) || g.meaning() == null) {
                continue;
            }
            seen.add(g.studentId() + "\u0000" + g.subject());
            byStudent.computeIfAbsent(g.studentId(), k -> new ArrayList<>()).add(g.meaning());
            Integer five = g.meaning().fivePoint();
            if (five == null) {
                counts[4]++;
            } else {
                counts[five >= 5 ? 0 : five == 4 ? 1 : five == 3 ? 2 : 3]++;
                sum += five;
                averaged++;
            }
        }
        int successful = 0;
        int quality = 0;
        for (List<GradeMeaning> ms : byStudent.values()) {
            boolean pass = ms.stream().allMatch(GradeMeaning::passing);
            successful += pass ? 1 : 0;
            quality += pass && ms.stream().allMatch(m -> m.fivePoint() == null || m.fivePoint() >= 4) ? 1 : 0;
        }
        int missing = 0;
        for (String s : students) {
            for (String subject : subjects) {
                if (!seen.contains(s + "\u0000" + subject)) {
                    missing++;
                }
            }
        }
        int assessed = byStudent.size();
        return new Figures(students.size(), assessed, successful, quality, percent(successful, assessed), percent(quality, assessed),
                averaged == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(averaged), 2, RoundingMode.HALF_UP), counts[0],
                counts[1], counts[2], counts[3], counts[4], missing);
    }

    /** @return {@code part / whole} in percent, one decimal, half-up; {@code null} when {@code whole} is 0 */
    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
