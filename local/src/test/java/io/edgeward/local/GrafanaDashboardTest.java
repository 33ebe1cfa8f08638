package io.edgeward.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.inspector.InspectorConfig;
import io.edgeward.inspector.InspectorServer;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/grafana/edgeward.json names only metrics our services export: every metric in its PromQL appears in the
 * /metrics of the service that owns it (by prefix: {@code protector_} Protector, {@code edgeward_ingest_} ingest,
 * {@code edgeward_inspector_} the inline inspector, anything else every one of them), on the real local stack after
 * some traffic (meters registered on first use included: a challenge verification, a rejected batch, a refused peer).
 */
@ExtendWith(KafkaBrokerExtension.class)
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("..", "docs", "grafana", "edgeward.json");
    static final String INSPECTOR_METRICS_TOKEN = "inspector-metrics-token-0123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private static LocalStack stack;
    private static InspectorServer inspector;

    @BeforeAll
    static void start(KafkaBroker broker) {
        stack = TestStacks.start(broker, b -> b);
        Map<String, String> env = new HashMap<>();
        env.put("EDGEWARD_INSPECTOR_BIND", "127.0.0.1");
        env.put("EDGEWARD_INSPECTOR_PORT", "0");
        env.put("EDGEWARD_INSPECTOR_ORIGIN", stack.origin().toString());
        env.put("EDGEWARD_PROTECTOR_URL", "http://127.0.0.1:" + stack.protectorPort());
        env.put("EDGEWARD_INGEST_URL", "http://127.0.0.1:" + stack.ingestPort());
        env.put("EDGEWARD_EDGE_KEY", TestStacks.EDGE_KEY);
        env.put("EDGEWARD_INGEST_KEY", TestStacks.INGEST_KEY);
        env.put("EDGEWARD_COOKIE_KEYS", "{\"signingKey\":\"k1\",\"k1\":\"" + TestStacks.COOKIE_KEY + "\"}");
        // Cloudflare's ranges never hold the loopback: this test's requests are untrusted peers, refused and counted.
        env.put("EDGEWARD_TRUSTED_FRONTS", "cloudflare");
        env.put("EDGEWARD_INSPECTOR_METRICS_TOKEN", INSPECTOR_METRICS_TOKEN);
        inspector = new InspectorServer(InspectorConfig.fromEnvironment(env));
        inspector.start();
    }

    @AfterAll
    static void stop() {
        if (inspector != null) {
            inspector.close();
        }
        stack.close();
    }

    @Test
    void extraction_finds_metric_names_and_skips_functions_labels_ranges_and_variables() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(edgeward_ingest_kafka_ack_seconds_bucket"
                + "{job=~\"ingest\", le!=\"+Inf\"}[$__rate_interval]))) / ignoring(action) group_left "
                + "sum(protector_checks_total offset 5m) and on(instance) up"))
                .containsExactlyInAnyOrder("edgeward_ingest_kafka_ack_seconds_bucket", "protector_checks_total", "up");
    }

    @Test
    void every_metric_the_dashboard_names_is_exported_by_the_service_that_owns_it() throws Exception {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions(new ObjectMapper().readTree(Files.readString(DASHBOARD)))) {
            names.addAll(metricNames(expr));
        }
        assertThat(names).as("the dashboard's metrics").hasSizeGreaterThan(20);
        traffic();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, String> scrapes = Map.of(
                    "protector", scrape("http://127.0.0.1:" + stack.protectorPort() + "/metrics", null),
                    "ingest", scrape("http://127.0.0.1:" + stack.ingestPort() + "/metrics", TestStacks.INGEST_KEY),
                    "inspector", scrape("http://127.0.0.1:" + inspector.port() + InspectorServer.METRICS_PATH,
                            INSPECTOR_METRICS_TOKEN));
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                for (String owner : owners(name)) {
                    if (!exported(scrapes.get(owner), name)) {
                        missing.add(name + " (" + owner + ")");
                    }
                }
            }
            assertThat(missing).as("dashboard metrics not exported").isEmpty();
        });
    }

    /** A browser through the front, a failed challenge answer, a rejected log batch, a refused inspector peer. */
    private static void traffic() throws Exception {
        Visitor visitor = Visitor.browser(stack, "198.51.100.41");
        assertThat(visitor.get("/").statusCode()).isEqualTo(200);
        assertThat(visitor.get("/products/1").statusCode()).isEqualTo(200);
        HttpResponse<String> verify = post("http://127.0.0.1:" + stack.protectorPort() + "/v1/challenge/verify",
                TestStacks.EDGE_KEY, "{\"token\":\"forged\",\"answer\":\"1\",\"clientIp\":\"198.51.100.41\","
                        + "\"userAgent\":\"" + Visitor.FIREFOX + "\"}");
        assertThat(verify.body()).contains("\"ok\":false");
        HttpResponse<String> rejected = post("http://127.0.0.1:" + stack.ingestPort() + "/v1/logs",
                TestStacks.INGEST_KEY, "{not json");
        assertThat(rejected.statusCode()).isEqualTo(400);
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + inspector.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inspector.port()
                + InspectorServer.HEALTH_PATH)).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    static List<String> owners(String metric) {
        if (metric.startsWith("protector_")) {
            return List.of("protector");
        }
        if (metric.startsWith("edgeward_ingest_")) {
            return List.of("ingest");
        }
        if (metric.startsWith("edgeward_inspector_")) {
            return List.of("inspector");
        }
        return List.of("protector", "ingest", "inspector");
    }

    /** Whether a sample line of that exact name is in the Prometheus text. */
    static boolean exported(String scrape, String name) {
        return scrape.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    static List<String> expressions(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    found.add(field.getValue().asText());
                } else {
                    found.addAll(expressions(field.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> found.addAll(expressions(child)));
        }
        return found;
    }

    /** The metric names of one PromQL expression: identifiers left after strings, matchers, ranges and groupings. */
    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b(group_left|group_right)\\b", " ")
                .replaceAll("\\boffset\\s+\\w+", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(stripped);
        while (matcher.find()) {
            String token = matcher.group();
            if (!KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    private static String scrape(String url, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> post(String url, String bearer, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
