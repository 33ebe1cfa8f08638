package io.edgeward.inspector.bench;

import io.edgeward.inspector.InspectorConfig;
import io.edgeward.inspector.InspectorServer;
import io.edgeward.inspector.StandIns;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the inspecting origin adds per request (a benchmark, not a test): the same GET sent sequentially to the
 * origin stand-in directly and through the inspector (policy with a Protector check per request — no cookie kept,
 * the worst case — and the log shipper), all on loopback. Prints p50/p90/p99 in microseconds and requests/s.
 * The ingest stand-in (JDK HttpServer) is off the response path. Run: see docs/benchmarks/inline.md.
 */
public final class InspectorLatency {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        String page = "x".repeat(8 * 1024);
        // Javalin stand-ins: the JDK HttpServer's separate header and body writes meet delayed ACKs (~40 ms a request).
        Javalin originApp = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/<path>", ctx -> ctx.contentType("text/html").result(page));
        }).start("127.0.0.1", 0);
        Javalin protectorApp = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.post("/v1/check", ctx -> ctx.contentType("application/json")
                    .result("{\"action\":\"allow\",\"ttl\":60,\"reason\":null,\"decisionId\":null}"));
        }).start("127.0.0.1", 0);
        try (AutoCloseable stopOrigin = originApp::stop;
             AutoCloseable stopProtector = protectorApp::stop;
             StandIns.Server ingest = new StandIns.Server(r -> StandIns.Reply.json(202, "{}"))) {
            Map<String, String> env = new HashMap<>();
            env.put("EDGEWARD_INSPECTOR_BIND", "127.0.0.1");
            env.put("EDGEWARD_INSPECTOR_PORT", "0");
            String originUrl = "http://127.0.0.1:" + originApp.port();
            env.put("EDGEWARD_INSPECTOR_ORIGIN", originUrl);
            env.put("EDGEWARD_ORIGIN_SECRET", "origin-secret-0123456789abcdef");
            env.put("EDGEWARD_PROTECTOR_URL", "http://127.0.0.1:" + protectorApp.port());
            env.put("EDGEWARD_PROTECTOR_TIMEOUT", "PT1S");
            env.put("EDGEWARD_INGEST_URL", ingest.url());
            env.put("EDGEWARD_EDGE_KEY", "edge-key-0123456789abcdefghijklmnopqrstuv");
            env.put("EDGEWARD_INGEST_KEY", "ingest-key-0123456789abcdefghijklmnopqrstu");
            env.put("EDGEWARD_COOKIE_KEYS", "{\"signingKey\":\"k1\",\"k1\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"}");
            try (InspectorServer inspector = new InspectorServer(InspectorConfig.fromEnvironment(env))) {
                inspector.start();
                HttpClient client = HttpClient.newHttpClient();
                String via = "http://127.0.0.1:" + inspector.port() + "/products/7";
                for (int round = 0; round < 2; round++) { // the first round warms up
                    long[] direct = run(client, originUrl + "/products/7", n);
                    long[] inspected = run(client, via, n);
                    inspector.flushDue();
                    if (round == 1) {
                        print("direct to origin", direct);
                        print("through inspector", inspected);
                    }
                }
            }
        }
    }

    private static long[] run(HttpClient client, String url, int n) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("x-edgeward-origin-secret", "origin-secret-0123456789abcdef")
                    .header("CloudFront-Viewer-Address", "198.51.100." + (i % 200) + ":443")
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36")
                    .header("Accept", "text/html").header("Accept-Language", "en").header("Sec-Fetch-Mode", "navigate")
                    .build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            micros[i] = (System.nanoTime() - start) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("status " + response.statusCode() + " at request " + i);
            }
        }
        return micros;
    }

    private static void print(String label, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(micros).sum();
        System.out.printf("%-18s n=%d p50=%dus p90=%dus p99=%dus rate=%.0f req/s%n", label, sorted.length,
                sorted[sorted.length / 2], sorted[sorted.length * 9 / 10], sorted[sorted.length * 99 / 100],
                sorted.length / (total / 1e6));
    }
}
