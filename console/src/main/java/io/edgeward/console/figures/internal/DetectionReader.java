package io.edgeward.console.figures.internal;

import io.edgeward.detection.topics.Detection;
import io.edgeward.detection.topics.JsonSerde;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads detections with the detection engine's own record; anything unreadable is counted and read as null. */
public final class DetectionReader implements Deserializer<Detection> {

    private final Deserializer<Detection> json = new JsonSerde<>(Detection.class).deserializer();
    private final SkippedRecords skipped;

    public DetectionReader(SkippedRecords skipped) {
        this.skipped = skipped;
    }

    @Override
    public Detection deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            Detection d = json.deserialize(topic, bytes);
            if (d == null || d.rule() == null || d.scope() == null || d.value() == null) {
                skipped.skip(topic, "detection without rule, scope or value");
                return null;
            }
            return d;
        } catch (RuntimeException e) {
            skipped.skip(topic, "not a valid detection");
            return null;
        }
    }
}
