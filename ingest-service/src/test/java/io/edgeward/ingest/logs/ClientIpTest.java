package io.edgeward.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client address reaches Kafka (key and value) in the one canonical spelling every service shares (edge-core's
 * ip-vectors.json), or the record is refused: detection keys actors and networks by this text, and Protector must
 * store whatever network detection derives from it.
 */
class ClientIpTest {

    private static final Path VECTORS = Path.of("..", "edge-core", "src", "test", "resources", "ip-vectors.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-23T13:40:43.123Z");

    private final LogBatchDecoder decoder = new LogBatchDecoder(JSON, 5, Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<Arguments> addresses() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : JSON.readTree(VECTORS.toFile()).get("addresses")) {
            out.add(Arguments.of(c.get("text").textValue(), c.get("canonical").textValue()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("addresses")
    void a_client_address_reaches_kafka_in_its_one_canonical_spelling_or_the_record_is_refused(String text,
                                                                                               String canonical)
            throws Exception {
        byte[] body = record(text);

        if (canonical == null) {
            assertThatThrownBy(() -> decoder.decode(body, BatchFormat.NDJSON))
                    .isInstanceOfSatisfying(InvalidRecords.class, e -> assertThat(e.records()).singleElement()
                            .satisfies(r -> assertThat(r.errors()).singleElement().asString()
                                    .startsWith("clientIp must be an IPv4 or IPv6 address")));
        } else {
            LogRecord record = decoder.decode(body, BatchFormat.NDJSON).get(0);
            assertThat(record.clientIp()).isEqualTo(canonical);
            assertThat(JSON.readTree(record.value()).get("clientIp").textValue()).isEqualTo(canonical);
        }
    }

    private static byte[] record(String clientIp) {
        ObjectNode r = JSON.createObjectNode();
        r.put("v", 1).put("time", NOW.toString()).put("requestId", "r-1").put("clientIp", clientIp)
                .put("method", "GET").put("path", "/").put("status", 200);
        return (r + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
