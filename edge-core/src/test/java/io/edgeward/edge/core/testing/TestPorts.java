package io.edgeward.edge.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.port.EdgeLog;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.port.JsonCodec;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small real implementations of the ports for edge-core tests (Jackson and MessageDigest are test-only here). */
public final class TestPorts {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private TestPorts() {
    }

    public static JsonCodec json() {
        return new JsonCodec() {
            @Override
            @SuppressWarnings("unchecked")
            public Map<String, Object> parseObject(String json) {
                try {
                    return MAPPER.readValue(json, Map.class);
                } catch (Exception e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }

            @Override
            public String write(Object value) {
                try {
                    return MAPPER.writeValueAsString(value);
                } catch (Exception e) {
                    throw new IllegalArgumentException(e.getMessage());
                }
            }
        };
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lines logged, for tests that check what was said (and that no secret was). */
    public static final class RecordingLog implements EdgeLog {
        public final List<String> lines = new ArrayList<>();

        @Override
        public synchronized void info(String message) {
            lines.add("INFO " + message);
        }

        @Override
        public synchronized void warn(String message) {
            lines.add("WARN " + message);
        }
    }

    public static EdgePorts ports(FakeClock clock, ScriptedHttp http, RecordingLog log) {
        Random seeded = new Random(7);
        return new EdgePorts(clock, count -> {
            byte[] bytes = new byte[count];
            seeded.nextBytes(bytes);
            return bytes;
        }, TestPorts::sha256, json(), http, log);
    }
}
