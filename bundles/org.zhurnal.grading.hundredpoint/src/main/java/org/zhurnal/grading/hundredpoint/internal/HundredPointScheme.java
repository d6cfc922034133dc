package org.zhurnal.grading.hundredpoint.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.gradebook.spi.GradingPolicy;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;

/**
 * The hundred-point scale «Стобалльная» / "Hundred-point", id {@value #ID}, as used for tests, olympiad-style
 * work and schools that grade in percent.
 * <ul>
 * <li>Values, for current marks and final grades alike: the integers «0» … «100». Parsing ignores surrounding
 * spaces; leading zeros, signs, fractions and a trailing «%» are refused.</li>
 * <li>Numeric value: the number itself.</li>
 * <li>Five-point equivalent (the usual percentage bands for school tests): 85–100 → «5», 65–84 → «4»,
 * 45–64 → «3», 0–44 → «2».</li>
 * <li>Passing: a five-point equivalent of «3» or better, i.e. 45 or more.</li>
 * </ul>
 * <p>Suggestion ({@link #suggest}): the weighted average Σ value·weight / Σ weight, half-up to two decimals,
 * rounded by {@link GradingPolicy#round} (the two-decimal average is the one rounded, so the suggestion agrees
 * with the average the teacher sees). Fewer marks than {@link GradingPolicy#minimumMarks}: no value, reason
 * «fewer than N marks»; no marks at all: reason «no marks».
 * <p>Stateless and thread-safe.
 */
@Component(property = GradingScheme.SCHEME_PROPERTY + "=" + HundredPointScheme.ID)
public class HundredPointScheme implements GradingScheme {
    /** The scheme id stored with every mark. */
    public static final String ID = "hundredpoint";

    private static final List<String> VALUES = IntStream.rangeClosed(0, 100).map(i -> 100 - i)
            .mapToObj(Integer::toString).toList();
    private static final Pattern VALUE = Pattern.compile("100|[1-9]?[0-9]");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "Hundred-point" : "Стобалльная";
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
        String fivePoint = fivePoint(value);
        return Optional.of(new MarkValue(Integer.toString(value), (double) value, Integer.parseInt(fivePoint) >= 3, fivePoint));
    }

    /** The documented five-point equivalent of a hundred-point value. */
    static String fivePoint(int value) {
        return value >= 85 ? "5" : value >= 65 ? "4" : value >= 45 ? "3" : "2";
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
