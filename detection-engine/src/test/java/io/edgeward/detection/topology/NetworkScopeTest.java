package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The network a network-scoped rule counts and decides on is always one Protector stores as written (the same
 * Cidr parse and text): no {@code cidr|010.1.1.0/24} from a spelling ingest once let through.
 */
class NetworkScopeTest {

    private static final Path VECTORS = Path.of("..", "edge-core", "src", "test", "resources", "ip-vectors.json");

    @Test
    void the_network_of_an_address_is_as_the_shared_vectors_say() throws IOException {
        for (JsonNode c : vectors().get("networks")) {
            assertThat(NetworkScope.of(c.get("address").textValue())).as(c.get("address").textValue())
                    .isEqualTo(c.get("network").textValue());
        }
    }

    @Test
    void every_network_detection_can_emit_is_canonical_and_holds_its_address() throws IOException {
        int accepted = 0;
        for (JsonNode c : vectors().get("addresses")) {
            String text = c.get("text").textValue();
            String network = NetworkScope.of(text);
            if (c.get("canonical").isNull()) {
                assertThat(network).as(text).isNull();
                continue;
            }
            Cidr cidr = Cidr.parse(network);
            assertThat(cidr).as(text).hasToString(network);
            assertThat(cidr.contains(IpAddress.parse(text).orElseThrow())).as(text).isTrue();
            assertThat(cidr.prefixLength()).isEqualTo(cidr.network().isIpv4() ? 24 : 64);
            accepted++;
        }
        assertThat(accepted).isGreaterThan(10);
    }

    @Test
    void an_address_with_a_leading_zero_has_no_network() {
        assertThat(NetworkScope.of("010.1.1.1")).isNull();
        assertThat(NetworkScope.of("1.2.3.04")).isNull();
    }

    private static JsonNode vectors() throws IOException {
        return new ObjectMapper().readTree(VECTORS.toFile());
    }
}
