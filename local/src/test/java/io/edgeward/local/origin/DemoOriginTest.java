package io.edgeward.local.origin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOriginTest {

    private static DemoOrigin origin;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        origin = DemoOrigin.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        origin.close();
    }

    @Test
    void product_page_links_its_css_js_and_image_which_are_cacheable() throws Exception {
        HttpResponse<String> page = get("/products/4");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Headlamp", "/static/shop.css", "/static/shop.js", "/static/img/4.svg");
        for (String asset : new String[] {"/static/shop.css", "/static/shop.js", "/static/img/4.svg"}) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.headers().firstValue("cache-control")).as(asset).hasValue("public, max-age=300");
        }
    }

    @Test
    void test_account_logs_in_with_303_and_a_wrong_password_gets_401() throws Exception {
        HttpResponse<String> good = post("/login", "email=" + enc(Accounts.TEST_EMAIL) + "&password="
                + enc(Accounts.TEST_PASSWORD));
        HttpResponse<String> bad = post("/login", "email=" + enc(Accounts.TEST_EMAIL) + "&password=guess");

        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(good.headers().firstValue("location")).hasValue("/");
        assertThat(bad.statusCode()).isEqualTo(401);
    }

    @Test
    void signup_creates_an_account_once_and_it_can_log_in() throws Exception {
        String email = "new-" + System.nanoTime() + "@example.com";
        String form = "email=" + enc(email) + "&password=" + enc("long enough password");

        assertThat(post("/signup", form).statusCode()).isEqualTo(303);
        assertThat(post("/signup", form).statusCode()).isEqualTo(409);
        assertThat(post("/signup", "email=x&password=short").statusCode()).isEqualTo(400);
        assertThat(post("/login", form).statusCode()).isEqualTo(303);
    }

    @Test
    void cart_keeps_added_products_by_cookie() throws Exception {
        HttpResponse<String> added = post("/cart/add", "product=5&quantity=2");
        String cookie = added.headers().firstValue("set-cookie").orElseThrow().split(";")[0];

        HttpResponse<String> cart = client.send(HttpRequest.newBuilder(url("/cart")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(cart.body()).contains("2 × Water bottle", "48.00 EUR");
        assertThat(post("/cart/add", "product=99").statusCode()).isEqualTo(400);
    }

    @Test
    void payment_with_a_bad_or_declined_card_gets_402() throws Exception {
        assertThat(post("/checkout/pay", "card=" + Payments.GOOD_CARD).statusCode()).isEqualTo(200);
        assertThat(post("/checkout/pay", "card=4242424242424241").statusCode()).isEqualTo(402);
        assertThat(post("/checkout/pay", "card=" + Payments.DECLINED_CARD).statusCode()).isEqualTo(402);
    }

    @Test
    void search_escapes_the_query() throws Exception {
        HttpResponse<String> response = get("/search?q=" + enc("<script>rain"));
        assertThat(response.body()).contains("&lt;script&gt;rain").doesNotContain("<script>rain");
        assertThat(get("/search?q=rain").body()).contains("Rain jacket");
    }

    @Test
    void api_lists_products_as_json_and_unknown_ids_get_a_json_404() throws Exception {
        JsonNode products = new ObjectMapper().readTree(get("/api/products").body());
        assertThat(products).hasSize(8);
        assertThat(products.get(0).get("name").asText()).isEqualTo("Trail running shoes");
        HttpResponse<String> missing = get("/api/products/999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(missing.body()).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void robots_and_unknown_paths() throws Exception {
        assertThat(get("/robots.txt").body()).contains("Disallow: /checkout/");
        HttpResponse<String> missing = get("/wp-login.php");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Not found");
    }

    @Test
    void echo_headers_shows_what_arrived_without_cookies() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url("/echo-headers"))
                .header("X-Edgeward-Action", "challenge").header("Cookie", "secret=1").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode headers = new ObjectMapper().readTree(response.body()).get("headers");
        assertThat(headers.get("x-edgeward-action").asText()).isEqualTo("challenge");
        assertThat(headers.has("cookie")).isFalse();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + origin.port() + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
