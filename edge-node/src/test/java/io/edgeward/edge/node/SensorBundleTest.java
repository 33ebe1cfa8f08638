package io.edgeward.edge.node;

import static io.edgeward.edge.node.EdgeFixtures.cookiePair;
import static io.edgeward.edge.node.EdgeFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser sensor's edge paths in the Node bundle (TeaVM), called as Lambda calls it: the nonce it signs with
 * {@code node:crypto} comes back in a report and verifies, and a forged one does not.
 */
class SensorBundleTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";

    @TempDir
    Path dir;
    private FakeProtector protector;
    private FakeIngest ingest;
    private NodeBundle bundle;

    @BeforeEach
    void start() throws Exception {
        protector = FakeProtector.start();
        ingest = FakeIngest.start();
        bundle = NodeBundle.start("viewer-request", EdgeFixtures.config(protector.url(), ingest.url(), "PT5S"), dir);
    }

    @AfterEach
    void stop() {
        bundle.close();
        protector.close();
        ingest.close();
    }

    @Test
    void the_script_is_served_with_a_nonce_and_a_report_carrying_it_is_relayed_and_sets_the_verdict() throws Exception {
        String cookie = cookiePair(header(bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null)),
                "x-edgeward-set-cookie"));

        Map<String, Object> script = bundle.invoke(EdgeFixtures.viewerRequest("/.edgeward/s.js", BROWSER, cookie));
        String body = (String) script.get("body");
        String nonce = NodeBundle.JSON.readTree(body.substring(body.lastIndexOf("})({") + 3, body.lastIndexOf(");")))
                .path("n").asText();
        Map<String, Object> answer = bundle.invoke(report(cookie, nonce));

        assertThat(script.get("status")).isEqualTo("200");
        assertThat(header(script, "cache-control")).isEqualTo("no-store");
        assertThat(body).startsWith("(function(c){");
        assertThat(answer.get("status")).isEqualTo("204");
        assertThat(protector.signalCalls()).isEqualTo(1);
        assertThat(claims(cookiePair(header(answer, "set-cookie"))).path("sv").asText()).isEqualTo("human");
    }

    @Test
    void a_report_with_a_nonce_the_edge_did_not_sign_is_refused_without_a_call() {
        String cookie = cookiePair(header(bundle.invoke(EdgeFixtures.viewerRequest("/", BROWSER, null)),
                "x-edgeward-set-cookie"));
        String sid = claims(cookie).path("sid").asText();
        String forged = signedWithAnotherSecret("{\"t\":\"sn\",\"sid\":\"" + sid + "\",\"iat\":"
                + System.currentTimeMillis() / 1000 + ",\"n\":\"AAAAAAAAAAAAAAAAAAAAAA\"}");

        Map<String, Object> answer = bundle.invoke(report(cookie, forged));

        assertThat(answer.get("status")).isEqualTo("403");
        assertThat((String) answer.get("body")).contains("\"reason\":\"forged\"");
        assertThat(protector.signalCalls()).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> report(String cookie, String nonce) {
        Map<String, Object> event = EdgeFixtures.viewerRequest("/.edgeward/signals", BROWSER, cookie);
        Map<String, Object> request = EdgeFixtures.request(event);
        String json = "{\"n\":\"" + nonce + "\",\"a\":[],\"i\":{\"pm\":12,\"k\":2},\"x\":0.5,\"w\":3,\"r\":\"timer\"}";
        request.put("method", "POST");
        request.put("body", Map.of("inputTruncated", false, "action", "read-only", "encoding", "base64", "data",
                Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
        return event;
    }

    /** A nonce-shaped JWS under the edge's key id, signed with a secret the edge does not have. */
    private static String signedWithAnotherSecret(String claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getUrlDecoder().decode(EdgeFixtures.FOREIGN_KEY),
                    "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode claims(String cookie) {
        try {
            String token = cookie.substring(cookie.indexOf('=') + 1);
            return NodeBundle.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
