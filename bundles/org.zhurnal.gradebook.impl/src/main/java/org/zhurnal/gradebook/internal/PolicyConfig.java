package org.zhurnal.gradebook.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.zhurnal.gradebook.api.WorkTypes;
import org.zhurnal.gradebook.spi.GradingPolicy;

/**
 * One municipality's grading policy: a factory configuration {@code etc/org.zhurnal.grading.policy-<name>.cfg}
 * (one component per file; changes apply at once, no restart). A change with an invalid value is refused as a whole
 * and reported in the log (an ERROR naming the value, no stack trace): the policy as it was stays in force — a slip in
 * one value never puts the municipality on the built-in defaults. A configuration invalid from the start is not in
 * force ({@link #policy()} is {@code null}; the policy for {@code *}, else the built-in default, applies) and is
 * reported the same way.
 */
@Component(service = PolicyConfig.class, configurationPid = PolicyConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PolicyConfig.Config.class, factory = true)
public class PolicyConfig {
    public static final String PID = "org.zhurnal.grading.policy";
    static final String DEFAULT_WEIGHTS = "ORAL=1,HOMEWORK=1,CLASSWORK=1,DICTATION=2,ESSAY=2,PRACTICAL=2,LAB=2,TEST=2,PROJECT=2,CONTROL=3";

    @ObjectClassDefinition(name = "Zhurnal grading policy", description = "A municipality's rules for period grades: weights of work "
            + "types, the rounding threshold and the minimum number of marks.")
    public @interface Config {
        @AttributeDefinition(name = "Municipality", description = "The municipality id this policy is for, or * for all without their own")
        String municipality() default "*";

        @AttributeDefinition(name = "Weights", description = "WORKTYPE=weight, comma separated; work types not listed weigh 1")
        String weights() default DEFAULT_WEIGHTS;

        @AttributeDefinition(name = "Rounding threshold", description = "Fractional part from which the average rounds up: 0.5 makes 4.5 → 5, 0.6 makes 4.5 → 4")
        String roundingThreshold() default "0.5";

        @AttributeDefinition(name = "Minimum marks", description = "The fewest counted marks for which a period grade is suggested")
        int minimumMarks() default 3;
    }

    /** A parsed policy: the weights and the scheme-facing part. */
    public record Policy(String municipality, Map<String, Double> weights, GradingPolicy grading) {
        /** @return the weight of a work type (1 when not listed) */
        public double weight(String workType) {
            return weights.getOrDefault(workType, 1.0);
        }
    }

    /** The policy in force when no configuration matches. */
    public static final Policy DEFAULT = parse("*", DEFAULT_WEIGHTS, "0.5", 3);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PolicyConfig.class);

    private volatile Policy policy;

    @Activate
    public PolicyConfig(Config config) {
        this.policy = parseOrKeep(config, null);
    }

    /** A change of the configuration: taken if every value is valid, else the policy as it was stays. */
    @Modified
    void modified(Config config) {
        policy = parseOrKeep(config, policy);
    }

    /** @return the policy in force, or {@code null} when its configuration has never been valid */
    public Policy policy() {
        return policy;
    }

    private static Policy parseOrKeep(Config c, Policy previous) {
        try {
            return parse(c.municipality(), c.weights(), c.roundingThreshold(), c.minimumMarks());
        } catch (IllegalArgumentException e) {
            LOG.error("Grading policy {} (municipality {}) not changed: {}; {}", PID, c.municipality(), e.getMessage(), previous == null
                    ? "it is not in force (the policy for * or the built-in default applies)" : "the previous values stay in force");
            return previous;
        }
    }

    /** @throws IllegalArgumentException naming the bad value */
    static Policy parse(String municipality, String weights, String threshold, int minimumMarks) {
        Map<String, Double> w = new HashMap<>();
        if (weights != null && !weights.isBlank()) {
            for (String part : weights.split(",")) {
                String[] kv = part.trim().split("=");
                if (kv.length != 2 || !WorkTypes.isKnown(kv[0].trim())) {
                    throw new IllegalArgumentException("weights: «" + part.trim() + "» is not WORKTYPE=weight with a known work type");
                }
                double value;
                try {
                    value = Double.parseDouble(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weights: «" + kv[1].trim() + "» is not a number");
                }
                if (!(value > 0) || value > 100) {
                    throw new IllegalArgumentException("weights: the weight of " + kv[0].trim() + " is between 0 (exclusive) and 100");
                }
                w.put(kv[0].trim(), value);
            }
        }
        BigDecimal t;
        try {
            // «0,5» as a Russian operator types it is 0.5.
            t = new BigDecimal(threshold.trim().replace(',', '.'));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("roundingThreshold: «" + threshold + "» is not a number");
        }
        if (t.signum() <= 0 || t.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("roundingThreshold: «" + threshold + "» is not between 0 and 1 (e.g. 0.5: 4.5 → 5)");
        }
        if (minimumMarks < 1 || minimumMarks > 50) {
            throw new IllegalArgumentException("minimumMarks: " + minimumMarks + " is not between 1 and 50");
        }
        return new Policy(municipality == null || municipality.isBlank() ? "*" : municipality.trim(), Map.copyOf(w),
                new GradingPolicy(t, minimumMarks));
    }
}
