package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;

/**
 * The answer to a check. {@code ttl} is the most seconds the edge may reuse an allow or monitor answer;
 * {@code decisionId} names the stored decision or allowlist entry that decided, or is null.
 *
 * @param blockScope on a block: the scope wire name of the decision behind it (contract C2), else null
 * @param blockUntil on a block: epoch second until which the edge may carry it (the decision's expiry), or null
 *                   when the decision has no expiry or when the block is for this request only
 */
public record CheckResult(Action action, long ttl, String reason, String decisionId, Basis basis,
                          String blockScope, Long blockUntil) {

    public CheckResult(Action action, long ttl, String reason, String decisionId, Basis basis) {
        this(action, ttl, reason, decisionId, basis, null, null);
    }

    /** What produced the answer; a metrics tag, not part of the wire format. */
    public enum Basis { ALLOWLIST, GOOD_BOT, DECISION, REQUEST_RULE, DEFAULT }
}
