package io.edgeward.edge.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.jvm.JavaNetEdgeHttp;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.testing.CloudFrontEvents;
import io.edgeward.testing.IngestStandIn;
import io.edgeward.testing.ProtectorStandIn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Block and challenge responses have no origin or viewer-response event: the function logs them itself. */
class GeneratedResponseShippingTest {

    private ProtectorStandIn protector;
    private IngestStandIn ingest;
    private HandlerFixture fixture;
    private ViewerRequestHandler handler;

    @BeforeEach
    void start() throws Exception {
        protector = ProtectorStandIn.start();
        ingest = IngestStandIn.start("ingest-key");
        fixture = new HandlerFixture();
        Map<String, Object> config = HandlerFixture.config(protector.url());
        config.put("ingest", Map.of("url", ingest.url(), "apiKey", "ingest-key", "batchSize", 50, "maxAge", "PT2S",
                "queueLimit", 1000, "timeout", "PT5S"));
        handler = new ViewerRequestHandler(HandlerDependencies.of(EdgeConfig.fromJson(config),
                JvmPorts.create(fixture.clock, new JavaNetEdgeHttp(Duration.ofSeconds(1)), "test")));
    }

    @AfterEach
    void stop() {
        protector.close();
        ingest.close();
    }

    @Test
    void a_blocked_request_is_shipped_to_ingest_when_its_batch_is_due() throws Exception {
        protector.answer("block", 60, "ip on blocklist", "d-1");
        HandlerFixture.run(handler, CloudFrontEvents.viewerRequest());
        assertThat(handler.shipperStats().queued()).isEqualTo(1);

        protector.answer("allow", 60, null, null);
        fixture.clock.advance(Duration.ofSeconds(2));
        HandlerFixture.run(handler, CloudFrontEvents.viewerRequest());

        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.acceptedRecords().size() == 1);
        JsonNode record = ingest.acceptedRecords().get(0);
        assertThat(record.get("source").asText()).isEqualTo("edge-viewer-request");
        assertThat(record.get("status").asInt()).isEqualTo(403);
        assertThat(record.get("action").asText()).isEqualTo("block");
        assertThat(record.get("mode").asText()).isEqualTo("mitigate");
        assertThat(record.get("clientIp").asText()).isEqualTo("203.0.113.178");
        assertThat(record.get("requestId").asText()).startsWith("4TyzHTaYWb1GX1");
        assertThat(ingest.authorizations()).containsOnly("Bearer ingest-key");
    }

    @Test
    void forwarded_requests_are_left_to_the_log_shipper_function() throws Exception {
        HandlerFixture.run(handler, CloudFrontEvents.viewerRequest());

        assertThat(handler.shipperStats().queued()).isZero();
    }
}
