package org.zhurnal.grading.tenpoint.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.gradebook.spi.GradingPolicy;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;

/**
 * The ten-point scale «Десятибалльная» / "Ten-point", id {@value #ID}, used by some municipalities and private
 * schools.
 * <ul>
 * <li>Values, for current marks and final grades alike: the integers «10» … «1», without modifiers. Parsing
 * ignores surrounding spaces; leading zeros, signs and fractions are refused.</li>
 * <li>Numeric value: the number itself.</li>
 * <li>Five-point equivalent (the convention this plug-in follows, taken from the ten-point scales in use: 1–3
 * are unsatisfactory, 4–6 satisfactory, 7–8 good, 9–10 excellent): 9–10 → «5», 7–8 → «4», 4–6 → «3»,
 * 1–3 → «2».</li>
 * <li>Passing: 4 or more, i.e. exactly the values whose five-point equivalent is «3» or better, so the success
 * rate agrees across schemes.</li>
 * </ul>
 * <p>Suggestion ({@link #suggest}): the weighted average Σ value·weight / Σ weight, half-up to two decimals,
 * rounded by {@link GradingPolicy#round} (the two-decimal average is the one rounded, so the suggestion agrees
 * with the average the teacher sees). Fewer marks than {@link GradingPolicy#minimumMarks}: no value, reason
 * «fewer than N marks»; no marks at all: reason «no marks».
 * <p>Stateless and thread-safe.
 */
@Component(property = GradingScheme.SCHEME_PROPERTY + "=" + TenPointScheme.ID)
public class TenPointScheme implements GradingScheme {
    /** The scheme id stored with every mark. */
    public static final String ID = "tenpoint";

    private static final List<String> VALUES = List.of("10", "9", "8", "7", "6", "5", "4", "3", "2", "1");
    private static final Pattern VALUE = Pattern.compile("10|[1-9]");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "Ten-point" : "Десятибалльная";
    }

    @Override
    public List<String> values(MarkUse use) {
        return VALUES;
    }

    @Override
    public Optional<MarkValue> parse(String raw, MarkUse use) {
        if (raw == null || !VALUE.matcher(raw.strip()).matches()) {
            return Optional.empty();
        }
        int value = Integer.parseInt(raw.strip());
        return Optional.of(new MarkValue(Integer.toString(value), (double) value, value >= 4, fivePoint(value)));
    }

    /** The documented five-point equivalent of a ten-point value. */
    static String fivePoint(int value) {
        return value >= 9 ? "5" : value >= 7 ? "4" : value >= 4 ? "3" : "2";
    }

    @Override
    public Suggestion suggest(List<WeightedMark> marks, GradingPolicy policy) {
        if (marks.isEmpty()) {
            return new Suggestion(null, null, 0, "no marks");
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (WeightedMark m : marks) {
            BigDecimal weight = BigDecimal.valueOf(m.weight());
            sum = sum.add(BigDecimal.valueOf(m.mark().numeric()).multiply(weight));
            weights = weights.add(weight);
        }
        BigDecimal average = sum.divide(weights, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
        if (marks.size() < policy.minimumMarks()) {
            return new Suggestion(null, average, marks.size(), "fewer than " + policy.minimumMarks() + " marks");
        }
        return new Suggestion(Integer.toString(policy.round(average)), average, marks.size(), null);
    }
}
