package io.edgeward.local.challenge;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Benchmark, not a test: what the browser sensor costs a page in headless Chromium. Serves a small page that loads
 * the script as the edge serves it (edge-core/src/main/js/sensor.js called with a nonce-sized configuration), loads it
 * {@code runs} times in a browser that declares no automation, and reports the script's size (raw and gzipped) and its
 * main-thread set-up time (its own User Timing measure {@code edgeward-sensor}). Run from the repository root
 * (docs/benchmarks.md "Browser sensor"):
 * {@code java -cp "$(cat local/target/test-classpath.txt):local/target/test-classes:local/target/classes"
 * io.edgeward.local.challenge.SensorCostBench 50}
 */
public final class SensorCostBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String source = Files.readString(Path.of("edge-core/src/main/js/sensor.js"), StandardCharsets.UTF_8).strip();
        String script = source + "({\"n\":\"" + "x".repeat(220) + "\",\"d\":600000,\"u\":\"/signals\",\"v\":\"bench\"});\n";
        byte[] scriptBytes = script.getBytes(StandardCharsets.UTF_8);
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>bench</title>"
                + "<script async src=\"/s.js\"></script></head><body><main><h1>Bench</h1><p>"
                + "text ".repeat(200) + "</p></main></body></html>";
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = path.equals("/s.js") ? scriptBytes : path.equals("/signals") ? new byte[0]
                    : page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", path.equals("/s.js") ? "text/javascript"
                    : "text/html; charset=utf-8");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(body.length == 0 ? 204 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        ChromeDriver browser = null;
        try {
            browser = Chromium.startStealth();
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                browser.get(base + "/page" + i);
                Object duration = null;
                for (int tries = 0; tries < 100 && duration == null; tries++) {
                    duration = browser.executeScript("var e=performance.getEntriesByName('edgeward-sensor');"
                            + "return e.length?e[0].duration:null");
                }
                if (duration != null) {
                    millis.add(((Number) duration).doubleValue());
                }
            }
            Collections.sort(millis);
            System.out.println("cores seen by the browser: " + browser.executeScript("return navigator.hardwareConcurrency"));
            System.out.printf("script_bytes  gzip_bytes  runs  median_ms  p90_ms  min_ms  max_ms%n");
            System.out.printf("%12d  %10d  %4d  %9.1f  %6.1f  %6.1f  %6.1f%n", scriptBytes.length, gzip(scriptBytes),
                    millis.size(), millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.9) - 1),
                    millis.get(0), millis.get(millis.size() - 1));
        } finally {
            if (browser != null) {
                browser.quit();
            }
            server.stop(0);
        }
    }

    private static int gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }
}
