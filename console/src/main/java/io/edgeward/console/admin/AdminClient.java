package io.edgeward.console.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Protector's admin API (docs/api, contract C2) with the admin token: every console action writes through it, so the
 * decisions topic stays the one source of truth. 4xx answers become {@link AdminRejected} carrying Protector's
 * problem detail; an unreachable, slow or failing Protector becomes {@link AdminUnavailable}. The token is sent, never
 * logged or put in an exception.
 */
public final class AdminClient {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration timeout;

    public AdminClient(URI protectorUrl, String adminToken, Duration timeout) {
        String url = protectorUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.authorization = "Bearer " + adminToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public AdminPage list(AdminList list, ListQuery query) {
        List<String> params = new ArrayList<>();
        param(params, "scope", query.scope());
        param(params, "value", query.value());
        param(params, "contains", query.contains());
        param(params, "limit", Integer.toString(query.limit()));
        param(params, "offset", Integer.toString(query.offset()));
        JsonNode body = send(request(path(list) + "?" + String.join("&", params)).GET(), 200);
        List<AdminEntry> items = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            items.add(JSON.convertValue(item, AdminEntry.class));
        }
        long total = body.has("total") ? body.get("total").asLong() : items.size();
        return new AdminPage(List.copyOf(items), total);
    }

    /** The active entry with this id; C2's {@code contains} matches ids, then the exact one is picked. */
    public Optional<AdminEntry> find(AdminList list, String id) {
        return list(list, new ListQuery(null, null, id, 1000, 0)).items().stream()
                .filter(e -> id.equals(e.id())).findFirst();
    }

    public AdminEntry add(AdminList list, NewEntry entry) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new IllegalStateException("a new entry always serializes", e);
        }
        JsonNode body = send(request(path(list)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), 201);
        return JSON.convertValue(body, AdminEntry.class);
    }

    /** False when no active entry has this id (already removed or expired). */
    public boolean remove(AdminList list, String id) {
        try {
            send(request(path(list) + "/" + encode(id)).DELETE(), 204);
            return true;
        } catch (AdminRejected e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String path(AdminList list) {
        return "/v1/admin/" + list.wire();
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AdminUnavailable("Protector at " + base + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminUnavailable("interrupted while calling Protector");
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status == expected) {
            return body;
        }
        String detail = body.path("detail").asText(body.path("error").asText(""));
        if (status == 401 || status == 403) {
            throw new AdminUnavailable("Protector refused the console's admin token (HTTP " + status + ")");
        }
        if (status >= 400 && status < 500) {
            throw new AdminRejected(status, detail.isEmpty() ? "Protector answered HTTP " + status : detail);
        }
        throw new AdminUnavailable("Protector answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void param(List<String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.add(name + "=" + encode(value.strip()));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
