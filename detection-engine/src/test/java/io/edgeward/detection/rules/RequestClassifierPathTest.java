package io.edgeward.detection.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.detection.policy.PolicyLoader;
import io.edgeward.detection.topics.LogRecord;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The classifier judges the one normalised path (edge-core PathNormaliser), and a tricky path is never an asset. */
class RequestClassifierPathTest {

    private final RequestClassifier classifier = new RequestClassifier(PolicyLoader.defaults().classification());

    private RequestClassifier.Classified classify(String method, String rawPath, int status) {
        return classifier.classified(new LogRecord(1, "203.0.113.7", method, rawPath, status, "Mozilla/5.0", "en",
                "s", "valid", "allow", null, null, null, null, null, null, rawPath, null, null), 0);
    }

    @Test
    void a_login_dressed_as_a_stylesheet_is_a_login_not_an_asset() {
        RequestClassifier.Classified c = classify("POST", "/login;.css", 401);

        assertThat(c.path()).isEqualTo("/login");
        assertThat(Signals.has(c.event().flags(), Signals.ASSET)).isFalse();
        assertThat(Signals.has(c.event().flags(), Signals.LOGIN_FAIL)).isTrue();
    }

    @Test
    void encoded_and_dotted_spellings_of_a_page_count_as_that_page() {
        for (String raw : new String[] {"/products/%2E%2E/checkout;x.png", "//checkout/.//", "/CHECKOUT/x/..",
                "/checkout%2f..%2fcheckout"}) {
            RequestClassifier.Classified c = classify("GET", raw, 200);
            assertThat(c.path()).as(raw).isEqualTo("/checkout");
            assertThat(Signals.has(c.event().flags(), Signals.PAGE)).as(raw).isTrue();
        }
    }

    @Test
    void a_plain_stylesheet_is_still_an_asset() {
        assertThat(Signals.has(classify("GET", "/static/site.css", 200).event().flags(), Signals.ASSET)).isTrue();
    }

    @Test
    void agrees_with_the_shared_path_vectors() throws Exception {
        JsonNode vectors;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("path-vectors.json")) {
            vectors = new ObjectMapper().readTree(in).get("vectors");
        }
        assertThat(vectors.size()).isGreaterThan(10);
        for (JsonNode v : vectors) {
            String raw = v.get("raw").asText();
            String expected = v.get("path").asText().toLowerCase(Locale.ROOT);
            if (expected.length() > 1 && expected.endsWith("/")) {
                expected = expected.substring(0, expected.length() - 1);
            }
            RequestClassifier.Classified c = classify("GET", raw.isEmpty() ? "/" : raw, 200);
            assertThat(c.path()).as(raw).isEqualTo(expected);
            if (v.get("tricky").asBoolean()) {
                assertThat(Signals.has(c.event().flags(), Signals.ASSET)).as(raw + " is tricky").isFalse();
            }
        }
    }
}
