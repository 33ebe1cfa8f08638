package io.edgeward.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real HTTP server speaking Protector's admin API with the paging of contract C2: entries keyed by
 * list|scope|value and qualifiers (a second POST replaces the first, as on the compacted topic), {@code limit}/{@code offset}/
 * {@code contains}/{@code total}, 400 problems for a bad ip value or scope, 401 without the admin token. Every
 * request it received is kept for assertions.
 */
public final class StandInProtector implements AutoCloseable {

    public record Received(String method, String path, String query, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String token;
    private final Javalin app;

    public StandInProtector(String token) {
        this.token = token;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            for (String list : List.of("decisions", "allowlist")) {
                cfg.routes.get("/v1/admin/" + list, ctx -> handle(ctx, () -> list(ctx, list)));
                cfg.routes.post("/v1/admin/" + list, ctx -> handle(ctx, () -> add(ctx, list)));
                cfg.routes.delete("/v1/admin/" + list + "/{id}", ctx -> handle(ctx, () -> delete(ctx, list)));
            }
        }).start();
    }

    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests that would change something (POST, DELETE). */
    public List<Received> writes() {
        return received.stream().filter(r -> !r.method().equals("GET")).toList();
    }

    public synchronized List<Map<String, Object>> entries(String list) {
        return entries.values().stream().filter(e -> list.equals(e.get("list") + "")).toList();
    }

    /** An entry as if added earlier, {@code minutesAgo} before now. */
    public synchronized String seed(String list, String scope, String value, String action, String reason,
                                    int minutesAgo) {
        Map<String, Object> e = entry(list, scope, value, action, reason, Instant.now().minusSeconds(60L * minutesAgo),
                Duration.ofHours(1), null, null);
        entries.put(key(list, scope, value), e);
        return (String) e.get("id");
    }

    private interface Action {
        void run() throws Exception;
    }

    private void handle(Context ctx, Action action) throws Exception {
        received.add(new Received(ctx.method().name(), ctx.path(), ctx.queryString(), ctx.body()));
        if (!("Bearer " + token).equals(ctx.header("Authorization"))) {
            problem(ctx, 401, "unauthorized", "missing or wrong admin token");
            return;
        }
        action.run();
    }

    private synchronized void list(Context ctx, String list) {
        String scope = ctx.queryParam("scope");
        String value = ctx.queryParam("value");
        String contains = ctx.queryParam("contains");
        String limitText = ctx.queryParam("limit");
        String offsetText = ctx.queryParam("offset");
        int limit;
        int offset;
        try {
            limit = limitText == null ? Integer.MAX_VALUE : Integer.parseInt(limitText);
            offset = offsetText == null ? 0 : Integer.parseInt(offsetText);
        } catch (NumberFormatException e) {
            problem(ctx, 400, "bad_request", "limit and offset must be numbers");
            return;
        }
        if (limit < 0 || limit > 1000 && limitText != null) {
            problem(ctx, 400, "bad_request", "limit must be 0 to 1000");
            return;
        }
        List<Map<String, Object>> matches = new ArrayList<>(entries(list).stream()
                .filter(e -> scope == null || scope.equals(e.get("scope")))
                .filter(e -> value == null || value.equals(e.get("value")))
                .filter(e -> contains == null || matches(e, contains.toLowerCase(Locale.ROOT)))
                .toList());
        matches.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("createdAt")).reversed()
                .thenComparing(e -> (String) e.get("id")));
        List<Map<String, Object>> page = matches.stream().skip(offset).limit(limit).toList();
        ctx.json(Map.of("items", page, "total", matches.size()));
    }

    private static boolean matches(Map<String, Object> e, String needle) {
        return List.of("value", "reason", "id").stream().map(k -> String.valueOf(e.get(k)).toLowerCase(Locale.ROOT))
                .anyMatch(v -> v.contains(needle));
    }

    private synchronized void add(Context ctx, String list) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        String scope = body.path("scope").asText(null);
        String value = body.path("value").asText(null);
        if (scope == null || !List.of("ip", "cidr", "session", "user_agent", "ja4", "asn", "country", "campaign",
                "route").contains(scope)) {
            problem(ctx, 400, "bad_request", "scope must be one of ip, cidr, session, ..., was '" + scope + "'");
            return;
        }
        if (scope.equals("ip") && (value == null || !value.matches("[0-9a-fA-F:.]+"))) {
            problem(ctx, 400, "bad_request", "value is not an IP address: '" + value + "'");
            return;
        }
        String duration = body.path("duration").asText(null);
        Duration d;
        try {
            d = duration == null ? null : Duration.parse(duration);
        } catch (RuntimeException e) {
            problem(ctx, 400, "bad_request", "duration must be ISO-8601 like PT10M, was '" + duration + "'");
            return;
        }
        String action = list.equals("allowlist") ? "allow" : body.path("action").asText(null);
        Map<String, Object> e = entry(list, scope, value, action, body.path("reason").asText(null), Instant.now(), d,
                body.has("sessionless") ? body.get("sessionless").asBoolean() : null, body.path("route").asText(null));
        // keyed like Protector's topic: list, scope, value and the qualifiers (sessionless, route)
        entries.put(key(list, scope, value) + "|" + e.get("sessionless") + "|" + e.get("route"), e);
        ctx.status(201).json(e);
    }

    private synchronized void delete(Context ctx, String list) {
        String id = ctx.pathParam("id");
        boolean removed = entries.values().removeIf(e -> id.equals(e.get("id")) && list.equals(e.get("list")));
        if (removed) {
            ctx.status(204);
        } else {
            problem(ctx, 404, "not_found", "no active entry with id '" + id + "'");
        }
    }

    private Map<String, Object> entry(String list, String scope, String value, String action, String reason,
                                      Instant created, Duration duration, Boolean sessionless, String route) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", "d" + ids.incrementAndGet());
        e.put("list", list);
        e.put("scope", scope);
        e.put("value", value);
        e.put("action", action);
        e.put("reason", reason);
        e.put("source", "admin");
        e.put("createdAt", created.toString());
        e.put("expiresAt", duration == null ? null : created.plus(duration).toString());
        if (sessionless != null) {
            e.put("sessionless", sessionless);
        }
        if (route != null) {
            e.put("route", route);
        }
        return e;
    }

    private static String key(String list, String scope, String value) {
        return list + "|" + scope + "|" + value;
    }

    private static void problem(Context ctx, int status, String error, String detail) {
        ctx.status(status).json(Map.of("error", error, "detail", detail));
    }

    @Override
    public void close() {
        app.stop();
    }
}
