package io.edgeward.edge.worker;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Worker bundle running under workerd, Cloudflare's open-source Workers runtime, as a child process with a
 * generated capnp configuration: the two modules, the environment bindings, and an outbound network that may reach
 * loopback stand-ins. Requests are real HTTP.
 */
final class Workerd implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path BUNDLE = Path.of("target", "worker");
    static final Path BINARY = Path.of("build", "node_modules", "@cloudflare", "workerd-linux-64", "bin", "workerd");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private Workerd(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts workerd on the bundle with these text bindings (name to value); ready when it accepts connections. */
    static Workerd start(Map<String, String> bindings, Path workDir) {
        try {
            for (String module : new String[] {"worker.js", "edgeward-core.js"}) {
                Path file = BUNDLE.resolve(module);
                if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                    throw new IllegalStateException(file + " is missing or empty: the build did not produce it");
                }
                Files.copy(file, workDir.resolve(module), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            Files.writeString(workDir.resolve("config.capnp"), capnp(bindings, port));
            Path log = workDir.resolve("workerd.log");
            Process process = new ProcessBuilder(BINARY.toAbsolutePath().toString(), "serve",
                    workDir.resolve("config.capnp").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Workerd workerd = new Workerd(process, port, log);
            await().atMost(Duration.ofSeconds(30)).until(() -> workerd.accepting());
            return workerd;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The capnp configuration: one Worker service, its socket, and an outbound network allowing loopback. */
    static String capnp(Map<String, String> bindings, int port) {
        StringBuilder out = new StringBuilder();
        out.append("using Workerd = import \"/workerd/workerd.capnp\";\n")
                .append("const config :Workerd.Config = (\n")
                .append("  services = [\n")
                .append("    (name = \"main\", worker = .edgeward),\n")
                .append("    (name = \"internet\", network = (allow = [\"public\", \"private\", \"local\"])),\n")
                .append("  ],\n")
                .append("  sockets = [ (name = \"http\", address = \"127.0.0.1:").append(port)
                .append("\", http = (), service = \"main\") ],\n")
                .append(");\n")
                .append("const edgeward :Workerd.Worker = (\n")
                .append("  modules = [\n")
                .append("    (name = \"worker.js\", esModule = embed \"worker.js\"),\n")
                .append("    (name = \"edgeward-core.js\", esModule = embed \"edgeward-core.js\"),\n")
                .append("  ],\n")
                .append("  compatibilityDate = \"2026-11-01\",\n")
                .append("  globalOutbound = \"internet\",\n")
                .append("  bindings = [\n");
        bindings.forEach((name, value) -> out.append("    (name = \"").append(name).append("\", text = \"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"),\n"));
        return out.append("  ],\n);\n").toString();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A GET as a browser would send it through Cloudflare: the address in CF-Connecting-IP. */
    HttpResponse<String> get(String path, String userAgent, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).GET();
        return send(withViewer(request, userAgent, cookie, Map.of()));
    }

    HttpResponse<String> get(String path, String userAgent, String cookie, Map<String, String> headers) {
        return send(withViewer(HttpRequest.newBuilder(URI.create(url() + path)).GET(), userAgent, cookie, headers));
    }

    HttpResponse<String> post(String path, String userAgent, String cookie, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        return send(withViewer(request, userAgent, cookie, Map.of()));
    }

    private static HttpRequest withViewer(HttpRequest.Builder request, String userAgent, String cookie,
            Map<String, String> headers) {
        // As the AWS viewer-request sample the JVM target is given: Accept */*, the sample's client address.
        request.header("User-Agent", userAgent).header("Accept", "*/*").header("CF-Connecting-IP", "203.0.113.178")
                .timeout(Duration.ofSeconds(60));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        headers.forEach(request::setHeader);
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("workerd did not answer (see " + log + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What workerd printed (the Worker's console output among it). */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("workerd exited with " + process.exitValue() + ": " + log());
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The bindings for an edge configuration: the document without its secrets, and the secrets on their own. */
    @SuppressWarnings("unchecked")
    static Map<String, String> bindings(Map<String, Object> edgeConfig, String origin) {
        try {
            Map<String, Object> document = new LinkedHashMap<>(edgeConfig);
            Map<String, Object> cookie = new LinkedHashMap<>((Map<String, Object>) document.get("cookie"));
            Map<String, Object> protector = new LinkedHashMap<>((Map<String, Object>) document.get("protector"));
            Map<String, String> out = new LinkedHashMap<>();
            out.put("EDGEWARD_COOKIE_KEYS", JSON.writeValueAsString(cookie.remove("keys")));
            out.put("EDGEWARD_PROTECTOR_API_KEY", (String) protector.remove("apiKey"));
            document.put("cookie", cookie);
            document.put("protector", protector);
            if (document.get("ingest") instanceof Map) {
                Map<String, Object> ingest = new LinkedHashMap<>((Map<String, Object>) document.get("ingest"));
                out.put("EDGEWARD_INGEST_API_KEY", (String) ingest.remove("apiKey"));
                document.put("ingest", ingest);
            }
            out.put("EDGEWARD_CONFIG", JSON.writeValueAsString(document));
            out.put("EDGEWARD_ORIGIN", origin);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** workerd drains open connections on SIGTERM, and the client keeps its own alive: so not for long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
