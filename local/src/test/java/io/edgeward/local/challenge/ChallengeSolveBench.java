package io.edgeward.local.challenge;

import com.sun.net.httpserver.HttpServer;
import io.edgeward.edge.core.challenge.ChallengeOffer;
import io.edgeward.edge.core.challenge.ChallengePage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark, not a test: median proof-of-work solve time in headless Chromium per difficulty, on the real page the
 * edge renders (served from loopback, a secure context, with {@code data-hold} so it does not submit), and the
 * screenshot in docs/. Run (docs/benchmarks/challenges.md):
 * {@code java -cp "$(cat local/target/test-classpath.txt):local/target/test-classes:local/target/classes"
 * io.edgeward.local.challenge.ChallengeSolveBench 12,14,16,18,20 15 docs/challenge-page.png}
 */
public final class ChallengeSolveBench {

    public static void main(String[] args) throws Exception {
        String[] levels = (args.length > 0 ? args[0] : "12,14,16,18,20").split(",");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path screenshot = args.length > 2 ? Path.of(args[2]) : null;
        Map<String, String> pages = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = pages.getOrDefault(exchange.getRequestURI().getPath(), "").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        ChromeDriver browser;
        try {
            browser = Chromium.start(true);
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        try {
            System.out.println("cores seen by the browser: " + browser.executeScript("return navigator.hardwareConcurrency"));
            System.out.println("difficulty  runs  median_ms  p90_ms  min_ms  max_ms  median_hashes  hashes_per_s");
            int page = 0;
            for (String level : levels) {
                int bits = Integer.parseInt(level.strip());
                List<Long> millis = new ArrayList<>();
                List<Long> hashes = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    String path = "/p" + page++;
                    pages.put(path, held(bits, false));
                    browser.get(base + path);
                    Map<?, ?> result = (Map<?, ?>) new WebDriverWait(browser, Duration.ofMinutes(5))
                            .until(d -> ((ChromeDriver) d).executeScript("return window.edgewardResult || null"));
                    millis.add(((Number) result.get("ms")).longValue());
                    hashes.add(((Number) result.get("hashes")).longValue());
                }
                Collections.sort(millis);
                Collections.sort(hashes);
                long totalMs = millis.stream().mapToLong(Long::longValue).sum();
                long totalHashes = hashes.stream().mapToLong(Long::longValue).sum();
                System.out.printf("%10d  %4d  %9d  %6d  %6d  %6d  %13d  %12d%n", bits, runs, millis.get(runs / 2),
                        millis.get((int) Math.ceil(runs * 0.9) - 1), millis.get(0), millis.get(runs - 1),
                        hashes.get(runs / 2), totalMs == 0 ? 0 : totalHashes * 1000 / totalMs);
            }
            if (screenshot != null) {
                pages.put("/shot", held(26, true));
                browser.get(base + "/shot");
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> Integer.parseInt(
                        d.findElement(By.id("ew-bar")).getAttribute("aria-valuenow")) >= 1);
                Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
                System.out.println("screenshot: " + screenshot);
            }
        } finally {
            browser.quit();
            server.stop(0);
        }
        System.exit(0); // Selenium's client threads are not daemons
    }

    private static String held(int bits, boolean keepSolving) {
        byte[] random = new byte[180];
        new SecureRandom().nextBytes(random);
        String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6ImV3LWNoYWxsZW5nZStqd3QifQ."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random) + ".c2lnbmF0dXJlLXBsYWNlaG9sZGVy";
        return ChallengePage.defaults().render(new ChallengeOffer(token, "pow", bits, null),
                "https://shop.example/", "bench", false).replace("<div id=\"ew-widget\" hidden",
                "<div id=\"ew-widget\" data-hold hidden");
    }
}
