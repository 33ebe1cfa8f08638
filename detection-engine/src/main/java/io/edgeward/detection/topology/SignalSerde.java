package io.edgeward.detection.topology;

import io.edgeward.detection.rules.Signals;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of {@link Signal} for the internal repartition topic (a version byte leads). Format 1 (the
 * first wave: time, login bits, address) is still read, so records in flight at an upgrade are not lost.
 */
final class SignalSerde implements Serde<Signal> {

    private static final byte FORMAT_1 = 1;
    private static final byte FORMAT = 2;

    @Override
    public Serializer<Signal> serializer() {
        return (topic, s) -> {
            if (s == null) {
                return null;
            }
            byte[] ip = s.ip().getBytes(StandardCharsets.UTF_8);
            byte[] route = s.route() == null ? new byte[0] : s.route().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 8 + 4 + 2 + route.length + ip.length).put(FORMAT).putLong(s.time())
                    .putInt(s.flags()).putShort((short) route.length).put(route).put(ip).array();
        };
    }

    @Override
    public Deserializer<Signal> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            byte format = bytes.length < 10 ? 0 : b.get();
            if (format == FORMAT_1) {
                long time = b.getLong();
                byte login = b.get();
                int flags = ((login & 1) != 0 ? Signals.LOGIN_ATTEMPT : 0) | ((login & 2) != 0 ? Signals.LOGIN_FAIL : 0);
                return new Signal(new String(bytes, 10, bytes.length - 10, StandardCharsets.UTF_8), time, flags, null);
            }
            if (format != FORMAT || bytes.length < 15) {
                throw new SerializationException("unknown signal format on " + topic);
            }
            long time = b.getLong();
            int flags = b.getInt();
            int routeLength = b.getShort() & 0xffff;
            String route = routeLength == 0 ? null : new String(bytes, 15, routeLength, StandardCharsets.UTF_8);
            int ipStart = 15 + routeLength;
            return new Signal(new String(bytes, ipStart, bytes.length - ipStart, StandardCharsets.UTF_8), time, flags,
                    route);
        };
    }
}
