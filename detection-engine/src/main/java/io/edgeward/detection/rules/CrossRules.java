package io.edgeward.detection.rules;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RouteSurge;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.policy.RuleSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules judged across addresses, on state keyed by a session, a JA4 fingerprint, a user agent, a network, a
 * campaign or a route. Here an event's path hash holds the hash of the client address it came from, and its id
 * prefix the hash of the request's route where the rule needs one.
 */
public final class CrossRules {

    private CrossRules() {
    }

    public static List<Finding> evaluate(ActorState s, RequestEvent e, String scope, String value, DetectionPolicy p) {
        long now = e.time();
        switch (scope) {
            case "session" -> {
                return sessionShared(s, now, p);
            }
            case "campaign" -> {
                return campaign(s, e, p);
            }
            case "route" -> {
                return surge(s, now, value, p);
            }
            default -> {
                return distributedStuffing(s, e, scope, p);
            }
        }
    }

    /** The rule whose quiet period guards a key of this scope. */
    public static RuleName ruleOf(String scope) {
        return switch (scope) {
            case "session" -> RuleName.SESSION_SHARED;
            case "campaign" -> RuleName.CAMPAIGN_SESSIONLESS;
            case "route" -> RuleName.ROUTE_UNDER_ATTACK;
            default -> RuleName.CREDENTIAL_STUFFING_DISTRIBUTED;
        };
    }

    private static List<Finding> sessionShared(ActorState s, long now, DetectionPolicy p) {
        RuleSettings r = p.rule(RuleName.SESSION_SHARED);
        if (r == null || s.isQuiet(RuleName.SESSION_SHARED.ordinal(), now)) {
            return List.of();
        }
        int ips = window(s, r.window(), now).distinctPaths(0);
        return ips >= r.threshold() ? List.of(new Finding(RuleName.SESSION_SHARED, r.action(), r.duration(),
                "one session cookie used from " + ips + " addresses in " + r.window() + ": shared or stolen cookie",
                Map.of("addresses", ips))) : List.of();
    }

    private static List<Finding> distributedStuffing(ActorState s, RequestEvent e, String scope, DetectionPolicy p) {
        long now = e.time();
        RuleSettings r = p.rule(RuleName.CREDENTIAL_STUFFING_DISTRIBUTED);
        if (r == null || !r.scopes().contains(scope) || !Signals.has(e.flags(), Signals.LOGIN_FAIL)
                || s.isQuiet(RuleName.CREDENTIAL_STUFFING_DISTRIBUTED.ordinal(), now)) {
            return List.of();
        }
        EventWindow w = window(s, r.window(), now);
        int failures = w.count(Signals.LOGIN_FAIL);
        int attempts = w.count(Signals.LOGIN_ATTEMPT);
        int ips = w.distinctPaths(Signals.LOGIN_FAIL);
        if (failures < r.threshold() || ips < r.distinctIps() || failures < r.ratio() * attempts) {
            return List.of();
        }
        return List.of(new Finding(RuleName.CREDENTIAL_STUFFING_DISTRIBUTED, r.action(), r.duration(),
                String.format(Locale.ROOT, "%d failed logins of %d from %d addresses sharing this %s in %s:"
                        + " distributed credential stuffing", failures, attempts, ips, scope, r.window()),
                Map.of("failures", failures, "attempts", attempts, "addresses", ips)));
    }

    /**
     * Sessionless requests for one route under one campaign key from many addresses, from which hardly any session
     * of that campaign came back with its cookie: a person arriving without a cookie takes the one it is given (the
     * page's assets bring it back, from the same address), an address-rotating bot never does. Counting returns
     * per address of the route's requests means a crowd of people on other routes does not hide the bots. A request
     * counts once its session had the grace period to come back.
     */
    private static List<Finding> campaign(ActorState s, RequestEvent e, DetectionPolicy p) {
        long now = e.time();
        RuleSettings r = p.rule(RuleName.CAMPAIGN_SESSIONLESS);
        if (r == null || !Signals.has(e.flags(), Signals.COOKIE_NEW)
                || s.isQuiet(RuleName.CAMPAIGN_SESSIONLESS.ordinal(), now)) {
            return List.of();
        }
        long from = now - r.window().toMillis();
        EventWindow aged = new EventWindow(s, from, now - r.graceOrDefault().toMillis());
        int fresh = aged.countWithPrefix(Signals.COOKIE_NEW, e.idPrefix());
        if (fresh < r.threshold()) {
            return List.of();
        }
        int[] returning = new EventWindow(s, from, now).addresses(Signals.RETURNED, 0, false);
        int[] ips = aged.addresses(Signals.COOKIE_NEW, e.idPrefix(), true);
        int returned = 0;
        for (int ip : ips) {
            if (java.util.Arrays.binarySearch(returning, ip) >= 0) {
                returned++;
            }
        }
        if (ips.length < r.distinctIps() || returned > r.ratio() * ips.length) {
            return List.of();
        }
        return List.of(new Finding(RuleName.CAMPAIGN_SESSIONLESS, r.action(), r.duration(),
                fresh + " sessionless requests for this route from " + ips.length + " addresses sharing one campaign"
                        + " key in " + r.window() + ", sessions came back to " + returned + " of those addresses:"
                        + " address-rotating campaign",
                Map.of("requests", fresh, "addresses", ips.length, "addressesReturned", returned)));
    }

    /** A surge of requests without an established session on a watched route: under-attack mode while it lasts. */
    private static List<Finding> surge(ActorState s, long now, String route, DetectionPolicy p) {
        if (s.isQuiet(RuleName.ROUTE_UNDER_ATTACK.ordinal(), now)) {
            return List.of();
        }
        for (int i = 0; i < p.underAttack().size(); i++) {
            if (!p.surgeRoutes().get(i).wire().equals(route)) {
                continue;
            }
            RouteSurge u = p.underAttack().get(i);
            int n = window(s, u.window(), now).countExactly(0, 0);
            if (n >= u.threshold()) {
                return List.of(new Finding(RuleName.ROUTE_UNDER_ATTACK, io.edgeward.detection.policy.Action.CHALLENGE,
                        u.duration(), "route.under-attack:" + route + " " + n + " requests without a session in "
                        + u.window() + " (threshold " + u.threshold() + ")", Map.of("requests", n)));
            }
        }
        return List.of();
    }

    private static EventWindow window(ActorState s, Duration window, long now) {
        return new EventWindow(s, now - window.toMillis(), now);
    }
}
