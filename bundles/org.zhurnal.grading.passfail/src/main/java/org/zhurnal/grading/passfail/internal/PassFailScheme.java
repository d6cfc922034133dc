package org.zhurnal.grading.passfail.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.zhurnal.gradebook.spi.GradingPolicy;
import org.zhurnal.gradebook.spi.GradingScheme;
import org.zhurnal.gradebook.spi.MarkUse;
import org.zhurnal.gradebook.spi.MarkValue;
import org.zhurnal.gradebook.spi.Suggestion;
import org.zhurnal.gradebook.spi.WeightedMark;

/**
 * The pass/fail scale «Зачёт/незачёт» / "Pass/fail", id {@value #ID}, for subjects and courses that are not
 * graded on a scale.
 * <ul>
 * <li>Values, for current marks and final grades alike: «зачёт» (pass) and «незачёт» (fail). Parsing ignores
 * surrounding spaces and case, reads «е» for «ё» («зачет»), accepts «не зачёт» with a space, and the English
 * "pass" and "fail".</li>
 * <li>Neither value has a numeric value (nothing is averaged) or a five-point equivalent; «зачёт» is passing.</li>
 * </ul>
 * <p>Suggestion ({@link #suggest}): with at least {@link GradingPolicy#minimumMarks} marks, «зачёт» when the
 * weighted share of «зачёт» marks, Σ weight(зачёт) / Σ weight, is one half or more (a tie goes to the student),
 * otherwise «незачёт». Fewer marks: no value, reason «fewer than N marks»; no marks at all: reason «no marks».
 * {@link Suggestion#average()} is always {@code null} and {@link Suggestion#counted()} is the number of marks.
 * The policy's rounding threshold does not apply: there is no average to round.
 * <p>Stateless and thread-safe.
 */
@Component(property = GradingScheme.SCHEME_PROPERTY + "=" + PassFailScheme.ID)
public class PassFailScheme implements GradingScheme {
    /** The scheme id stored with every mark. */
    public static final String ID = "passfail";
    /** Canonical pass. */
    public static final String PASS = "зачёт";
    /** Canonical fail. */
    public static final String FAIL = "незачёт";

    private static final List<String> VALUES = List.of(PASS, FAIL);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "Pass/fail" : "Зачёт/незачёт";
    }

    @Override
    public List<String> values(MarkUse use) {
        return VALUES;
    }

    @Override
    public Optional<MarkValue> parse(String raw, MarkUse use) {
        if (raw == null) {
            return Optional.empty();
        }
        String typed = raw.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        switch (typed) {
            case "зачет", "pass":
                return Optional.of(new MarkValue(PASS, null, true, null));
            case "незачет", "не зачет", "fail":
                return Optional.of(new MarkValue(FAIL, null, false, null));
            default:
                return Optional.empty();
        }
    }

    @Override
    public Suggestion suggest(List<WeightedMark> marks, GradingPolicy policy) {
        if (marks.isEmpty()) {
            return new Suggestion(null, null, 0, "no marks");
        }
        if (marks.size() < policy.minimumMarks()) {
            return new Suggestion(null, null, marks.size(), "fewer than " + policy.minimumMarks() + " marks");
        }
        double passed = 0;
        double total = 0;
        for (WeightedMark m : marks) {
            total += m.weight();
            if (m.mark().passing()) {
                passed += m.weight();
            }
        }
        return new Suggestion(2 * passed >= total ? PASS : FAIL, null, marks.size(), null);
    }
}
