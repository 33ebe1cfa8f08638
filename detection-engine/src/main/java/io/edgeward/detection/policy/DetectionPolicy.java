package io.edgeward.detection.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated {@code detection} section of {@code edgeward-policy.yaml}. Build it with {@link PolicyLoader}; a
 * rule missing from {@code rules} is disabled. Immutable, so a reload swaps the whole object.
 */
public final class DetectionPolicy {

    private final Classification classification;
    private final LimitSettings limits;
    private final NatSettings nat;
    private final EscalationSettings escalation;
    private final Map<RuleName, RuleSettings> rules;
    private final Duration retention;

    DetectionPolicy(Classification classification, LimitSettings limits, NatSettings nat,
                    EscalationSettings escalation, Map<RuleName, RuleSettings> rules) {
        this.classification = classification;
        this.limits = limits;
        this.nat = nat;
        this.escalation = escalation;
        this.rules = Collections.unmodifiableMap(new EnumMap<>(rules));
        Duration longest = nat.window();
        for (RuleSettings settings : rules.values()) {
            if (settings.isEnabled() && settings.window().compareTo(longest) > 0) {
                longest = settings.window();
            }
        }
        this.retention = longest;
    }

    public Classification classification() {
        return classification;
    }

    public LimitSettings limits() {
        return limits;
    }

    public NatSettings nat() {
        return nat;
    }

    public EscalationSettings escalation() {
        return escalation;
    }

    /** The settings of an enabled rule, or null when the rule is absent or disabled. */
    public RuleSettings rule(RuleName name) {
        RuleSettings settings = rules.get(name);
        return settings != null && settings.isEnabled() ? settings : null;
    }

    public Map<RuleName, RuleSettings> rules() {
        return rules;
    }

    /** How long per-key state must be kept: the longest enabled window. */
    public Duration retention() {
        return retention;
    }

    static DetectionPolicy validate(Classification c, LimitSettings l, NatSettings n, EscalationSettings e,
                                    Map<String, RuleSettings> rawRules) {
        require(c != null, "detection.classification is required");
        requireSet(c.assetExtensions(), "detection.classification.assetExtensions");
        requireSet(c.apiPathPrefixes(), "detection.classification.apiPathPrefixes");
        requireSet(c.loginPaths(), "detection.classification.loginPaths");
        requireSet(c.loginFailureStatuses(), "detection.classification.loginFailureStatuses");
        requireSet(c.signupPaths(), "detection.classification.signupPaths");
        requireSet(c.paymentPaths(), "detection.classification.paymentPaths");
        requireSet(c.paymentFailureStatuses(), "detection.classification.paymentFailureStatuses");
        requireSet(c.cartAddPaths(), "detection.classification.cartAddPaths");
        requireSet(c.probePaths(), "detection.classification.probePaths");
        requireSet(c.automationUserAgents(), "detection.classification.automationUserAgents");
        require(l != null, "detection.limits is required");
        requirePositive(l.eventsPerActor(), "detection.limits.eventsPerActor");
        requirePositive(l.signalsPerKey(), "detection.limits.signalsPerKey");
        require(n != null, "detection.nat is required");
        requirePositive(n.window(), "detection.nat.window");
        requirePositive(n.minWellBehavedSessions(), "detection.nat.minWellBehavedSessions");
        require(e != null, "detection.escalation is required");
        requirePositive(e.memory(), "detection.escalation.memory");
        require(e.durationFactor() != null && e.durationFactor() >= 1.0,
                "detection.escalation.durationFactor must be >= 1, was " + e.durationFactor());
        requirePositive(e.maxDuration(), "detection.escalation.maxDuration");
        requirePositive(e.blockAfterOffenses(), "detection.escalation.blockAfterOffenses");
        Map<RuleName, RuleSettings> rules = new EnumMap<>(RuleName.class);
        if (rawRules != null) {
            rawRules.forEach((key, settings) -> {
                RuleName name = RuleName.fromKey(key);
                require(name != null, "detection.rules." + key + " is not a known rule; known: "
                        + List.of(RuleName.values()).stream().map(RuleName::key).toList());
                rules.put(name, validateRule(name, settings));
            });
        }
        return new DetectionPolicy(c, l, n, e, rules);
    }

    private static RuleSettings validateRule(RuleName name, RuleSettings s) {
        String p = "detection.rules." + name.key();
        require(s != null, p + " must not be empty");
        requirePositive(s.window(), p + ".window");
        requirePositive(s.threshold(), p + ".threshold");
        require(s.action() != null, p + ".action is required (monitor, challenge or block)");
        requirePositive(s.duration(), p + ".duration");
        checkParam(name, RuleName.Param.RATIO, s.ratio(), p + ".ratio");
        checkParam(name, RuleName.Param.DISTINCT_IPS, s.distinctIps(), p + ".distinctIps");
        checkParam(name, RuleName.Param.SCOPES, s.scopes(), p + ".scopes");
        if (!name.takes(RuleName.Param.GRACE)) {
            require(s.grace() == null, p + ".grace is not a setting of rule " + name.key());
        }
        if (s.grace() != null) {
            require(!s.grace().isNegative() && s.grace().compareTo(s.window()) < 0,
                    p + ".grace must be >= 0 and shorter than the window, was " + s.grace());
        }
        if (s.ratio() != null) {
            require(s.ratio() >= 0 && s.ratio() <= 1, p + ".ratio must be within [0, 1], was " + s.ratio());
        }
        if (s.distinctIps() != null) {
            requirePositive(s.distinctIps(), p + ".distinctIps");
        }
        if (s.scopes() != null) {
            require(!s.scopes().isEmpty(), p + ".scopes must not be empty");
            for (String scope : s.scopes()) {
                require(Set.of("ja4", "user_agent", "cidr").contains(scope),
                        p + ".scopes entries must be ja4, user_agent or cidr, was " + scope);
            }
        }
        return s;
    }

    private static void checkParam(RuleName name, RuleName.Param param, Object value, String key) {
        if (name.takes(param)) {
            require(value != null, key + " is required");
        } else {
            require(value == null, key + " is not a setting of rule " + name.key());
        }
    }

    private static void requireSet(java.util.Collection<?> values, String key) {
        require(values != null, key + " is required (an empty list disables it)");
    }

    private static void requirePositive(Integer value, String key) {
        require(value != null, key + " is required");
        require(value > 0, key + " must be > 0, was " + value);
    }

    private static void requirePositive(Duration value, String key) {
        require(value != null, key + " is required");
        require(!value.isNegative() && !value.isZero(), key + " must be > 0, was " + value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new PolicyException(message);
        }
    }
}
