package io.edgeward.local;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decisions on scopes CloudFront shows only after the viewer-request event (docs/edge.md "Origin-request
 * association"): the front adds {@code CloudFront-Viewer-JA4-Fingerprint} after viewer-request, as CloudFront does,
 * so a ja4 decision can only be enforced by the origin-request function, on cache misses. Holds whether or not
 * Protector honours the check's {@code scopes} yet: a ja4 block answers block either way.
 */
@ExtendWith(KafkaBrokerExtension.class)
class OriginRequestDecisionsTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String BOT_JA4 = "t13d1516h2_8daaf6152771_02713d6af862";
    private static final String BROWSER_JA4 = "t13d1517h2_8daaf6152771_b0da82dd1658";
    private static LocalStack stack;
    private static ProtectorAdmin admin;

    @BeforeAll
    static void start(KafkaBroker broker) {
        // Short intervals: an origin-request answer is kept per session for at most the check interval.
        stack = TestStacks.start(broker, b -> b.checkIntervalInitial(Duration.ofSeconds(1))
                .checkIntervalMax(Duration.ofSeconds(1)));
        admin = new ProtectorAdmin(stack);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void an_admin_ja4_block_is_enforced_at_origin_request_the_only_function_that_sees_the_fingerprint() {
        Visitor bot = Visitor.browser(stack, "192.0.2.61").header("x-test-ja4", BOT_JA4);
        Visitor browser = Visitor.browser(stack, "192.0.2.62").header("x-test-ja4", BROWSER_JA4);
        assertThat(bot.get("/search?q=first").statusCode()).isEqualTo(200);

        String id = admin.decide("ja4", BOT_JA4, "block");

        assertBlocked(Visitor.browser(stack, "198.51.100.61").header("x-test-ja4", BOT_JA4).get("/cart"));
        // The established bot is answered from the kept allow until its interval ends, then blocked.
        await().atMost(WITHIN).untilAsserted(() -> assertBlocked(bot.get("/search?q=" + System.nanoTime())));
        assertThat(browser.get("/search?q=" + System.nanoTime()).statusCode()).isEqualTo(200);

        admin.remove(id);
        await().atMost(WITHIN).until(() -> bot.get("/search?q=" + System.nanoTime()).statusCode() == 200);
    }

    @Test
    void a_ja4_blocked_client_still_gets_cached_pages_since_origin_request_runs_on_misses_only() {
        String page = "/api/products?v=" + System.nanoTime();
        assertThat(Visitor.browser(stack, "192.0.2.71").get(page).statusCode()).isEqualTo(200);
        String id = admin.decide("ja4", "t13d1516h2_aaaaaaaaaaaa_bbbbbbbbbbbb", "block");
        Visitor bot = Visitor.browser(stack, "192.0.2.72").header("x-test-ja4", "t13d1516h2_aaaaaaaaaaaa_bbbbbbbbbbbb");

        HttpResponse<String> cached = bot.get(page);
        HttpResponse<String> dynamic = bot.get("/search?q=" + System.nanoTime());

        // The documented trade-off: abuse of dynamic pages (misses) is stopped; cached content is served.
        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.headers().firstValue("x-cache")).hasValue("Hit from cloudfront");
        assertBlocked(dynamic);
        admin.remove(id);
    }

    private static void assertBlocked(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-edgeward-action")).hasValue("block");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(response.headers().firstValue("x-cache")).hasValue("LambdaGeneratedResponse from cloudfront");
    }
}
