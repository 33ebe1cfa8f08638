package io.edgeward.local;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11's adversaries against the real stack (front, both edge functions, Protector, ingest, Kafka, detection):
 * a blocked address neither verifies its way out nor passes a page dressed as an asset, and a session-holding API
 * scraper is challenged by its rate budget while a reader with the same browser is left alone.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AdversariesEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static LocalStack stack;
    private static ProtectorAdmin admin;

    @BeforeAll
    static void start(KafkaBroker broker) {
        stack = TestStacks.start(broker, b -> b.detection(true));
        admin = new ProtectorAdmin(stack);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void a_blocked_address_cannot_verify_its_way_out_nor_pass_a_page_dressed_as_an_asset() {
        String ip = "198.51.100.66";
        Visitor bot = Visitor.browser(stack, ip);
        assertThat(bot.get("/products/3").statusCode()).isEqualTo(200);

        admin.decide("ip", ip, "block");
        await().atMost(WITHIN).until(() -> bot.get("/products/3").statusCode() == 403);

        for (int attempt = 0; attempt < 5; attempt++) {
            HttpResponse<String> verify = bot.postForm("/.edgeward/challenge/verify",
                    "token=garbage.garbage.garbage&nonce=" + attempt + "&returnTo=%2Fproducts%2F3");
            assertThat(verify.statusCode()).as("verify attempt %d", attempt).isEqualTo(403);
            assertThat(verify.headers().firstValue("x-edgeward-action")).hasValue("block");
            assertThat(bot.get("/products/3").statusCode()).isEqualTo(403);
        }
        for (String form : List.of("/products/3;.css", "/products/3/.png", "/.well-known/../products/3",
                "/products/3%3B.css", "//products/3.css", "/static%2F..%2Fproducts/3.css", "/products/3;jsessionid=x")) {
            HttpResponse<String> dressed = Visitor.browser(stack, ip).get(form);
            assertThat(dressed.statusCode()).as(form).isEqualTo(403);
            assertThat(dressed.headers().firstValue("x-edgeward-action")).as(form).hasValue("block");
        }
    }

    @Test
    void a_session_holding_api_scraper_is_challenged_within_seconds_and_a_reader_with_its_browser_is_not() {
        Visitor scraper = Visitor.browser(stack, "192.0.2.77").header("Accept", "application/json");
        Visitor reader = Visitor.browser(stack, "192.0.2.78");
        assertThat(reader.get("/").statusCode()).isEqualTo(200);
        AtomicInteger page = new AtomicInteger();

        // The scraper keeps its cookie and pages through the JSON API at about six calls a second.
        await().atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(150))
                .until(() -> scraper.get("/api/products?page=" + page.incrementAndGet()).statusCode() != 200);

        HttpResponse<String> next = scraper.get("/api/products?page=" + page.incrementAndGet());
        assertThat(next.headers().firstValue("x-edgeward-action")).hasValue("challenge");
        assertThat(next.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        for (String path : List.of("/products/1", "/search?q=socks", "/products/2", "/cart")) {
            HttpResponse<String> read = reader.get(path);
            assertThat(read.statusCode()).as(path).isEqualTo(200);
            assertThat(read.headers().firstValue("x-edgeward-action")).as(path).isEmpty();
        }
    }
}
