package io.edgeward.console;

import static io.edgeward.console.support.InMemoryFigures.detection;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.console.figures.ChallengeEvent;
import io.edgeward.console.figures.Dimension;
import io.edgeward.console.figures.SeenRequest;
import io.edgeward.console.figures.TopEntry;
import io.edgeward.console.support.ConsoleClient;
import io.edgeward.console.support.ConsoleFixture;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Headers, CSP-clean markup, no third-party fetches, and escaping of what attackers put in log records. */
class PageSecurityTest {

    private static final String XSS = "<script>alert(1)</script>";
    private static final String ATTR = "\"><img src=x onerror=alert(2)>";
    private static final List<String> PAGES = List.of("/console/", "/console/?period=day", "/console/detections",
            "/console/decisions", "/console/decisions?list=allowlist", "/console/explain",
            "/console/explain?kind=address&value=203.0.113.7", "/console/challenges", "/console/policy");

    private final ConsoleFixture console = new ConsoleFixture();

    @AfterEach
    void close() {
        console.close();
    }

    private void attackerChosenFigures() {
        Instant now = Instant.now();
        console.figures.detections.add(detection(now, "scraping.breadth", "ip", "203.0.113.7", XSS + ATTR,
                Map.of("userAgent", XSS, "path", "/a" + ATTR), null, XSS));
        console.figures.detections.add(detection(now.minusSeconds(5), "automation.user-agent", "user_agent",
                XSS + ATTR, "ua " + XSS, Map.of("n", 3), "d-" + XSS, null));
        console.figures.requests.add(new SeenRequest(now, "req-1", "203.0.113.7", "s-1", "valid", "GET",
                "shop.example", "/search?q=" + XSS, 200, XSS + ATTR, "DE", "block", XSS, "d1", "mitigate", "edge"));
        console.figures.challenges.add(new ChallengeEvent(now, "failed", XSS, XSS, null, "s-1", "203.0.113.7"));
        console.figures.top.put(Dimension.USER_AGENT, List.of(new TopEntry(XSS + ATTR, 40)));
        console.figures.top.put(Dimension.PATH, List.of(new TopEntry("/" + XSS, 30)));
        console.figures.top.put(Dimension.COUNTRY, List.of(new TopEntry(ATTR, 1)));
        console.protector.seed("decisions", "ip", "203.0.113.7", "block", "reason " + XSS + ATTR, 1);
    }

    @Test
    void every_response_carries_the_csp_and_the_security_headers() {
        ConsoleClient operator = console.signedIn();
        for (String path : List.of("/console/", "/console/login", "/console/assets/console.css", "/console/nowhere",
                "/console/api/detections?after=0")) {
            HttpResponse<String> response = path.equals("/console/login") ? console.client().get(path) : operator.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        }
        assertThat(operator.get("/console/decisions").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void no_page_has_inline_script_inline_style_or_a_url_to_another_host() {
        attackerChosenFigures();
        ConsoleClient operator = console.signedIn();
        for (String path : PAGES) {
            HttpResponse<String> response = operator.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertCspClean(path, response.body());
        }
        assertCspClean("/console/login", console.client().get("/console/login").body());
        for (String asset : List.of("console.css", "live.js", "icon.svg")) {
            String body = operator.get("/console/assets/" + asset).body();
            assertThat(foreignUrls(body)).as(asset).isEmpty();
            assertThat(body).as(asset).doesNotContain("@import", "innerHTML", "eval(");
        }
    }

    @Test
    void attacker_chosen_strings_from_log_records_render_escaped_on_every_page() {
        attackerChosenFigures();
        ConsoleClient operator = console.signedIn();
        for (String path : List.of("/console/", "/console/detections", "/console/decisions", "/console/challenges",
                "/console/explain?kind=address&value=203.0.113.7", "/console/explain?kind=request&value=req-1")) {
            String body = operator.get(path).body();
            assertThat(body).as(path).doesNotContain("<script>alert", "<img src=x", "\"><img");
        }
        String detections = operator.get("/console/detections").body();
        assertThat(detections).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        String explain = operator.get("/console/explain?kind=request&value=req-1").body();
        assertThat(explain).contains("/search?q=&lt;script&gt;");
    }

    @Test
    void an_explain_value_or_search_typed_as_markup_comes_back_escaped() {
        ConsoleClient operator = console.signedIn();
        String body = operator.get("/console/explain?kind=session&value=%22%3E%3Cscript%3Ealert(3)%3C%2Fscript%3E").body();
        assertThat(body).doesNotContain("<script>alert(3)", "value=\"\">")
                .contains("value=\"&#34;>&lt;script>alert(3)&lt;/script>\"");
        String search = operator.get("/console/decisions?q=%22%3E%3Csvg%20onload%3Dalert(4)%3E").body();
        assertThat(search).doesNotContain("<svg onload");
    }

    @Test
    void a_value_that_looks_like_a_url_only_ever_fills_an_encoded_query_parameter() {
        console.figures.detections.add(detection(Instant.now(), "session.shared", "session",
                "javascript:alert(1)//&kind=x\"><b>", "r", Map.of(), null, "x"));
        String page = console.signedIn().get("/console/detections").body();
        assertThat(page).contains("href=\"/console/explain?kind=session&amp;value=javascript%3Aalert%281%29%2F%2F%26kind%3Dx%22%3E%3Cb%3E\"")
                .doesNotContain("href=\"javascript", "<b>");
    }

    @Test
    void unknown_assets_are_not_served_from_the_class_path() {
        ConsoleClient anyone = console.client();
        assertThat(anyone.get("/console/assets/console.css").statusCode()).isEqualTo(200);
        assertThat(anyone.get("/console/assets/..%2F..%2Fedgeward-policy.yaml").statusCode()).isEqualTo(404);
        assertThat(anyone.get("/console/assets/App.class").statusCode()).isEqualTo(404);
    }

    private static final Pattern URL = Pattern.compile("(?i)(?:https?:)?//([a-z0-9.-]+)");

    private static List<String> foreignUrls(String text) {
        Matcher m = URL.matcher(text.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""));
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static void assertCspClean(String path, String body) {
        assertThat(body).as(path).doesNotContainPattern("(?i)<script(?![^>]*\\bsrc=\"/console/assets/)");
        assertThat(body).as(path).doesNotContainPattern("(?i)<script[^>]*>[^<]+</script>");
        assertThat(body).as(path).doesNotContainPattern("(?i)<[a-z][^>]*\\sstyle=");
        assertThat(body).as(path).doesNotContainPattern("(?i)<style");
        assertThat(body).as(path).doesNotContainPattern("(?i)<[a-z][^>]*\\son[a-z]+=");
        assertThat(foreignUrls(body)).as(path).isEmpty();
    }
}
