package io.edgeward.local;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie through the whole local stack: real front, real edge functions, real Protector on Kafka.
 * Check intervals are long here so a fresh cookie stays fresh for the whole test, however slow the machine.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SessionCookieTest {

    private static LocalStack stack;
    private static ProtectorAdmin protector;

    @BeforeAll
    static void start(KafkaBroker broker) {
        stack = TestStacks.start(broker, b -> b.checkIntervalInitial(Duration.ofMinutes(5))
                .checkIntervalMax(Duration.ofMinutes(10)));
        protector = new ProtectorAdmin(stack);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void first_visit_gets_a_session_cookie() {
        Visitor visitor = Visitor.browser(stack, "192.0.2.10");

        HttpResponse<String> response = visitor.get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Outdoor shop");
        assertThat(response.headers().allValues("set-cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(SessionCookies.NAME + "=").contains("Secure", "HttpOnly", "Path=/"));
        assertThat(SessionCookies.sessionId(visitor.cookie().orElseThrow())).isNotBlank();
    }

    @Test
    void return_visit_with_a_fresh_cookie_makes_no_protector_call() {
        Visitor visitor = Visitor.browser(stack, "192.0.2.11");
        visitor.get("/");
        String cookie = visitor.cookie().orElseThrow();
        double checksBefore = protector.checksAnswered();

        HttpResponse<String> page = visitor.get("/products/3");
        HttpResponse<String> again = visitor.get("/search?q=jacket");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(protector.checksAnswered()).isEqualTo(checksBefore);
        assertThat(SessionCookies.sessionId(visitor.cookie().orElseThrow())).isEqualTo(SessionCookies.sessionId(cookie));
    }

    @Test
    void tampered_cookie_counts_as_no_cookie() {
        assertTreatedAsNoCookie("192.0.2.12", SessionCookies::tamper);
    }

    @Test
    void expired_cookie_counts_as_no_cookie() {
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        assertTreatedAsNoCookie("192.0.2.13", cookie -> SessionCookies.forge(cookie,
                Map.of("exp", past, "iat", past - 60, "chk", past), "local", TestStacks.COOKIE_KEY));
    }

    @Test
    void cookie_signed_with_a_foreign_key_counts_as_no_cookie() {
        assertTreatedAsNoCookie("192.0.2.14", cookie -> SessionCookies.forge(cookie, Map.of(), "other",
                "ZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmY"));
    }

    @Test
    void cookie_bound_to_another_user_agent_counts_as_no_cookie() {
        assertTreatedAsNoCookie("192.0.2.15", cookie -> SessionCookies.forge(cookie,
                Map.of("uah", SessionCookies.userAgentHash("curl/8.0.1")), "local", TestStacks.COOKIE_KEY));
    }

    /** The edge checks with Protector and starts a new session, exactly as for a visitor with no cookie. */
    private static void assertTreatedAsNoCookie(String ip, java.util.function.UnaryOperator<String> spoil) {
        Visitor visitor = Visitor.browser(stack, ip);
        visitor.get("/");
        String original = visitor.cookie().orElseThrow();
        double checksBefore = protector.checksAnswered();

        HttpResponse<String> response = visitor.withCookie(spoil.apply(original)).get("/products/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(protector.checksAnswered()).isEqualTo(checksBefore + 1);
        String issued = SessionCookies.fromResponse(response).orElseThrow();
        assertThat(SessionCookies.sessionId(issued)).isNotEqualTo(SessionCookies.sessionId(original));
    }
}
