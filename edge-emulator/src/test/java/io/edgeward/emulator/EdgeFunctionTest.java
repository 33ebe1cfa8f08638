package io.edgeward.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EdgeFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EdgeEvents events = EdgeEvents.forDistribution("d1.cloudfront.net", "E1", 1024,
            URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(30));
    private final EdgeRequest request = new EdgeRequest("req-1", "198.51.100.7", "GET", "/products/7", "q=1",
            EventHeaders.empty().with("host", "shop.example"), new byte[0]);

    @Test
    void a_throwing_function_is_counted_and_the_request_goes_on_unchanged() {
        EdgeFunction function = new EdgeFunction("viewer-request", (in, out, context) -> {
            throw new IllegalStateException("exploded");
        });

        EdgeFunction.RequestStep step = function.onRequest(events.viewerRequest(request), request);

        assertThat(step.request()).isSameAs(request);
        assertThat(step.generated()).isEmpty();
        assertThat(function.faults()).isEqualTo(1);
    }

    @Test
    void an_empty_object_is_a_fault_not_an_unchanged_request() {
        EdgeFunction function = new EdgeFunction("viewer-request", answering("{}"));

        assertThat(function.onRequest(events.viewerRequest(request), request).request()).isSameAs(request);
        assertThat(function.faults()).isEqualTo(1);
    }

    @Test
    void a_generated_response_outside_200_to_599_cannot_stop_the_request() {
        EdgeFunction function = new EdgeFunction("viewer-request", answering("{\"status\":\"999\"}"));

        EdgeFunction.RequestStep step = function.onRequest(events.viewerRequest(request), request);

        assertThat(step.generated()).isEmpty();
        assertThat(step.request()).isSameAs(request);
    }

    @Test
    void a_uri_that_does_not_start_with_a_slash_is_refused_so_a_function_cannot_point_the_origin_elsewhere() {
        EdgeFunction function = new EdgeFunction("viewer-request",
                answering("{\"uri\":\"@evil.example/x\",\"headers\":{}}"));

        assertThat(function.onRequest(events.viewerRequest(request), request).request().uri()).isEqualTo("/products/7");
    }

    @Test
    void a_generated_response_is_read_with_its_status_headers_and_text_body() {
        EdgeFunction function = new EdgeFunction("viewer-request", answering("{\"status\":\"403\","
                + "\"statusDescription\":\"Forbidden\",\"headers\":{\"x-edgeward-action\":[{\"value\":\"block\"}]},"
                + "\"body\":\"no\"}"));

        EdgeResponse generated = function.onRequest(events.viewerRequest(request), request).generated().orElseThrow();

        assertThat(generated.status()).isEqualTo(403);
        assertThat(generated.headers().all("x-edgeward-action")).containsExactly(
                new EventHeaders.Header("X-Edgeward-Action", "block"));
        assertThat(new String(generated.body(), StandardCharsets.UTF_8)).isEqualTo("no");
        assertThat(function.faults()).isZero();
    }

    @Test
    void no_function_leaves_everything_as_it_is_and_counts_nothing() {
        EdgeFunction none = EdgeFunction.none("origin-request");
        EdgeResponse response = new EdgeResponse(200, "OK", EventHeaders.empty(), new byte[] {1});

        assertThat(none.onRequest(events.originRequest(request), request).request()).isSameAs(request);
        assertThat(none.onResponse(events.viewerResponse(request, response), request, response)).isEmpty();
        assertThat(none.faults()).isZero();
    }

    private static RequestStreamHandler answering(String json) {
        return (in, out, context) -> {
            in.readAllBytes();
            out.write(json.getBytes(StandardCharsets.UTF_8));
        };
    }
}
