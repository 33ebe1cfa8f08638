package io.edgeward.console.figures.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.console.figures.ChallengeEvent;
import io.edgeward.detection.topics.JsonSerde;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@code edgeward.challenges} values (WAVE3 contract C1). Events are few (one per challenge shown or
 * answered), so plain tree binding is fine. The time comes from the value ({@code time}), falling back to the
 * record timestamp in the processor when absent. Anything unreadable is counted and read as null.
 */
public final class ChallengeEventReader implements Deserializer<ChallengeEvent> {

    private final SkippedRecords skipped;

    public ChallengeEventReader(SkippedRecords skipped) {
        this.skipped = skipped;
    }

    @Override
    public ChallengeEvent deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode n = JsonSerde.MAPPER.readTree(bytes);
            if (n == null || !n.isObject() || text(n, "event") == null) {
                skipped.skip(topic, "not a challenge event object");
                return null;
            }
            String time = text(n, "time");
            JsonNode solve = n.get("solveMs");
            return new ChallengeEvent(time == null ? null : Instant.parse(time), text(n, "event"),
                    text(n, "provider"), text(n, "reason"), solve != null && solve.canConvertToLong()
                    ? solve.asLong() : null, text(n, "sessionId"), text(n, "clientIp"));
        } catch (Exception e) {
            skipped.skip(topic, "not a valid challenge event");
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Wire.clip(v.asText(), Wire.MAX_STRING);
    }
}
