package io.edgeward.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.console.support.ConsoleClient;
import io.edgeward.console.support.ConsoleFixture;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a page on another site would try to make a signed-in operator's browser change decisions. */
class FormProtectionTest {

    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    private static Map<String, String> blockForm(String csrf) {
        Map<String, String> form = new LinkedHashMap<>();
        if (csrf != null) {
            form.put("csrf", csrf);
        }
        form.put("list", "decisions");
        form.put("scope", "ip");
        form.put("value", "198.51.100.7");
        form.put("action", "block");
        form.put("duration", "PT1H");
        form.put("reason", "forged");
        return form;
    }

    @Test
    void a_post_without_the_csrf_token_is_refused_and_nothing_reaches_protector() {
        ConsoleClient operator = console.signedIn();
        HttpResponse<String> response = operator.post("/console/decisions", blockForm(null));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(console.protector.writes()).isEmpty();
    }

    @Test
    void a_post_with_another_sessions_csrf_token_is_refused() {
        ConsoleClient attacker = console.signedIn();
        String attackersToken = attacker.csrf("/console/decisions");
        ConsoleClient operator = console.signedIn();
        HttpResponse<String> response = operator.post("/console/decisions", blockForm(attackersToken));
        assertThat(response.statusCode()).isEqualTo(403);
        HttpResponse<String> remove = operator.post("/console/decisions/d1/remove",
                Map.of("csrf", attackersToken, "list", "decisions"));
        assertThat(remove.statusCode()).isEqualTo(403);
        assertThat(console.protector.writes()).isEmpty();
    }

    @Test
    void a_cross_site_post_is_refused_even_with_a_valid_token_and_cookie() {
        ConsoleClient operator = console.signedIn();
        String csrf = operator.csrf("/console/decisions");
        HttpResponse<String> crossSite = operator.post("/console/decisions", blockForm(csrf),
                Map.of("Sec-Fetch-Site", "cross-site"));
        HttpResponse<String> sameSite = operator.post("/console/decisions", blockForm(csrf),
                Map.of("Sec-Fetch-Site", "same-site"));
        HttpResponse<String> foreignOrigin = operator.post("/console/decisions", blockForm(csrf),
                Map.of("Origin", "https://evil.example"));
        HttpResponse<String> opaqueCrossSite = operator.post("/console/decisions", blockForm(csrf),
                Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(sameSite.statusCode()).isEqualTo(403);
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(opaqueCrossSite.statusCode()).isEqualTo(403);
        assertThat(console.protector.writes()).isEmpty();
    }

    @Test
    void the_consoles_own_form_posts_pass_with_the_null_origin_its_no_referrer_policy_makes_browsers_send() {
        ConsoleClient operator = console.signedIn();
        HttpResponse<String> response = operator.post("/console/decisions",
                blockForm(operator.csrf("/console/decisions")), Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"));
        assertThat(response.statusCode()).isEqualTo(303);
        ConsoleClient fresh = console.client();
        assertThat(fresh.post("/console/login", Map.of("token", ConsoleFixture.TOKEN),
                Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(303);
    }

    @Test
    void a_cross_site_logout_and_login_are_refused() {
        ConsoleClient operator = console.signedIn();
        String csrf = operator.csrf("/console/decisions");
        assertThat(operator.post("/console/logout", Map.of("csrf", csrf), Map.of("Sec-Fetch-Site", "cross-site"))
                .statusCode()).isEqualTo(403);
        assertThat(operator.get("/console/").statusCode()).isEqualTo(200);
        ConsoleClient other = console.client();
        assertThat(other.post("/console/login", Map.of("token", ConsoleFixture.TOKEN),
                Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
    }

    @Test
    void a_post_without_a_session_is_refused_even_with_a_token_from_an_ended_one() {
        ConsoleClient operator = console.signedIn();
        String csrf = operator.csrf("/console/decisions");
        operator.post("/console/logout", Map.of("csrf", csrf));
        HttpResponse<String> response = operator.post("/console/decisions", blockForm(csrf));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(console.protector.writes()).isEmpty();
    }

    @Test
    void a_client_that_sends_no_fetch_metadata_still_needs_the_cookie_and_the_token() {
        ConsoleClient script = console.signedIn();
        String csrf = script.csrf("/console/decisions");
        HttpResponse<String> response = script.post("/console/decisions", blockForm(csrf), Map.of());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(console.protector.writes()).hasSize(1);
    }
}
