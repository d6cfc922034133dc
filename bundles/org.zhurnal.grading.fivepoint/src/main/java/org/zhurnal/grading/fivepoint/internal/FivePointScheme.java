package org.zhurnal.grading.fivepoint.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.gradebook.spi.GradingPolicy;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;

/**
 * The five-point scale «Пятибалльная» / "Five-point", id {@value #ID}, the default scheme of Russian schools.
 * <ul>
 * <li>Current marks: «5» «4» «3» «2» «1», each with an optional «+» or «-» («4+», «5-»), except «5+» and «1-»,
 * which do not exist; and «н/а» (not assessed). Final grades: «5» «4» «3» «2» «1» and «н/а», no modifiers.</li>
 * <li>Parsing ignores surrounding spaces and case; «н/а» is also accepted as «на», «Н/А» and «n/a»; a typographic
 * minus (U+2212) or en dash is read as «-». The stored form is the digit plus an ASCII {@code +} or {@code -}.</li>
 * <li>Numeric value: the digit; {@code +} adds 0.25 and {@code -} subtracts 0.25 («4+» = 4.25, «5-» = 4.75).
 * «н/а» has no numeric value and is not averaged.</li>
 * <li>Passing: the digit is 3 or more («3-» passes, «2+» does not); «н/а» does not pass. The five-point
 * equivalent is the digit without modifier; «н/а» has none.</li>
 * </ul>
 * <p>Suggestion ({@link #suggest}): the weighted average Σ numeric·weight / Σ weight of the marks that have a
 * numeric value, half-up to two decimals, then rounded by {@link GradingPolicy#round}. The two-decimal average
 * is the one rounded, so the suggestion always agrees with the average the teacher sees (4.499 shows as 4.50
 * and, with threshold 0.5, suggests «5»). «н/а» marks are not counted. Fewer counted marks than
 * {@link GradingPolicy#minimumMarks}: no value, reason «fewer than N marks» (with the average when there is
 * one); no marks at all: no value, reason «no marks». Exception: when the marks are all
 * «н/а» (at least one, none averaged), «н/а» is suggested, since the student could not be assessed at all in
 * the period, which is what a final «н/а» records; the teacher confirms it as any other suggestion.
 * <p>Stateless and thread-safe.
 */
@Component(property = GradingScheme.SCHEME_PROPERTY + "=" + FivePointScheme.ID)
public class FivePointScheme implements GradingScheme {
    /** The scheme id stored with every mark. */
    public static final String ID = "fivepoint";
    /** Canonical «not assessed». */
    public static final String NOT_ASSESSED = "н/а";

    private static final List<String> CURRENT_VALUES = List.of("5", "5-", "4+", "4", "4-", "3+", "3", "3-", "2+", "2",
            "2-", "1+", "1", NOT_ASSESSED);
    private static final List<String> FINAL_VALUES = List.of("5", "4", "3", "2", "1", NOT_ASSESSED);
    private static final Pattern MARK = Pattern.compile("([1-5])([+-]?)");
    private static final double MODIFIER_STEP = 0.25;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "Five-point" : "Пятибалльная";
    }

    @Override
    public List<String> values(MarkUse use) {
        return use == MarkUse.FINAL ? FINAL_VALUES : CURRENT_VALUES;
    }

    @Override
    public Optional<MarkValue> parse(String raw, MarkUse use) {
        if (raw == null) {
            return Optional.empty();
        }
        String typed = raw.strip().toLowerCase(Locale.ROOT).replace('\u2212', '-').replace('\u2013', '-');
        if (typed.equals(NOT_ASSESSED) || typed.equals("на") || typed.equals("n/a")) {
            return Optional.of(new MarkValue(NOT_ASSESSED, null, false, null));
        }
        Matcher m = MARK.matcher(typed);
        if (!m.matches()) {
            return Optional.empty();
        }
        int digit = Integer.parseInt(m.group(1));
        String modifier = m.group(2);
        if (!modifier.isEmpty() && (use == MarkUse.FINAL || typed.equals("5+") || typed.equals("1-"))) {
            return Optional.empty();
        }
        double numeric = digit + (modifier.equals("+") ? MODIFIER_STEP : modifier.equals("-") ? -MODIFIER_STEP : 0);
        return Optional.of(new MarkValue(typed, numeric, digit >= 3, Integer.toString(digit)));
    }

    @Override
    public Suggestion suggest(List<WeightedMark> marks, GradingPolicy policy) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        int counted = 0;
        for (WeightedMark m : marks) {
            if (m.mark().numeric() != null) {
                BigDecimal weight = BigDecimal.valueOf(m.weight());
                sum = sum.add(BigDecimal.valueOf(m.mark().numeric()).multiply(weight));
                weights = weights.add(weight);
                counted++;
            }
        }
        if (counted == 0 && !marks.isEmpty()) {
            return new Suggestion(NOT_ASSESSED, null, 0, null);
        }
        if (counted == 0) {
            return new Suggestion(null, null, 0, "no marks");
        }
        BigDecimal average = sum.divide(weights, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
        if (counted < policy.minimumMarks()) {
            return new Suggestion(null, average, counted, "fewer than " + policy.minimumMarks() + " marks");
        }
        return new Suggestion(Integer.toString(policy.round(average)), average, counted, null);
    }
}
