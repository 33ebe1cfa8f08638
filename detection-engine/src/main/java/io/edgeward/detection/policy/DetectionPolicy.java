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
    private final List<RateBudget> budgets;
    private final List<RouteSurge> underAttack;
    private final List<Route> surgeRoutes;
    private final BlastRadiusSettings blastRadius;

    DetectionPolicy(Classification classification, LimitSettings limits, NatSettings nat,
                    EscalationSettings escalation, Map<RuleName, RuleSettings> rules, List<RateBudget> budgets,
                    List<RouteSurge> underAttack, BlastRadiusSettings blastRadius) {
        this.classification = classification;
        this.limits = limits;
        this.nat = nat;
        this.escalation = escalation;
        this.budgets = List.copyOf(budgets);
        this.underAttack = List.copyOf(underAttack);
        this.surgeRoutes = underAttack.stream().map(u -> Route.parse(u.route(), "route")).toList();
        this.blastRadius = blastRadius;
        this.rules = Collections.unmodifiableMap(new EnumMap<>(rules));
        Duration longest = nat.window();
        for (RuleSettings settings : rules.values()) {
            if (settings.isEnabled() && settings.window().compareTo(longest) > 0) {
                longest = settings.window();
            }
        }
        for (RouteSurge u : underAttack) {
            if (u.window().compareTo(longest) > 0) {
                longest = u.window();
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

    /** The rate budgets, in policy order (a budget's index is its counter slot). */
    public List<RateBudget> budgets() {
        return budgets;
    }

    /** Routes watched for surges of sessionless requests, with their parsed routes at the same index. */
    public List<RouteSurge> underAttack() {
        return underAttack;
    }

    public List<Route> surgeRoutes() {
        return surgeRoutes;
    }

    /** The budgets as written (what a policy file without a budgets section inherits). */
    List<Budget> rawBudgets() {
        return budgets.stream().map(b -> new Budget(b.route().wire(), b.per().key(), b.limit(), b.window(),
                b.action(), b.duration())).toList();
    }

    public BlastRadiusSettings blastRadius() {
        return blastRadius;
    }

    /** How long per-key state must be kept: the longest enabled window. */
    public Duration retention() {
        return retention;
    }

    static DetectionPolicy validate(Classification c, LimitSettings l, NatSettings n, EscalationSettings e,
                                    Map<String, RuleSettings> rawRules, List<Budget> rawBudgets,
                                    List<RouteSurge> rawSurges, BlastRadiusSettings b) {
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
        if (l.maxEntriesPerStore() != null) {
            require(l.maxEntriesPerStore() >= 1000,
                    "detection.limits.maxEntriesPerStore must be >= 1000, was " + l.maxEntriesPerStore());
        }
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
                require(name != null && name.configurable(), "detection.rules." + key
                        + " is not a known rule; known: " + List.of(RuleName.values()).stream()
                        .filter(RuleName::configurable).map(RuleName::key).toList());
                rules.put(name, validateRule(name, settings));
            });
        }
        List<RateBudget> budgets = new java.util.ArrayList<>();
        if (rawBudgets != null) {
            require(rawBudgets.size() <= 32, "detection.budgets holds at most 32 budgets, was " + rawBudgets.size());
            for (int i = 0; i < rawBudgets.size(); i++) {
                budgets.add(validateBudget(i, rawBudgets.get(i)));
            }
        }
        List<RouteSurge> surges = rawSurges == null ? List.of() : rawSurges;
        require(surges.size() <= 32, "detection.underAttack holds at most 32 routes, was " + surges.size());
        for (int i = 0; i < surges.size(); i++) {
            RouteSurge u = surges.get(i);
            String p = "detection.underAttack[" + i + "]";
            require(u != null, p + " must not be empty");
            Route.parse(u.route(), p + ".route");
            requirePositive(u.threshold(), p + ".threshold");
            require(u.threshold() <= l.signalsPerKey(), p + ".threshold must be <= detection.limits.signalsPerKey ("
                    + l.signalsPerKey() + "), was " + u.threshold());
            requirePositive(u.window(), p + ".window");
            requirePositive(u.duration(), p + ".duration");
        }
        require(b != null, "detection.blastRadius is required");
        requirePositive(b.window(), "detection.blastRadius.window");
        require(b.minAge() != null && !b.minAge().isNegative(), "detection.blastRadius.minAge must be >= 0, was "
                + b.minAge());
        require(b.maxShare() != null && b.maxShare() >= 0 && b.maxShare() <= 1,
                "detection.blastRadius.maxShare must be within [0, 1], was " + b.maxShare());
        requirePositive(b.maxSessions(), "detection.blastRadius.maxSessions");
        requirePositive(b.maxTrackedSessions(), "detection.blastRadius.maxTrackedSessions");
        if (b.minSample() != null && b.minSample() < 0) {
            throw new PolicyException("detection.blastRadius.minSample must be >= 0, was " + b.minSample());
        }
        return new DetectionPolicy(c, l, n, e, rules, budgets, surges, b);
    }

    private static RateBudget validateBudget(int i, Budget b) {
        String p = "detection.budgets[" + i + "]";
        require(b != null, p + " must not be empty");
        Route route = Route.parse(b.route(), p + ".route");
        RateBudget.Per per = RateBudget.Per.fromKey(b.per());
        require(per != null, p + ".per must be session, address or network, was " + b.per());
        requirePositive(b.limit(), p + ".limit");
        requirePositive(b.window(), p + ".window");
        require(b.action() != null, p + ".action is required (monitor, challenge or block)");
        requirePositive(b.duration(), p + ".duration");
        return new RateBudget(i, route, per, b.limit(), b.window(), b.action(), b.duration());
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
