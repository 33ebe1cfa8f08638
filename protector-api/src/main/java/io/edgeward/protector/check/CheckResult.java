package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;

/**
 * The answer to a check. {@code ttl} is the most seconds the edge may reuse an allow or monitor answer;
 * {@code decisionId} names the stored decision or allowlist entry that decided, or is null.
 */
public record CheckResult(Action action, long ttl, String reason, String decisionId, Basis basis) {

    /** What produced the answer; a metrics tag, not part of the wire format. */
    public enum Basis { ALLOWLIST, GOOD_BOT, DECISION, REQUEST_RULE, DEFAULT }
}
