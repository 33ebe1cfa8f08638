package io.edgeward.detection.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.topics.Detection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credential stuffing, scanning, scalping, account creation and carding: the bot and its human look-alike. */
class AbuseRulesTest {

    private final DetectionHarness h = new DetectionHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void five_failed_logins_in_one_session_are_credential_stuffing() {
        for (int i = 0; i < 5; i++) {
            h.send(Req.post("/login", 401).session("stuffer"), Duration.ofSeconds(2));
        }

        assertThat(h.detections("credential-stuffing.failures")).singleElement()
                .satisfies(d -> assertThat(d.scope() + "|" + d.value()).isEqualTo("session|stuffer"));
    }

    @Test
    void one_failed_login_then_success_is_not_stuffing() {
        Visitors.browse(h, "203.0.113.30", "forgetful", 3, 1);
        h.send(Req.get("/login").session("forgetful"));
        h.send(Req.post("/login", 401).session("forgetful"), Duration.ofSeconds(8));
        h.send(Req.post("/login", 302).session("forgetful"));

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void cookieless_stuffing_from_one_address_is_scoped_to_the_address() {
        for (int i = 0; i < 6; i++) {
            h.send(Req.post("/login", 401).ip("198.51.100.9").cookieless("new-" + i));
        }

        assertThat(h.detections("credential-stuffing.failures")).singleElement().satisfies(d -> {
            assertThat(d.scope()).isEqualTo("ip");
            assertThat(d.value()).isEqualTo("198.51.100.9");
        });
    }

    @Test
    void failures_spread_over_addresses_sharing_a_fingerprint_are_distributed_stuffing() {
        for (int i = 0; i < 24; i++) {
            h.send(Req.post("/login", 401).ip("192.0." + i + ".10").cookieless("s" + i).ja4("t13d_botnet_fp"),
                    Duration.ofSeconds(5));
        }

        assertThat(h.detections("credential-stuffing.distributed"))
                .extracting(Detection::scope).contains("ja4", "user_agent");
        assertThat(h.detections("credential-stuffing.distributed"))
                .filteredOn(d -> d.scope().equals("ja4")).singleElement()
                .satisfies(d -> assertThat(d.value()).isEqualTo("t13d_botnet_fp"));
        assertThat(h.detections("credential-stuffing.failures")).isEmpty();
    }

    @Test
    void many_people_with_the_same_browser_mistyping_once_are_not_distributed_stuffing() {
        for (int i = 0; i < 30; i++) {
            String ip = "192.0." + i + ".20";
            h.send(Req.post("/login", 401).ip(ip).session("p" + i), Duration.ofSeconds(3));
            h.send(Req.post("/login", 302).ip(ip).session("p" + i), Duration.ofSeconds(3));
        }

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void bursts_of_not_found_answers_are_scanning_and_block_the_address() {
        for (int i = 0; i < 22; i++) {
            h.send(Req.get("/backup-" + i + ".tar").status(404).ip("198.51.100.44").cookieless("n" + i));
        }

        assertThat(h.detections("scanning.errors")).singleElement().satisfies(d -> {
            assertThat(d.scope() + "|" + d.value()).isEqualTo("ip|198.51.100.44");
            assertThat(d.action()).isEqualTo("block");
        });
    }

    @Test
    void a_few_broken_links_while_browsing_are_not_scanning() {
        Visitors.browse(h, "203.0.113.31", "clicker", 20, 2);
        for (int i = 0; i < 4; i++) {
            h.send(Req.get("/old-page-" + i).status(404).session("clicker"), Duration.ofSeconds(5));
        }

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void well_known_probe_paths_are_scanning() {
        h.send(Req.get("/.env").status(404).ip("198.51.100.45").cookieless("a"));
        h.send(Req.get("/.git/config").status(404).ip("198.51.100.45").cookieless("b"));
        h.send(Req.get("/wp-login.php").status(404).ip("198.51.100.45").cookieless("c"));

        assertThat(h.detections("scanning.probe-paths")).singleElement()
                .satisfies(d -> assertThat(d.action()).isEqualTo("block"));
    }

    @Test
    void one_curious_visit_to_a_probe_path_is_not_scanning() {
        Visitors.browse(h, "203.0.113.32", "curious", 5, 4);
        h.send(Req.get("/wp-login.php").status(404).session("curious"));

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void hammering_add_to_cart_is_scalping() {
        for (int i = 0; i < 10; i++) {
            h.send(Req.post("/cart/add", 200).session("scalper"), Duration.ofSeconds(3));
        }

        assertThat(h.detections("scalping.cart-add")).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("10 add-to-cart requests in PT1M"));
    }

    @Test
    void adding_a_few_items_while_shopping_is_not_scalping() {
        for (int i = 0; i < 4; i++) {
            Visitors.readPage(h, "203.0.113.33", "buyer", "/products/" + (i * 7 + 3));
            h.send(Req.post("/cart/add", 200).session("buyer"), Duration.ofSeconds(10));
        }

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void repeated_sign_ups_are_account_creation() {
        for (int i = 0; i < 3; i++) {
            h.send(Req.post("/signup", 201).session("farmer"), Duration.ofSeconds(20));
        }

        assertThat(h.detections("account-creation.signups")).hasSize(1);
    }

    @Test
    void one_sign_up_is_not_account_creation() {
        Visitors.browse(h, "203.0.113.34", "newcomer", 3, 5);
        h.send(Req.post("/signup", 201).session("newcomer"));

        assertThat(h.detections()).isEmpty();
    }

    @Test
    void failing_payments_are_carding() {
        for (int i = 0; i < 3; i++) {
            h.send(Req.post("/checkout", 402).session("carder"), Duration.ofSeconds(15));
        }

        assertThat(h.detections("carding.payment-failures")).hasSize(1);
    }

    @Test
    void a_declined_card_then_another_card_is_not_carding() {
        h.send(Req.post("/checkout", 402).session("payer"), Duration.ofSeconds(30));
        h.send(Req.post("/checkout", 200).session("payer"));

        assertThat(h.detections()).isEmpty();
    }
}
