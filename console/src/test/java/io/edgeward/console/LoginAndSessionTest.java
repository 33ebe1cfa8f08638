package io.edgeward.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.console.support.ConsoleClient;
import io.edgeward.console.support.ConsoleFixture;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginAndSessionTest {

    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void every_page_without_a_session_redirects_to_the_login_page() {
        ConsoleClient client = console.client();
        for (String page : List.of("/console/", "/console/detections", "/console/decisions", "/console/explain",
                "/console/challenges", "/console/policy", "/console/decisions?list=allowlist")) {
            HttpResponse<String> response = client.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).as(page).hasValue("/console/login");
        }
        assertThat(client.get("/").headers().firstValue("Location")).hasValue("/console/");
    }

    @Test
    void the_json_api_without_a_session_answers_401() {
        HttpResponse<String> response = console.client().get("/console/api/detections?after=0");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("unauthorized");
    }

    @Test
    void the_login_page_has_the_token_field_and_button_the_browser_test_uses() {
        String page = console.client().get("/console/login").body();
        assertThat(page).contains("id=\"token\"", "id=\"login\"", "type=\"password\"");
    }

    @Test
    void a_wrong_token_is_refused_with_the_form_and_no_cookie() {
        HttpResponse<String> response = console.client().login("not-the-admin-token-at-all");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("not the admin token", "id=\"token\"");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void after_five_failures_an_address_cannot_try_even_the_right_token_until_the_window_passes() {
        ConsoleClient client = console.client();
        for (int i = 0; i < 5; i++) {
            assertThat(client.login("guess-number-" + i + "-xxxxxxxx").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = client.login(ConsoleFixture.TOKEN);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.session).isNull();

        console.clock.advance(Duration.ofMinutes(16));
        assertThat(client.login(ConsoleFixture.TOKEN).statusCode()).isEqualTo(303);
        assertThat(client.session).isNotNull();
    }

    @Test
    void behind_a_trusted_balancer_one_clients_failures_do_not_lock_out_another() {
        try (ConsoleFixture behindBalancer = ConsoleFixture.behindProxies("127.0.0.0/8")) {
            ConsoleClient guesser = behindBalancer.client();
            for (int i = 0; i < 5; i++) {
                assertThat(guesser.post("/console/login", Map.of("token", "guess-number-" + i + "-xxxxxxxx"),
                        forwardedFor("198.51.100.1")).statusCode()).isEqualTo(401);
            }
            assertThat(guesser.post("/console/login", Map.of("token", ConsoleFixture.TOKEN),
                    forwardedFor("198.51.100.1")).statusCode()).isEqualTo(429);
            // the guesser cannot escape its count by writing another address in front of the balancer's hop
            assertThat(guesser.post("/console/login", Map.of("token", ConsoleFixture.TOKEN),
                    forwardedFor("192.0.2.50, 198.51.100.1")).statusCode()).isEqualTo(429);

            assertThat(behindBalancer.client().post("/console/login", Map.of("token", ConsoleFixture.TOKEN),
                    forwardedFor("198.51.100.2")).statusCode()).isEqualTo(303);
        }
    }

    private static Map<String, String> forwardedFor(String hops) {
        return Map.of("Sec-Fetch-Site", "same-origin", "X-Forwarded-For", hops);
    }

    @Test
    void login_sets_a_host_prefixed_http_only_secure_same_site_strict_cookie_and_leads_to_the_overview() {
        HttpResponse<String> response = console.client().login(ConsoleFixture.TOKEN);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/console/");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("__Host-ew-console=").contains("; Path=/", "; Secure", "; HttpOnly",
                "; SameSite=Strict").doesNotContain("Domain=");
        String id = cookie.substring("__Host-ew-console=".length(), cookie.indexOf(';'));
        assertThat(id).hasSizeGreaterThanOrEqualTo(43).doesNotContain(ConsoleFixture.TOKEN);
    }

    @Test
    void logout_ends_the_session_server_side_so_a_copied_cookie_no_longer_works() {
        ConsoleClient client = console.signedIn();
        String copied = client.session;
        assertThat(client.get("/console/decisions").statusCode()).isEqualTo(200);

        HttpResponse<String> out = client.post("/console/logout", Map.of("csrf", client.csrf("/console/decisions")));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");

        ConsoleClient replay = console.client();
        replay.session = copied;
        assertThat(replay.get("/console/decisions").statusCode()).isEqualTo(303);
    }

    @Test
    void a_session_id_planted_before_login_is_replaced_not_promoted() {
        ConsoleClient victim = console.client();
        victim.session = "planted-by-the-attacker-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        victim.login(ConsoleFixture.TOKEN);
        assertThat(victim.session).isNotEqualTo("planted-by-the-attacker-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        ConsoleClient attacker = console.client();
        attacker.session = "planted-by-the-attacker-AAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThat(attacker.get("/console/").statusCode()).isEqualTo(303);
    }

    @Test
    void logging_in_again_ends_the_previous_session_of_that_browser() {
        ConsoleClient client = console.signedIn();
        String first = client.session;
        client.login(ConsoleFixture.TOKEN);
        ConsoleClient old = console.client();
        old.session = first;
        assertThat(old.get("/console/").statusCode()).isEqualTo(303);
        assertThat(client.get("/console/").statusCode()).isEqualTo(200);
    }

    @Test
    void an_idle_session_ends_and_so_does_a_busy_one_at_its_absolute_expiry() {
        ConsoleClient idle = console.signedIn();
        console.clock.advance(Duration.ofMinutes(31));
        assertThat(idle.get("/console/").statusCode()).isEqualTo(303);

        ConsoleClient busy = console.signedIn();
        for (int i = 0; i < 20; i++) {
            console.clock.advance(Duration.ofMinutes(25));
            busy.get("/console/policy");
        }
        assertThat(busy.get("/console/").statusCode()).isEqualTo(303);
    }
}
