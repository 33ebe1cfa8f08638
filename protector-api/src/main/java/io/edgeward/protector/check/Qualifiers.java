package io.edgeward.protector.check;

import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.decision.StoredDecision;
import io.edgeward.protector.decision.Subject;

/**
 * Whether a stored entry applies to this request beyond matching its value (contract C4, DESIGN "Decide narrowly"):
 * <ul>
 *   <li>a {@code route} qualifier must match the request's method and normalised path;</li>
 *   <li>a sessionless entry never applies to an established session in good standing;</li>
 *   <li>a decision is sessionless when it says so, when its scope is {@code route} (under-attack mode), and when it
 *       is detection's (not an administrator's) on a shared attribute: cidr, campaign, ja4, user agent, asn or
 *       country. An administrator's decision on a shared attribute applies as written: a site-wide decision is an
 *       operator's choice, never detection's.</li>
 * </ul>
 * Allowlist entries are sessionless only when they say so.
 */
final class Qualifiers {

    private Qualifiers() {
    }

    static boolean hold(StoredDecision d, Subject s, boolean goodStanding) {
        if (d.route() != null && !d.route().matches(s.method(), s.path())) {
            return false;
        }
        return !goodStanding || !sessionless(d);
    }

    static boolean sessionless(StoredDecision d) {
        if (d.sessionless()) {
            return true;
        }
        if (d.list() == ListKind.ALLOWLIST) {
            return false;
        }
        return d.scope() == Scope.ROUTE || (d.scope().shared() && !d.fromAdmin());
    }
}
