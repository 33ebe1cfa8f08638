package io.edgeward.local.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.local.LocalStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scripts against the running local stack, over real HTTP: one without JavaScript stays challenged, and every
 * forged answer is rejected end to end. A script can pay the proof of work itself (that is the point of it: the cost
 * is real), so the replay and foreign-session cases start from a genuinely solved challenge.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ScriptChallengeTest {

    static final String UA = "python-requests/2.32.3";
    static final ObjectMapper JSON = new ObjectMapper();
    static LocalStack stack;

    @BeforeAll
    static void start(KafkaBroker broker) {
        stack = ChallengeStacks.start(broker);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void a_script_without_javascript_stays_challenged() throws Exception {
        Script script = new Script();
        HttpResponse<String> first = script.get("/products/1", "text/html");
        HttpResponse<String> guessed = script.postForm("token=" + token(first.body()) + "&answer=12345");
        HttpResponse<String> again = script.get("/products/1", "text/html");

        assertThat(first.statusCode()).isEqualTo(403);
        assertThat(first.headers().firstValue("x-edgeward-action")).hasValue("challenge");
        assertThat(first.body()).contains("role=\"progressbar\"");
        assertThat(guessed.statusCode()).isEqualTo(403);
        assertThat(guessed.body()).contains("That did not work").doesNotContain(token(first.body()));
        assertThat(again.statusCode()).isEqualTo(403);
    }

    @Test
    void an_api_client_gets_the_json_envelope_with_a_challenge_it_can_take() throws Exception {
        JsonNode envelope = JSON.readTree(new Script().get("/api/products/1", "application/json").body());

        assertThat(envelope.path("action").asText()).isEqualTo("challenge");
        assertThat(envelope.path("challengeUrl").asText()).endsWith("/api/products/1");
        assertThat(envelope.at("/challenge/provider").asText()).isEqualTo("pow");
        assertThat(envelope.at("/challenge/verifyUrl").asText()).isEqualTo("/.edgeward/challenge/verify");
        assertThat(envelope.at("/challenge/token").asText()).isNotEmpty();
    }

    @Test
    void a_solved_challenge_passes_once_and_its_replay_is_rejected() throws Exception {
        Script script = new Script();
        JsonNode challenge = JSON.readTree(script.get("/products/3", "application/json").body()).path("challenge");
        String answer = answer(challenge);

        HttpResponse<String> passed = script.postForm(answer);
        HttpResponse<String> replayed = script.postJson(answer);

        assertThat(passed.statusCode()).isEqualTo(303);
        assertThat(passed.headers().firstValue("location")).hasValue("/products/3");
        assertThat(claims(script.cookie).path("cpa").asLong()).isPositive();
        assertThat(script.get("/products/3", "text/html").statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(replayed.body()).path("reason").asText()).isEqualTo("challenge.failed:replayed");
    }

    @Test
    void an_answer_solved_for_another_session_is_rejected() throws Exception {
        Script solver = new Script();
        Script other = new Script();
        other.get("/", "text/html");
        String answer = answer(JSON.readTree(solver.get("/", "application/json").body()).path("challenge"));

        HttpResponse<String> response = other.postJson(answer);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("reason").asText())
                .isEqualTo("challenge.failed:session_mismatch");
    }

    @Test
    void a_tampered_token_or_a_wrong_answer_is_rejected() throws Exception {
        Script script = new Script();
        JsonNode challenge = JSON.readTree(script.get("/", "application/json").body()).path("challenge");
        String token = challenge.path("token").asText();
        String[] parts = token.split("\\.");
        String easier = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceAll("\"dif\":\\d+", "\"dif\":1");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(easier.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<String> forged = script.postJson("token=" + tampered + "&answer=" + solve(tampered, 1));
        JsonNode fresh = JSON.readTree(forged.body()).path("challenge");
        HttpResponse<String> wrong = script.postJson("token=" + fresh.path("token").asText() + "&answer=0x1");

        assertThat(JSON.readTree(forged.body()).path("reason").asText()).isEqualTo("challenge.failed:tampered");
        assertThat(JSON.readTree(wrong.body()).path("reason").asText()).isEqualTo("challenge.failed:wrong_answer");
    }

    /** The form fields a solved proof of work posts. */
    private static String answer(JsonNode challenge) {
        String token = challenge.path("token").asText();
        return "token=" + token + "&answer=" + solve(token, challenge.path("difficulty").asInt());
    }

    /** What the page's worker does: the first nonce whose SHA-256(token:nonce) has enough leading zero bits. */
    static long solve(String token, int bits) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (long nonce = 0; ; nonce++) {
                byte[] h = sha.digest((token + ":" + nonce).getBytes(StandardCharsets.UTF_8));
                int zeros = 0;
                for (byte b : h) {
                    if (b != 0) {
                        zeros += Integer.numberOfLeadingZeros(b & 0xFF) - 24;
                        break;
                    }
                    zeros += 8;
                }
                if (zeros >= bits) {
                    return nonce;
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String html) {
        int start = html.indexOf("name=\"token\" value=\"") + "name=\"token\" value=\"".length();
        return html.substring(start, html.indexOf('"', start));
    }

    private static JsonNode claims(String jws) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    /** A script keeping the session cookie as a browser would, posting as the page's form or as JSON. */
    private static final class Script {
        private final HttpClient http = HttpClient.newHttpClient();
        private String cookie;

        HttpResponse<String> get(String path, String accept) throws Exception {
            return send(request(path).header("Accept", accept).GET());
        }

        HttpResponse<String> postForm(String form) throws Exception {
            return send(request("/.edgeward/challenge/verify").header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** The same fields as JSON, so the verdict comes back as JSON with its reason. */
        HttpResponse<String> postJson(String form) throws Exception {
            String token = form.substring("token=".length(), form.indexOf("&answer="));
            String answer = form.substring(form.indexOf("&answer=") + "&answer=".length());
            return send(request("/.edgeward/challenge/verify").header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            java.util.Map.of("token", token, "answer", answer)))));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.frontPort() + path)).header("User-Agent", UA);
            return cookie == null ? builder : builder.header("Cookie", "__Host-ew=" + cookie);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("set-cookie").stream().filter(h -> h.startsWith("__Host-ew="))
                    .findFirst().ifPresent(h -> cookie = h.substring("__Host-ew=".length(), h.indexOf(';')));
            return response;
        }
    }
}
