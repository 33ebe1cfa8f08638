package io.edgeward.edge.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The edge reads addresses as the services do: the shared vectors (ip-vectors.json, also run by service-env). */
class IpTextTest {

    static Stream<Arguments> addresses() throws IOException {
        try (InputStream in = IpTextTest.class.getResourceAsStream("/ip-vectors.json")) {
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : new ObjectMapper().readTree(in).get("addresses")) {
                out.add(Arguments.of(c.get("text").textValue(), c.get("canonical").textValue()));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("addresses")
    void the_edge_reads_an_address_as_the_shared_vectors_say(String text, String canonical) {
        assertThat(IpText.canonical(text)).isEqualTo(canonical);
        assertThat(IpText.isAddress(text)).isEqualTo(canonical != null);
    }
}
