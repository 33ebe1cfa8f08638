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
 * An operator's decision (admin API → Kafka decisions topic → Protector's memory) takes effect at the visitor's next
 * check through the real edge, and so does its removal. Visitors without a cookie are checked on every request; a
 * session's cookie here is re-checked after one second, and a block answer is enforced without asking again for one
 * second (blocks.carryMax; 5 min by default, which is how long an unblock can take to reach a blocked client).
 */
@ExtendWith(KafkaBrokerExtension.class)
class AdminDecisionsTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static LocalStack stack;
    private static ProtectorAdmin admin;

    @BeforeAll
    static void start(KafkaBroker broker) {
        stack = TestStacks.start(broker, b -> b.checkIntervalInitial(Duration.ofSeconds(1))
                .checkIntervalMax(Duration.ofSeconds(1)).blockCarryMax(Duration.ofSeconds(1)));
        admin = new ProtectorAdmin(stack);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void blocking_an_ip_takes_effect_at_the_next_check_and_so_does_the_removal() {
        assertThat(fresh("198.51.100.7").get("/").statusCode()).isEqualTo(200);

        String id = admin.decide("ip", "198.51.100.7", "block");

        HttpResponse<String> blocked = fresh("198.51.100.7").get("/");
        assertBlocked(blocked);
        assertThat(fresh("198.51.100.8").get("/").statusCode()).isEqualTo(200);

        admin.remove(id);

        await().atMost(WITHIN).until(() -> fresh("198.51.100.7").get("/").statusCode() == 200);
    }

    @Test
    void blocking_a_cidr_blocks_every_address_in_it() {
        String id = admin.decide("cidr", "203.0.113.0/24", "block");

        assertBlocked(fresh("203.0.113.77").get("/products/2"));
        assertBlocked(fresh("203.0.113.200").get("/search?q=socks"));
        assertThat(fresh("203.0.114.1").get("/").statusCode()).isEqualTo(200);

        admin.remove(id);
        await().atMost(WITHIN).until(() -> fresh("203.0.113.77").get("/").statusCode() == 200);
    }

    @Test
    void blocking_a_session_blocks_its_cookie_at_the_next_check_and_not_its_address() {
        Visitor visitor = fresh("192.0.2.50");
        assertThat(visitor.get("/").statusCode()).isEqualTo(200);
        String sessionId = SessionCookies.sessionId(visitor.cookie().orElseThrow());

        String id = admin.decide("session", sessionId, "block");

        await().atMost(WITHIN).until(() -> visitor.get("/cart").statusCode() == 403);
        assertThat(fresh("192.0.2.50").get("/").statusCode()).isEqualTo(200);

        admin.remove(id);
        await().atMost(WITHIN).until(() -> visitor.get("/cart").statusCode() == 200);
    }

    private static Visitor fresh(String ip) {
        return Visitor.browser(stack, ip);
    }

    private static void assertBlocked(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-edgeward-action")).hasValue("block");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(response.headers().firstValue("x-cache")).hasValue("LambdaGeneratedResponse from cloudfront");
    }
}
