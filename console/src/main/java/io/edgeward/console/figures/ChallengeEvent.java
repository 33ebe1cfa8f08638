package io.edgeward.console.figures;

import java.time.Instant;

/**
 * One event from {@code edgeward.challenges} (docs/contracts.md).
 *
 * @param event     issued, passed, failed, blocked or limited
 * @param reason    a failure's reason (wrong_answer, expired, replayed, ...), else null
 * @param solveMillis from issue to a verification, when the token was genuine; else null
 */
public record ChallengeEvent(Instant time, String event, String provider, String reason, Long solveMillis,
                             String sessionId, String clientIp) {
}
