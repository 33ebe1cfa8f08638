package io.edgeward.local.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.local.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A real headless Chromium on the running local stack. Its user agent says HeadlessChrome, which Protector's
 * request-time tier challenges, so it meets the challenge at its first request like any automation would.
 */
@ExtendWith(KafkaBrokerExtension.class)
class BrowserChallengeTest {

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

    /**
     * A browser that declares no automation (a declared one does not pass: BrowserSignalsTest), challenged by an
     * operator's decision on its address since its user agent is an ordinary Chrome's.
     */
    @Test
    void a_browser_solves_the_proof_of_work_gets_the_upgraded_cookie_and_reaches_the_origin() throws Exception {
        challengeLoopback();
        ChromeDriver browser = Chromium.startStealth();
        try {
            browser.get(url("/products/2?ref=test"));
            String challengeTitle = browser.getTitle();

            await().atMost(Duration.ofSeconds(120)).until(() -> !browser.getTitle().equals(challengeTitle));

            assertThat(challengeTitle).isEqualTo("Checking your browser");
            assertThat(browser.getCurrentUrl()).isEqualTo(url("/products/2?ref=test"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo("One moment, please");
            Cookie cookie = browser.manage().getCookieNamed("__Host-ew");
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(cookie.getValue().split("\\.")[1]));
            assertThat(claims.path("cpa").asLong()).isPositive();
            // The next page is served straight away: the cookie settles it, no new challenge.
            browser.get(url("/"));
            assertThat(browser.getTitle()).isEqualTo("Edgeward demo shop");
        } finally {
            browser.quit();
        }
    }

    @Test
    void with_javascript_off_the_page_says_so_and_the_visitor_stays_challenged() {
        ChromeDriver browser = Chromium.start(false);
        try {
            browser.get(url("/"));
            String text = browser.findElement(By.tagName("body")).getText();
            browser.get(url("/"));

            assertThat(text).contains("This check needs JavaScript. Please enable JavaScript");
            assertThat(browser.findElement(By.id("ew-widget")).isDisplayed()).isFalse();
            assertThat(browser.getTitle()).isEqualTo("Checking your browser");
        } finally {
            browser.quit();
        }
    }

    /** An administrator's challenge decision on 127.0.0.1, in force once the front answers a challenge for it. */
    private static void challengeLoopback() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + stack.protectorPort() + "/v1/admin/decisions"))
                .header("Authorization", "Bearer " + ChallengeStacks.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scope\":\"ip\",\"value\":\"127.0.0.1\","
                        + "\"action\":\"challenge\",\"duration\":\"PT10M\",\"reason\":\"browser test\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(url("/")))
                .header("User-Agent", Chromium.CHROME_UA).header("Accept", "text/html")
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 403);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + stack.frontPort() + path;
    }
}
