package org.zhurnal.example.grading.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
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
 * Example plug-in: the achievement levels «Уровни» / "Achievement levels", id {@value #ID}, as schools record
 * them in grade 1, where learning is without marks («безотметочное обучение»).
 * <ul>
 * <li>Values, for current marks and final grades alike, best first: «В» высокий (high), «П» повышенный
 * (advanced), «Б» базовый (basic), «Н» недостаточный (insufficient). Parsing ignores surrounding spaces and
 * case and also accepts the full Russian word («базовый» → «Б»).</li>
 * <li>Numeric values 4, 3, 2, 1, so that levels can be averaged; five-point equivalents «5», «4», «3», «2».</li>
 * <li>Passing: «Б» or better («Н» is the only failing level).</li>
 * </ul>
 * <p>Suggestion: the weighted average of the numeric values, half-up to two decimals, rounded by
 * {@link GradingPolicy#round} and turned back into the level with that numeric value (3.5 with threshold 0.5
 * → 4 → «В»). Fewer marks than {@link GradingPolicy#minimumMarks}: no value, reason «fewer than N marks»; no
 * marks: reason «no marks».
 * <p>Stateless and thread-safe, as the SPI requires: the only state is the constant {@link Level} table.
 */
@Component(property = GradingScheme.SCHEME_PROPERTY + "=" + LevelsScheme.ID)
public class LevelsScheme implements GradingScheme {
    /** The scheme id stored with every mark. Never change it once marks are recorded. */
    public static final String ID = "levels";

    /** The levels, best first: stored letter, full word, numeric value, five-point equivalent. */
    enum Level {
        HIGH("В", "высокий", 4, "5"),
        ADVANCED("П", "повышенный", 3, "4"),
        BASIC("Б", "базовый", 2, "3"),
        INSUFFICIENT("Н", "недостаточный", 1, "2");

        final String letter;
        final String word;
        final int numeric;
        final String fivePoint;

        Level(String letter, String word, int numeric, String fivePoint) {
            this.letter = letter;
            this.word = word;
            this.numeric = numeric;
            this.fivePoint = fivePoint;
        }

        MarkValue toMarkValue() {
            return new MarkValue(letter, (double) numeric, numeric >= BASIC.numeric, fivePoint);
        }
    }

    private static final List<String> VALUES = Arrays.stream(Level.values()).map(l -> l.letter).toList();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "Achievement levels" : "Уровни";
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
        // Lower-casing with ROOT is right for Cyrillic; a Turkish default locale would break Latin 'I'.
        String typed = raw.strip().toLowerCase(Locale.ROOT);
        for (Level level : Level.values()) {
            if (typed.equals(level.letter.toLowerCase(Locale.ROOT)) || typed.equals(level.word)) {
                return Optional.of(level.toMarkValue());
            }
        }
        return Optional.empty();
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
        int rounded = policy.round(average);
        String level = Arrays.stream(Level.values()).filter(l -> l.numeric == rounded).findFirst().orElseThrow().letter;
        return new Suggestion(level, average, marks.size(), null);
    }
}
