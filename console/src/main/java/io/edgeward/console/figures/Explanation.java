package io.edgeward.console.figures;

import java.util.List;

/**
 * What the stream holds about one key, newest first in each list. For a request id, {@code requests} is that one
 * request (empty when unknown) and the rest concern its session, or its address when it had no session.
 *
 * @param requests   what the edge saw and what Protector answered (the record's action, reason and decision id), at
 *                   most 100
 * @param detections detections whose scope value is the address (or a network holding it) or the session
 * @param challenges challenge events of the session or address
 */
public record Explanation(ExplainKey key, List<SeenRequest> requests, List<DetectionRow> detections,
                          List<ChallengeEvent> challenges) {
}
