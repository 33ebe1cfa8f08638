package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.DetectionRow;
import io.edgeward.detection.topics.Detection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** A stored detection as the pages show it, with why no decision was published when none was. */
public final class DetectionRows {

    /** What the detection engine writes into the reason when it publishes no decision. */
    static final String MARKER = "no decision published: ";

    private DetectionRows() {
    }

    /** For {@link Newest}: the stored timestamp first. */
    static DetectionRow ofStored(long timestamp, Detection d) {
        return of(d, timestamp);
    }

    public static DetectionRow of(Detection d, long timestamp) {
        Instant detectedAt = instant(d.detectedAt());
        if (detectedAt == null) {
            detectedAt = Instant.ofEpochMilli(timestamp);
        }
        Instant expiresAt = instant(d.expiresAt());
        Map<String, Object> evidence = d.evidence() == null ? Map.of() : d.evidence();
        return new DetectionRow(detectedAt, d.rule(), d.scope(), d.value(), d.action(), d.duration(), d.reason(),
                evidence, d.id(), d.offense(), expiresAt, Boolean.TRUE.equals(d.sessionless()), d.route(),
                notPublished(d.reason(), d.id(), detectedAt, expiresAt));
    }

    /**
     * The engine's own explanation when its reason carries one ("... (no decision published: an administrator's
     * decision stands)" gives "an administrator's decision stands"); otherwise, without an id, the one other way
     * the engine leaves it out (a decision that would already have expired, as when old logs are replayed), or a
     * detection that never meant to publish one (monitor, a dry run, a backtest).
     */
    static String notPublished(String reason, String id, Instant detectedAt, Instant expiresAt) {
        if (reason != null) {
            int at = reason.indexOf(MARKER);
            if (at >= 0) {
                String why = reason.substring(at + MARKER.length());
                if (at > 0 && reason.charAt(at - 1) == '(' && why.endsWith(")")) {
                    why = why.substring(0, why.length() - 1);
                }
                return why;
            }
        }
        if (id != null) {
            return null;
        }
        if (expiresAt != null && expiresAt.isAfter(detectedAt)) {
            return "expired before it was published";
        }
        return "no decision id: monitor or dry run";
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
