package io.edgeward.local.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Protector's admin API as an operator uses it: store a decision, remove it. The token is never printed. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String token;

    AdminApi(HttpClient http, URI protector, String token) {
        this.http = http;
        String url = protector.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
    }

    /** Stores a decision for ten minutes; returns its id. Fails with the status and body when refused. */
    String decide(String scope, String value, String action, String reason) {
        String body = JSON.createObjectNode().put("scope", scope).put("value", value).put("action", action)
                .put("duration", "PT10M").put("reason", reason).toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("admin API refused the " + scope + " decision: "
                    + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable admin API answer: " + response.body(), e);
        }
    }

    /** Removes a decision; a failure is ignored (it expires on its own). */
    void remove(String id) {
        try {
            send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/decisions/" + id)).DELETE());
        } catch (IllegalStateException e) {
            // expires within ten minutes anyway
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("admin API at " + base + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
