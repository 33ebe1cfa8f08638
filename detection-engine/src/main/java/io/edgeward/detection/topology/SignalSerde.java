package io.edgeward.detection.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Compact binary form of {@link Signal} for the internal repartition topic (a version byte leads). */
final class SignalSerde implements Serde<Signal> {

    private static final byte FORMAT = 1;

    @Override
    public Serializer<Signal> serializer() {
        return (topic, s) -> {
            if (s == null) {
                return null;
            }
            byte[] ip = s.ip().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 8 + 1 + ip.length).put(FORMAT).putLong(s.time())
                    .put((byte) ((s.loginAttempt() ? 1 : 0) | (s.loginFailed() ? 2 : 0))).put(ip).array();
        };
    }

    @Override
    public Deserializer<Signal> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (bytes.length < 10 || b.get() != FORMAT) {
                throw new SerializationException("unknown signal format on " + topic);
            }
            long time = b.getLong();
            byte flags = b.get();
            String ip = new String(bytes, 10, bytes.length - 10, StandardCharsets.UTF_8);
            return new Signal(ip, time, (flags & 1) != 0, (flags & 2) != 0);
        };
    }
}
