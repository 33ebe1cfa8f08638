package io.edgeward.local.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.local.LocalStack;
import io.edgeward.local.challenge.Chromium;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;
import io.edgeward.local.simulate.ProofOfWork;
import io.edgeward.local.simulate.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import picocli.CommandLine;

/**
 * The operator console in headless Chromium on the local stack, as an operator uses it: log in with the admin token,
 * watch a bot from {@code ./edgeward simulate} appear among the detections, block an address from the page with the
 * keyboard alone and see the front answer 403 to it, remove the block and see 200 again. Every page is also loaded at
 * 375 px and must not scroll sideways. Screenshots of each page land in {@code target/console-screenshots} (those in
 * {@code docs/console/} come from here).
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String ADMIN_TOKEN = "console-admin-token-0123456789";
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final List<String> PAGES = List.of("overview", "detections", "decisions", "explain",
            "challenges", "policy");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(KafkaBroker broker) throws IOException {
        Chromium.assumeInstalled();
        String id = UUID.randomUUID().toString().substring(0, 8);
        stack = LocalStack.start(LocalConfig.builder(new LocalSecrets(ADMIN_TOKEN, "console-edge-key-0123456789abcdef",
                        "console-ingest-key-0123456789abcdef", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
                        List.of()))
                .anyFreePorts()
                .kafkaBootstrapServers(broker.bootstrapServers())
                .topicPrefix("k" + id + ".")
                .dataDir(Path.of("target", "local-" + id).toAbsolutePath())
                .trustForwardedFor(true)
                .detection(true)
                .console(true)
                // An unblock reaches a blocked client within the edge's block carry: short here, so the test sees it.
                .blockCarryMax(Duration.ofSeconds(1))
                .protectorTimeout(Duration.ofSeconds(5))
                .shipperTimeout(Duration.ofSeconds(20))
                .shipperBatchSize(1)
                .build());
        browser = Chromium.start(true, "--window-size=1280,900");
        Files.createDirectories(SHOTS);
        try (var old = Files.list(SHOTS)) {
            for (Path png : old.toList()) {
                Files.delete(png);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void an_operator_sees_a_simulated_bot_then_blocks_and_unblocks_an_address_with_the_keyboard() throws Exception {
        logIn();

        int exit = new CommandLine(new Simulator()).execute("--front", front(), "--scenario", "scraper,scanner",
                "--sessions", "5", "--bot-requests", "80", "--pace", "PT0.05S");
        assertThat(exit).as("the simulator's exit code").isZero();

        page("detections");
        await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.navigate().refresh();
            // The scraper keeps its cookie, so detection names its session (the narrowest scope that stops it).
            return browser.findElements(By.cssSelector("#detections tr[data-scope='session']")).stream()
                    .anyMatch(row -> row.getText().contains("scraping."));
        });
        shoot("detections");

        // Explain the bot's session: the requests the edge saw, what it was answered, the rules that applied.
        browser.findElement(By.cssSelector("#detections tr[data-scope='session'] a.value")).click();
        await().atMost(WITHIN).until(() -> browser.getCurrentUrl().contains("/console/explain")
                && !browser.findElements(By.cssSelector("#explain-requests tbody tr")).isEmpty());
        assertThat(browser.findElement(By.id("explain-detections")).getText()).contains("scraping.");
        shoot("explain");

        // A library's user agent is challenged at its first request (Protector's request-time tier); it solves the
        // proof of work as a script would. Protector's challenge events reach the page through Kafka and the figures.
        String library = "python-requests/2.32.3";
        HttpResponse<String> challenge = HTTP.send(HttpRequest.newBuilder(URI.create(front() + "/products/3"))
                .header("X-Forwarded-For", "192.0.2.200").header("User-Agent", library)
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(challenge.headers().firstValue("x-edgeward-action")).hasValue("challenge");
        ProofOfWork.Offer offer = ProofOfWork.offer(challenge.body()).orElseThrow();
        HttpRequest.Builder verify = HttpRequest.newBuilder(URI.create(front() + "/.edgeward/challenge/verify"))
                .header("X-Forwarded-For", "192.0.2.200").header("User-Agent", library).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(offer.token(),
                        StandardCharsets.UTF_8) + "&answer=" + ProofOfWork.solve(offer)));
        challenge.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .forEach(c -> verify.header("Cookie", c));
        assertThat(HTTP.send(verify.build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("a solved proof of work passes").isEqualTo(303);
        page("challenges");
        await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("#challenges tbody tr")).stream()
                    .anyMatch(row -> row.getText().startsWith("pow 1 1 "));
        });
        shoot("challenges");

        String address = "203.0.113.77";
        assertThat(status(address)).as("a bystander before the block").isEqualTo(200);

        page("decisions");
        keyTo(active -> "add-value".equals(active.getAttribute("id")));
        type(address);
        keyTo(active -> "add-reason".equals(active.getAttribute("id")));
        type("blocked from the console test");
        keyTo(active -> "add-submit".equals(active.getAttribute("id")));
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        await().atMost(WITHIN).until(() -> browser.findElements(
                By.cssSelector("#decisions tr[data-value='" + address + "']")).size() == 1);
        await().atMost(WITHIN).until(() -> status(address) == 403);
        shoot("decisions");

        keyTo(active -> active.getAttribute("class") != null && active.getAttribute("class").contains("remove")
                && address.equals(((JavascriptExecutor) browser).executeScript(
                "return document.activeElement.closest('tr') && document.activeElement.closest('tr').dataset.value")));
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        await().atMost(WITHIN).until(() -> browser.findElements(
                By.cssSelector("#decisions tr[data-value='" + address + "']")).isEmpty());
        await().atMost(WITHIN).until(() -> status(address) == 200);
    }

    @Test
    @Order(2)
    void every_page_fits_a_375_px_screen_and_none_loads_anything_from_another_host() {
        logIn();
        for (String name : PAGES) {
            page(name);
            assertThat(sidewaysScroll()).as("%s scrolls sideways at 1280 px", name).isLessThanOrEqualTo(0);
            if (!Files.exists(SHOTS.resolve(name + ".png"))) {
                shoot(name); // the operator's walk through took the ones with its bot in them
            }
        }
        emulate(375, 812);
        try {
            for (String name : PAGES) {
                page(name);
                assertThat(sidewaysScroll()).as("%s scrolls sideways at 375 px", name).isLessThanOrEqualTo(0);
                Object foreign = browser.executeScript("return performance.getEntriesByType('resource')"
                        + ".map(function(e){return e.name}).filter(function(n){return n.indexOf(location.origin) !== 0})");
                assertThat((List<?>) foreign).as("%s loads from another host", name).isEmpty();
                shoot(name + "-375");
            }
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void logIn() {
        browser.get(console(""));
        if (browser.findElements(By.id("token")).isEmpty()) {
            return; // this browser's session is still good
        }
        assertThat(browser.getCurrentUrl()).contains("/console/login");
        shoot("login");
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("login")).click();
        await().atMost(WITHIN).until(() -> !browser.findElements(By.id("nav-overview")).isEmpty());
    }

    private static void page(String name) {
        browser.findElement(By.id("nav-" + name)).click();
        await().atMost(WITHIN).until(() -> browser.getCurrentUrl().contains(
                name.equals("overview") ? "/console/" : "/console/" + name));
    }

    /** Tabs through the page, as a keyboard user does, until the focused element is the one wanted. */
    private static void keyTo(Predicate<WebElement> wanted) {
        for (int presses = 0; presses < 200; presses++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement active = browser.switchTo().activeElement();
            if (wanted.test(active)) {
                return;
            }
        }
        throw new AssertionError("no focusable element matched within 200 tab presses on " + browser.getCurrentUrl());
    }

    private static void type(String text) {
        new Actions(browser).sendKeys(text).perform();
    }

    /** The whole page, not just the window (DevTools captures beyond the viewport). */
    private static void shoot(String name) {
        long width = ((Number) browser.executeScript("return document.documentElement.clientWidth")).longValue();
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                        "height", Math.min(height, 4000), "scale", 1)));
        try {
            Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long sidewaysScroll() {
        return ((Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
    }

    private static void emulate(long width, long height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
    }

    private static int status(String address) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(front() + "/products/2"))
                .header("X-Forwarded-For", address)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0")
                .header("Accept", "text/html").header("Accept-Language", "en").build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String front() {
        return "http://127.0.0.1:" + stack.frontPort();
    }

    private static String console(String path) {
        return "http://127.0.0.1:" + stack.consolePort() + "/console/" + path;
    }
}
