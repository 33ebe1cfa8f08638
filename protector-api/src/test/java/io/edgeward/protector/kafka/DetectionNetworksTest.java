package io.edgeward.protector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.InvalidDecisionException;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Subject;
import io.edgeward.protector.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Detection's network decisions (its /24 and /64 of an address, shared ip-vectors.json "networks") are stored by the
 * materializer exactly as detection wrote them, and match every spelling of the addresses in them; a network of an
 * ambiguous spelling ({@code 010.1.1.0/24}, what the old ingest let through) is rejected, and ingest and detection now
 * refuse that spelling before any such decision could be written (their own tests).
 */
class DetectionNetworksTest {

    private static final Path VECTORS = Path.of("..", "edge-core", "src", "test", "resources", "ip-vectors.json");
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private final DecisionCodec codec = new DecisionCodec(Json.mapper());
    private final DecisionStore store = new DecisionStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void every_network_detection_derives_is_stored_as_written_and_matches_its_address() throws IOException {
        int checked = 0;
        for (JsonNode c : Json.mapper().readTree(VECTORS.toFile()).get("networks")) {
            String network = c.get("network").textValue();
            if (network == null) {
                continue;
            }
            Decision decision = codec.decode("decision|cidr|" + network + "|sessionless", detectionJson(network))
                    .decision().orElseThrow();
            store.put(decision);

            assertThat(decision.value()).isEqualTo(network);
            assertThat(store.match(ListKind.DECISION, Subject.of(c.get("address").textValue(), null, null, null, null, null)))
                    .as("%s matches %s", network, c.get("address").textValue()).isPresent();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_network_written_with_a_leading_zero_is_rejected_by_the_materializer() {
        assertThatThrownBy(() -> codec.decode("decision|cidr|010.1.1.0/24|sessionless", detectionJson("010.1.1.0/24")))
                .isInstanceOf(InvalidDecisionException.class)
                .hasMessageContaining("010.1.1.0/24");
    }

    @Test
    void a_block_on_an_ipv4_address_holds_for_its_ipv4_mapped_spelling() {
        store.put(codec.decode("decision|ip|198.51.100.7", ipJson("::ffff:198.51.100.7")).decision().orElseThrow());

        assertThat(store.match(ListKind.DECISION, Subject.of("198.51.100.7", null, null, null, null, null))).isPresent();
        assertThat(store.match(ListKind.DECISION, Subject.of("::ffff:198.51.100.7", null, null, null, null, null)))
                .isPresent();
        assertThat(store.match(ListKind.DECISION, Subject.of("::ffff:c633:6407", null, null, null, null, null)))
                .isPresent();
    }

    private static byte[] detectionJson(String network) {
        return ("{\"id\":\"d-" + network.hashCode() + "\",\"list\":\"decision\",\"scope\":\"cidr\",\"value\":\"" + network
                + "\",\"action\":\"block\",\"reason\":\"rate\",\"source\":\"detection:rate\",\"createdAt\":\"" + NOW
                + "\",\"expiresAt\":\"" + NOW.plusSeconds(600) + "\",\"sessionless\":true}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ipJson(String ip) {
        return ("{\"id\":\"d-ip\",\"list\":\"decision\",\"scope\":\"ip\",\"value\":\"" + ip
                + "\",\"action\":\"block\",\"reason\":\"rate\",\"source\":\"detection:rate\",\"createdAt\":\"" + NOW
                + "\",\"expiresAt\":\"" + NOW.plusSeconds(600) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
