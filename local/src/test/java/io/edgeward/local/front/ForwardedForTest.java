package io.edgeward.local.front;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.local.origin.DemoOrigin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With {@code --trust-forwarded-for}, the front takes the client address from X-Forwarded-For read by the shared
 * parser: one spelling per address (as ingest, detection and Protector write it), and anything else ignored.
 */
class ForwardedForTest {

    private static DemoOrigin origin;
    private static CloudFrontFront front;
    private static final ScriptedHandler viewerRequest = new ScriptedHandler();
    private static final ScriptedHandler passThrough = new ScriptedHandler();
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        origin = DemoOrigin.start("127.0.0.1", 0);
        FrontConfig config = FrontConfig.of(0, URI.create("http://127.0.0.1:" + origin.port())).withTrustForwardedFor(true);
        front = CloudFrontFront.start(config, viewerRequest, passThrough, passThrough, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        front.close();
        origin.close();
    }

    @BeforeEach
    void reset() {
        viewerRequest.events.clear();
        viewerRequest.answer(ScriptedHandler::passThrough);
        passThrough.answer(ScriptedHandler::passThrough);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.9|203.0.113.9",
        "'203.0.113.9, 10.0.0.1'|203.0.113.9",
        "::ffff:203.0.113.9|203.0.113.9",
        "2001:0DB8:0:0:0:0:0:1|2001:db8::1",
        "010.1.1.1|127.0.0.1",
        "fe80::1%eth0|127.0.0.1",
        "shop.example|127.0.0.1"})
    void the_forwarded_address_is_taken_in_its_canonical_spelling_or_ignored(String header, String clientIp)
            throws Exception {
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front.port() + "/"))
                .header("X-Forwarded-For", header).GET().build(), HttpResponse.BodyHandlers.discarding());

        assertThat(ScriptedHandler.cf(viewerRequest.events.get(0)).at("/request/clientIp").asText()).isEqualTo(clientIp);
    }
}
