package io.edgeward.protector.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side verification of a third-party widget's response token, the protocol hCaptcha, reCAPTCHA v2 and
 * Turnstile document alike: a form POST of {@code secret}, {@code response} and {@code remoteip} to the provider's
 * siteverify endpoint, answered with JSON {@code {"success": bool, "error-codes": [...], "hostname": ...}}. Never
 * retried: the provider spends a response token on its first verification. Never logs the secret or the token.
 */
public final class SiteVerifier {

    /** The provider's verdict. */
    public sealed interface Verdict permits Success, Rejected, Unavailable {
    }

    public record Success(String hostname) implements Verdict {
    }

    public record Rejected(List<String> errorCodes) implements Verdict {
    }

    /** Timeout, refused connection, non-200 status or an answer that is not the documented JSON. */
    public record Unavailable(String reason) implements Verdict {
    }

    private final URI url;
    private final String secret;
    private final Duration timeout;
    private final HttpClient http;
    private final ObjectMapper mapper;

    public SiteVerifier(URI url, String secret, Duration timeout, ObjectMapper mapper) {
        this.url = url;
        this.secret = secret;
        this.timeout = timeout;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Verdict verify(String responseToken, String remoteIp) {
        String form = "secret=" + encode(secret) + "&response=" + encode(responseToken)
                + (remoteIp == null ? "" : "&remoteip=" + encode(remoteIp));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return new Unavailable("timeout");
        } catch (IOException e) {
            return new Unavailable("unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unavailable("interrupted");
        }
        if (response.statusCode() != 200) {
            return new Unavailable("status " + response.statusCode());
        }
        return parse(response.body());
    }

    private Verdict parse(byte[] body) {
        JsonNode answer;
        try {
            answer = mapper.readTree(body);
        } catch (IOException e) {
            return new Unavailable("malformed answer");
        }
        if (answer == null || !answer.isObject() || !answer.path("success").isBoolean()) {
            return new Unavailable("malformed answer");
        }
        if (answer.get("success").booleanValue()) {
            return new Success(answer.path("hostname").isTextual() ? answer.get("hostname").textValue() : null);
        }
        List<String> codes = new ArrayList<>();
        answer.path("error-codes").forEach(code -> codes.add(code.asText()));
        return new Rejected(List.copyOf(codes));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
