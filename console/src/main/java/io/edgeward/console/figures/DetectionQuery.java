package io.edgeward.console.figures;

import java.time.Instant;

/**
 * @param after    only detections after this instant (null: no bound); the live page polls with the newest it has
 * @param rule     only this rule (null: all)
 * @param contains only detections whose scope value contains this text, case-insensitive (null: all)
 * @param limit    at most this many (1 to 500)
 */
public record DetectionQuery(Instant after, String rule, String contains, int limit) {

    public DetectionQuery {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1 to 500, was " + limit);
        }
    }

    public static DetectionQuery latest(int limit) {
        return new DetectionQuery(null, null, null, limit);
    }
}
