package io.edgeward.detection.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decision qualifiers (C4): in the JSON only when set, and in the Kafka key in the contract's order. */
class DecisionJsonTest {

    private static String json(Decision d) {
        return new String(new JsonSerde<>(Decision.class).serializer().serialize("t", d), StandardCharsets.UTF_8);
    }

    @Test
    void an_unqualified_decision_reads_and_keys_as_before() {
        Decision d = new Decision("id", "decision", "ip", "198.51.100.7", "block", "r", "detection:x",
                "2026-11-23T10:00:00Z", "2026-11-23T10:10:00Z");

        assertThat(d.key()).isEqualTo("decision|ip|198.51.100.7");
        assertThat(json(d)).doesNotContain("sessionless").doesNotContain("route");
    }

    @Test
    void a_qualified_decision_carries_sessionless_then_route_in_its_key_and_json() {
        Decision d = new Decision("id", "decision", "campaign", "0123456789abcdef", "challenge", "r",
                "detection:campaign.sessionless", "2026-11-23T10:00:00Z", "2026-11-23T10:10:00Z", true,
                "POST /login");

        assertThat(d.key()).isEqualTo("decision|campaign|0123456789abcdef|sessionless|route=POST /login");
        assertThat(json(d)).contains("\"sessionless\":true").contains("\"route\":\"POST /login\"");
        Decision back = new JsonSerde<>(Decision.class).deserializer().deserialize("t",
                json(d).getBytes(StandardCharsets.UTF_8));
        assertThat(back).isEqualTo(d);
    }
}
