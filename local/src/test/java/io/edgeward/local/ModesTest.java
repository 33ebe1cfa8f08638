package io.edgeward.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The integration modes through the whole stack: inject tells the origin, monitor never blocks. */
class ModesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @ExtendWith(KafkaBrokerExtension.class)
    class Inject {

        private LocalStack stack;

        @BeforeAll
        void start(KafkaBroker broker) {
            stack = TestStacks.start(broker, b -> b.mode("inject"));
        }

        @AfterAll
        void stop() {
            stack.close();
        }

        @Test
        void inject_mode_passes_the_decision_to_the_origin_instead_of_blocking() throws Exception {
            new ProtectorAdmin(stack).decide("ip", "198.51.100.21", "block");

            HttpResponse<String> response = Visitor.browser(stack, "198.51.100.21").get("/echo-headers");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode received = JSON.readTree(response.body()).get("headers");
            assertThat(received.path("x-edgeward-action").asText()).isEqualTo("block");
            assertThat(received.path("x-edgeward-reason").asText()).isNotBlank();
            assertThat(received.path("x-edgeward-session").asText()).isNotBlank();
        }

        @Test
        void inject_mode_passes_allow_for_an_ordinary_visitor() throws Exception {
            HttpResponse<String> response = Visitor.browser(stack, "198.51.100.22").get("/echo-headers");

            assertThat(JSON.readTree(response.body()).at("/headers/x-edgeward-action").asText()).isEqualTo("allow");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @ExtendWith(KafkaBrokerExtension.class)
    class Monitor {

        private LocalStack stack;

        @BeforeAll
        void start(KafkaBroker broker) {
            stack = TestStacks.start(broker, b -> b.mode("monitor"));
        }

        @AfterAll
        void stop() {
            stack.close();
        }

        @Test
        void monitor_mode_never_blocks_a_blocked_address() {
            new ProtectorAdmin(stack).decide("ip", "198.51.100.31", "block");

            HttpResponse<String> response = Visitor.browser(stack, "198.51.100.31").get("/products/1");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-edgeward-action")).isEmpty();
        }

        @Test
        void monitor_mode_never_challenges_automation() {
            Visitor curl = new Visitor(stack.frontPort(), "198.51.100.32", "curl/8.5.0");

            assertThat(curl.get("/api/products").statusCode()).isEqualTo(200);
            assertThat(curl.get("/login").statusCode()).isEqualTo(200);
        }
    }
}
