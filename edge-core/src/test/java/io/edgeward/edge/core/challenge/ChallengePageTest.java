package io.edgeward.edge.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.edge.core.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengePageTest {

    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzaWQiOiJhYmMifQ.c2lnbmF0dXJl";

    private final ChallengePage page = ChallengePage.defaults();

    @Test
    void the_proof_of_work_page_is_accessible_and_needs_no_external_fetch() {
        String html = page.render(new ChallengeOffer(TOKEN, "pow", 18, null), "https://shop.example/p/1", "req-1",
                false);

        assertThat(html).contains("<html lang=\"en\"")
                .contains("<noscript><p><strong>This check needs JavaScript.")
                .contains("role=\"progressbar\"").contains("aria-valuenow=\"0\"").contains("aria-label=\"")
                .contains("aria-live=\"polite\"").contains("<button type=\"button\" id=\"ew-start\">")
                .contains("data-difficulty=\"18\"")
                .contains("<form id=\"ew-form\" method=\"post\" action=\"/.edgeward/challenge/verify\">")
                .contains("name=\"token\" value=\"" + TOKEN + "\"")
                .contains("crypto.subtle.digest('SHA-256'").contains("URL.createObjectURL(new Blob(")
                .doesNotContain("src=\"http").doesNotContain("role=\"alert\"");
        // Hidden until the script shows it: without JavaScript only the noscript message is visible.
        assertThat(html).contains("<div id=\"ew-widget\" hidden ");
    }

    @Test
    void each_third_party_provider_gets_its_documented_widget_and_script() {
        Map<String, String[]> expected = Map.of(
                "hcaptcha", new String[] {"h-captcha", "https://js.hcaptcha.com/1/api.js"},
                "recaptcha", new String[] {"g-recaptcha", "https://www.google.com/recaptcha/api.js"},
                "turnstile", new String[] {"cf-turnstile", "https://challenges.cloudflare.com/turnstile/v0/api.js"});
        expected.forEach((provider, widget) -> {
            String html = page.render(new ChallengeOffer(TOKEN, provider, 0, "site-key-1"), "https://s/", "r", false);
            assertThat(html).contains("<div class=\"" + widget[0] + "\" data-sitekey=\"site-key-1\" "
                    + "data-callback=\"edgewardCaptchaDone\">").contains("<script src=\"" + widget[1] + "\" async defer>")
                    .contains("Please complete the check below").doesNotContain("ew-worker");
        });
    }

    @Test
    void without_an_offer_the_page_links_back_to_the_visitors_url() {
        String html = page.render(null, "https://shop.example/p?q=\"x\"", "req-1", false);

        assertThat(html).contains("<a href=\"https://shop.example/p?q=&quot;x&quot;\">Try again</a>")
                .doesNotContain("<form");
    }

    @Test
    void a_rejected_answer_is_announced() {
        String html = page.render(new ChallengeOffer(TOKEN, "pow", 18, null), "https://s/", "r", true);

        assertThat(html).contains("<p class=\"ew-notice\" role=\"alert\">That did not work. Here is a new check.</p>");
    }

    @Test
    void operators_translate_the_page_and_replace_the_template() {
        ChallengePage german = new ChallengePage(
                PageTemplate.of("<html lang=\"{{lang}}\"><h1>{{heading}}</h1>{{widget}}<i>{{requestId}}</i></html>"),
                ChallengeTexts.withOverrides(Map.of("lang", "de", "heading", "Einen Moment <bitte>",
                        "working", "Ihr Browser rechnet…")));

        String html = german.render(new ChallengeOffer(TOKEN, "pow", 12, null), "https://s/", "<r>", false);

        assertThat(html).startsWith("<html lang=\"de\"><h1>Einen Moment &lt;bitte&gt;</h1><div id=\"edgeward-challenge\" data-provider=\"pow\"><form")
                .contains("data-working=\"Ihr Browser rechnet…\"").endsWith("<i>&lt;r&gt;</i></html>");
    }

    @Test
    void a_template_without_the_widget_or_with_an_unknown_placeholder_is_rejected() {
        assertThatThrownBy(() -> PageTemplate.of("<p>{{message}}</p>"))
                .hasMessageContaining("must contain {{widget}}");
        assertThatThrownBy(() -> PageTemplate.of("{{widget}}{{mesage}}"))
                .hasMessageContaining("unknown placeholder {{mesage}}");
        assertThatThrownBy(() -> ChallengeTexts.withOverrides(Map.of("titel", "x")))
                .hasMessageContaining("challenge.strings.titel is not a known key");
    }

    @Test
    void the_page_stays_under_the_lambda_at_edge_generated_response_limit() {
        int typical = page.render(new ChallengeOffer(TOKEN, "pow", 18, null), "https://shop.example/", "req-1", false)
                .getBytes(StandardCharsets.UTF_8).length;
        int worst = ChallengeResponses.worstCaseBytes(page);

        assertThat(worst).isLessThan(ChallengeResponses.GENERATED_LIMIT - 4096);
        assertThat(typical).isLessThan(8 * 1024);
        System.out.println("challenge page bytes: typical pow " + typical + ", worst case " + worst);
    }

    @Test
    void a_template_that_could_exceed_the_limit_fails_at_start_up() {
        String huge = "{{widget}}" + "{{message}}".repeat(2000);
        ChallengePage bloated = new ChallengePage(PageTemplate.of(huge), ChallengeTexts.english());

        assertThatThrownBy(() -> new ChallengeResponses(TestPorts.json(), bloated))
                .hasMessageContaining("Lambda@Edge allows 40960");
    }
}
