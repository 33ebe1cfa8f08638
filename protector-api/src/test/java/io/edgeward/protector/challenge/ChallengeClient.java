package io.edgeward.protector.challenge;

import static io.edgeward.protector.support.Protectors.EDGE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.protector.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plays the edge against a real Protector: a check that gets a challenge, and verify requests. */
final class ChallengeClient {

    static final String SCRIPT_UA = "curl/8.5.0";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Http http;

    ChallengeClient(int port) {
        this.http = new Http(port);
    }

    Http http() {
        return http;
    }

    /** A check from a script user agent: challenged by the request-time rules unless a decision says otherwise. */
    JsonNode check(String ip, String session) {
        Http.Response response = http.post("/v1/check", EDGE_KEY, "{\"clientIp\":\"" + ip + "\",\"userAgent\":\""
                + SCRIPT_UA + "\",\"sessionId\":\"" + session + "\",\"cookieState\":\"stale\",\"challengePassed\":false,"
                + "\"host\":\"shop.example\",\"method\":\"GET\",\"path\":\"/products/7\",\"headers\":{\"accept\":\"*/*\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** A challenge token issued to this client by a check. */
    String challenge(String ip, String session) {
        JsonNode answer = check(ip, session);
        assertThat(answer.path("action").asText()).as(answer.toString()).isEqualTo("challenge");
        return answer.at("/challenge/token").textValue();
    }

    static String solve(String token) {
        return Long.toString(ProofOfWork.solve(token, difficultyOf(token)));
    }

    Http.Response verify(String token, String answer, String ip, String session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("answer", answer);
        body.put("clientIp", ip);
        body.put("userAgent", SCRIPT_UA);
        body.put("sessionId", session);
        try {
            return http.post("/v1/challenge/verify", EDGE_KEY, MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gauge's value in this Protector's /metrics (open: the test config sets no metrics token). */
    double gauge(String name) {
        for (String line : http.get("/metrics", null).body().lines().toList()) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no gauge " + name);
    }

    private static int difficultyOf(String token) {
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return MAPPER.readTree(payload).path("dif").intValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
