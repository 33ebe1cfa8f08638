package io.edgeward.detection.rules;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.policy.RuleSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules judged across addresses, on state keyed by a session, a JA4 fingerprint, a user agent or a network. Here
 * an event's path hash holds the hash of the client address it came from.
 */
public final class CrossRules {

    private CrossRules() {
    }

    public static List<Finding> evaluate(ActorState s, RequestEvent e, String scope, DetectionPolicy p) {
        long now = e.time();
        if ("session".equals(scope)) {
            RuleSettings r = p.rule(RuleName.SESSION_SHARED);
            if (r == null || s.isQuiet(RuleName.SESSION_SHARED.ordinal(), now)) {
                return List.of();
            }
            int ips = window(s, r, now).distinctPaths(0);
            return ips >= r.threshold() ? List.of(new Finding(RuleName.SESSION_SHARED, r.action(), r.duration(),
                    "one session cookie used from " + ips + " addresses in " + r.window() + ": shared or stolen cookie",
                    Map.of("addresses", ips))) : List.of();
        }
        RuleSettings r = p.rule(RuleName.CREDENTIAL_STUFFING_DISTRIBUTED);
        if (r == null || !r.scopes().contains(scope) || !Signals.has(e.flags(), Signals.LOGIN_FAIL)
                || s.isQuiet(RuleName.CREDENTIAL_STUFFING_DISTRIBUTED.ordinal(), now)) {
            return List.of();
        }
        EventWindow w = window(s, r, now);
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

    private static EventWindow window(ActorState s, RuleSettings r, long now) {
        return new EventWindow(s, now - r.window().toMillis(), now);
    }
}
