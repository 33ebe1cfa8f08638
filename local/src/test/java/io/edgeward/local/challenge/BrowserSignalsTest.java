package io.edgeward.local.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.local.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The browser sensor in real headless Chromium on the local stack, whose demo shop carries the tag on every page
 * (docs/browser-signals.md "Measured"). Every browser here sends an ordinary Chrome user agent, so Protector's
 * request-time tier does not see it and what is measured is the sensor alone:
 * <ul>
 *   <li>default automation (chromedriver's {@code navigator.webdriver}) is flagged within 2 page loads;</li>
 *   <li>"stealth" flags alone ({@code --disable-blink-features=AutomationControlled}, an ordinary user agent) leave
 *       chromedriver's {@code cdc_} globals and are flagged within 2 page loads;</li>
 *   <li>"stealth" automation that also hides those and sends a normal Chrome's client hints
 *       ({@link Chromium#startStealth()}) but never produces input is flagged within 10 page loads;</li>
 *   <li>the same stealth browser moving the pointer and typing through the WebDriver Actions API at human pace, our
 *       stand-in for a person, is never challenged.</li>
 * </ul>
 */
@ExtendWith(KafkaBrokerExtension.class)
class BrowserSignalsTest {

    static final String CHROME_UA = Chromium.CHROME_UA;
    static final String CHALLENGE_TITLE = "Checking your browser";
    static final Duration REPORT_WAIT = Duration.ofSeconds(30);

    static LocalStack stack;

    @BeforeAll
    static void start(KafkaBroker broker) {
        Chromium.assumeInstalled();
        stack = ChallengeStacks.start(broker);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void default_automation_is_flagged_within_two_page_loads_and_cannot_work_its_way_out() {
        ChromeDriver browser = Chromium.start(true, "--user-agent=" + CHROME_UA);
        try {
            browser.get(url("/"));
            assertThat(browser.getTitle()).isEqualTo("Edgeward demo shop");
            await().atMost(REPORT_WAIT).until(() -> "automation".equals(claims(browser).path("sv").asText()));

            browser.get(url("/products/1"));

            assertThat(browser.getTitle()).isEqualTo(CHALLENGE_TITLE);
            // It solves the proof of work, but the page says what it is: it stays challenged.
            await().atMost(Duration.ofSeconds(120)).until(() -> pageSource(browser).contains("did not work"));
            assertThat(claims(browser).path("cpa").asLong()).isZero();
            browser.get(url("/products/2"));
            assertThat(browser.getTitle()).isEqualTo(CHALLENGE_TITLE);
        } finally {
            browser.quit();
        }
    }

    @Test
    void stealth_flags_alone_leave_chromedrivers_globals_and_are_flagged_within_two_page_loads() {
        ChromeDriver browser = Chromium.start(true, "--disable-blink-features=AutomationControlled",
                "--user-agent=" + CHROME_UA);
        try {
            browser.get(url("/"));
            assertThat(browser.getTitle()).isEqualTo("Edgeward demo shop");
            await().atMost(REPORT_WAIT).until(() -> "automation".equals(claims(browser).path("sv").asText()));

            browser.get(url("/products/3"));

            assertThat(browser.getTitle()).isEqualTo(CHALLENGE_TITLE);
        } finally {
            browser.quit();
        }
    }

    @Test
    void stealth_automation_that_never_produces_input_is_flagged_within_ten_page_loads() {
        ChromeDriver browser = stealth();
        try {
            int flaggedAt = 0;
            for (int page = 1; page <= 10 && flaggedAt == 0; page++) {
                browser.get(url("/products/" + (1 + page % 8)));
                if (browser.getTitle().equals(CHALLENGE_TITLE)) {
                    flaggedAt = page;
                    break;
                }
                int quietBefore = claims(browser).path("sq").asInt();
                await().atMost(REPORT_WAIT).until(() -> claims(browser).path("sq").asInt() > quietBefore
                        || "automation".equals(claims(browser).path("sv").asText()));
            }

            System.out.println("browser-signals: stealth automation without input challenged at page load "
                    + flaggedAt);
            assertThat(flaggedAt).isBetween(2, 10);
        } finally {
            browser.quit();
        }
    }

    @Test
    void a_browser_driven_at_human_pace_with_pointer_and_keyboard_is_never_challenged() {
        ChromeDriver browser = stealth();
        Random random = new Random(17);
        List<Double> sensorMillis = new ArrayList<>();
        int sensorRequests = 0;
        try {
            for (int page = 1; page <= 8; page++) {
                browser.get(url(page % 3 == 0 ? "/search?q=socks" : "/products/" + (1 + page % 8)));
                assertThat(browser.getTitle()).as("page load %d", page).isNotEqualTo(CHALLENGE_TITLE);
                behaveLikeAPerson(browser, random);
                if (page == 1) {
                    await().atMost(REPORT_WAIT).until(() -> "human".equals(claims(browser).path("sv").asText()));
                }
                sensorMillis.addAll(sensorTimings(browser));
                sensorRequests += sensorRequests(browser);
            }

            assertThat(claims(browser).path("sv").asText()).isEqualTo("human");
            assertThat(claims(browser).path("cpa").asLong()).isZero();
            sensorMillis.sort(Double::compare);
            System.out.println("browser-signals: human stand-in, 8 page loads, sensor requests " + sensorRequests
                    + ", sensor main-thread ms per run " + sensorMillis);
            assertThat(sensorRequests).isLessThanOrEqualTo(3);
        } finally {
            browser.quit();
        }
    }

    private static ChromeDriver stealth() {
        return Chromium.startStealth();
    }

    /** Pointer moves over the page's links and text, a few keys, at the pace of a person reading. */
    private static void behaveLikeAPerson(ChromeDriver browser, Random random) {
        List<WebElement> targets = browser.findElements(By.cssSelector("a, h1, h2, p, main"));
        Actions actions = new Actions(browser);
        for (int i = 0; i < 6 && !targets.isEmpty(); i++) {
            WebElement target = targets.get(random.nextInt(targets.size()));
            actions.moveToElement(target, random.nextInt(9) - 4, random.nextInt(5) - 2)
                    .pause(Duration.ofMillis(120 + random.nextInt(380)));
        }
        actions.sendKeys(Keys.ARROW_DOWN).pause(Duration.ofMillis(200 + random.nextInt(400)))
                .sendKeys(Keys.ARROW_DOWN).pause(Duration.ofMillis(150 + random.nextInt(500)))
                .sendKeys(Keys.ARROW_UP).perform();
    }

    /** The sensor's own main-thread time on this page (its User Timing measure), if it ran in full. */
    @SuppressWarnings("unchecked")
    private static List<Double> sensorTimings(ChromeDriver browser) {
        List<Object> values = (List<Object>) browser.executeScript("return performance.getEntriesByName("
                + "'edgeward-sensor').map(function(e){return e.duration})");
        List<Double> out = new ArrayList<>();
        values.forEach(v -> out.add(((Number) v).doubleValue()));
        return out;
    }

    /** Requests to the sensor's paths this page sent over the network (a script from the cache sends none). */
    private static int sensorRequests(ChromeDriver browser) {
        Object count = browser.executeScript("return performance.getEntriesByType('resource').filter(function(e){"
                + "return e.name.indexOf('/.edgeward/')>=0&&(e.transferSize>0||e.initiatorType==='fetch')}).length");
        return ((Number) count).intValue();
    }

    private static String pageSource(ChromeDriver browser) {
        try {
            return browser.getPageSource();
        } catch (RuntimeException navigating) {
            return "";
        }
    }

    static JsonNode claims(ChromeDriver browser) {
        Cookie cookie = browser.manage().getCookieNamed("__Host-ew");
        if (cookie == null) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(cookie.getValue().split("\\.")[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + stack.frontPort() + path;
    }
}
