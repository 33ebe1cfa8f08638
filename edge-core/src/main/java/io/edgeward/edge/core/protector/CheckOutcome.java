package io.edgeward.edge.core.protector;

import io.edgeward.edge.core.decision.ProtectorAnswer;

/** What came of asking Protector: an answer, or a reason to fail open. */
public sealed interface CheckOutcome permits CheckOutcome.Answered, CheckOutcome.Unavailable {

    record Answered(ProtectorAnswer answer) implements CheckOutcome {
    }

    /** No usable answer; {@code reason} is safe to log ({@code breaker-open}, {@code timeout}, {@code status 500}…). */
    record Unavailable(String reason) implements CheckOutcome {
    }
}
