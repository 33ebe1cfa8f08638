package io.edgeward.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Protector's admin API and metrics, over HTTP, as an operator uses them. */
final class ProtectorAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    ProtectorAdmin(LocalStack stack) {
        this.base = "http://127.0.0.1:" + stack.protectorPort();
    }

    /** Stores a decision; returns its id. */
    String decide(String scope, String value, String action) {
        String body = JSON.createObjectNode().put("scope", scope).put("value", value).put("action", action)
                .put("duration", "PT10M").put("reason", "integration test").toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/decisions"))
                .header("Authorization", "Bearer " + TestStacks.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response.body()).get("id").asText();
    }

    void remove(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/admin/decisions/" + id))
                .header("Authorization", "Bearer " + TestStacks.ADMIN_TOKEN).DELETE());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    /** Sum of {@code protector_checks_total} over all labels: how many checks Protector has answered. */
    double checksAnswered() {
        String metrics = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("protector_checks_total{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
