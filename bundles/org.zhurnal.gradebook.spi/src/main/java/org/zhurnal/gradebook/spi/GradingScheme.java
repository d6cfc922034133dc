package org.zhurnal.gradebook.spi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A grading scale, provided by a plug-in bundle as an OSGi service with the property {@link #SCHEME_PROPERTY}
 * equal to {@link #id()}. The gradebook stores every mark as its raw value plus the scheme id, so marks stay
 * readable when the plug-in is removed; while it is absent, new marks in the scheme are refused.
 * <p>Implementations are stateless and thread-safe: the host calls them from many request threads at once.
 */
@ConsumerType
public interface GradingScheme {
    /** Service property that names the scheme; its value equals {@link #id()}. */
    String SCHEME_PROPERTY = "zhurnal.grading.scheme";

    /** @return the stable id stored with every mark, e.g. {@code fivepoint}; lower-case letters, digits and '-' */
    String id();

    /** @return the scheme's name in {@code locale} (Russian and English at least; Russian when unknown) */
    String name(Locale locale);

    /** @return the values allowed for {@code use}, in the order a teacher picks them (best first) */
    List<String> values(MarkUse use);

    /**
     * Reads what a teacher typed. Tolerant of surrounding spaces and letter case where the scale allows it;
     * the returned {@link MarkValue#value()} is the canonical form that is stored.
     *
     * @param raw the typed value, never {@code null}
     * @param use a current mark or a final grade
     * @return the value, or empty when {@code raw} is not a value of this scheme for {@code use}
     */
    Optional<MarkValue> parse(String raw, MarkUse use);

    /**
     * Suggests a final grade from a period's marks (or a year grade from period grades, each weighted 1)
     * under the municipality's policy. The rule for numeric scales: the weighted average of the averaged marks
     * rounded by {@link GradingPolicy#round}; no value when fewer than {@link GradingPolicy#minimumMarks} marks.
     *
     * @param marks the counted marks, all of this scheme
     * @param policy the local rules
     * @return the suggestion, never {@code null}
     */
    Suggestion suggest(List<WeightedMark> marks, GradingPolicy policy);
}
