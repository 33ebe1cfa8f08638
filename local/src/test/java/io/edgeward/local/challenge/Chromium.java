package io.edgeward.local.challenge;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium through its own chromedriver ({@code apt-get install chromium chromium-driver}); both are
 * named explicitly, so Selenium Manager downloads nothing. Without them the browser tests are skipped, except on CI
 * ({@code CI} set), where a missing browser is a failure.
 */
public final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** An ordinary desktop Chrome's user agent (the major version is only a label here). */
    static final String CHROME_VERSION = "156";
    static final String CHROME_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/"
            + CHROME_VERSION + ".0.0.0 Safari/537.36";

    private Chromium() {
    }

    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            fail("chromium and chromium-driver are required on CI (apt-get install -y chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    }

    public static ChromeDriver start(boolean javascript) {
        return start(javascript, new String[0]);
    }

    /**
     * A browser that declares no automation: {@code navigator.webdriver} hidden
     * ({@code --disable-blink-features=AutomationControlled}), and a normal Chrome's user agent and client hints, in
     * the request headers and in JavaScript alike (no "HeadlessChrome" brand). What a stealth tool does; also what a
     * test of a person's path needs, since a browser that declares automation does not pass the challenge.
     */
    static ChromeDriver startStealth() {
        ChromeDriver browser = start(true, "--disable-blink-features=AutomationControlled", "--user-agent=" + CHROME_UA);
        List<Map<String, Object>> brands = List.of(Map.of("brand", "Chromium", "version", CHROME_VERSION),
                Map.of("brand", "Google Chrome", "version", CHROME_VERSION),
                Map.of("brand", "Not_A Brand", "version", "24"));
        browser.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", CHROME_UA,
                "userAgentMetadata", Map.of("brands", brands, "fullVersion", CHROME_VERSION + ".0.0.0",
                        "platform", "Linux", "platformVersion", "6.1.0", "architecture", "x86", "model", "",
                        "mobile", false)));
        // chromedriver keeps pristine builtins in window.cdc_* globals; stealth tools rename them, this hides them from
        // enumeration (chromedriver itself still reads them).
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "Object.getOwnPropertyNames(window).forEach(function(k){if(/^\\$?cdc_/.test(k)){var v=window[k];"
                        + "Object.defineProperty(window,k,{value:v,enumerable:false,configurable:true,writable:true})}})"));
        return browser;
    }

    /** With more command-line arguments (for instance a user agent, or hidden automation flags). */
    public static ChromeDriver start(boolean javascript, String... arguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        Path profile;
        try {
            Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
            profile = Files.createTempDirectory(target, "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1000,700", "--user-data-dir=" + profile);
        options.addArguments(arguments);
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
