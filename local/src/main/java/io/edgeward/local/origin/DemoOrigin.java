package io.edgeward.local.origin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The demo origin: a small outdoor shop with what bots go for. Pages: {@code /}, {@code /products/{id}} (with CSS,
 * JS and an image under {@code /static/}, cacheable), {@code /search?q=}, {@code /login} (POST: 303 to / on
 * success, 401 on failure; test account {@value Accounts#TEST_EMAIL} / {@value Accounts#TEST_PASSWORD}),
 * {@code /signup} (POST: 303, 400 invalid, 409 taken), {@code /cart} and {@code POST /cart/add},
 * {@code POST /checkout/pay} (402 on a bad card), {@code /api/products[/{id}]} (JSON), {@code /robots.txt},
 * {@code /echo-headers} (the request headers it received, for seeing what the edge passed on), 404 for the rest.
 */
public final class DemoOrigin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoOrigin.class);
    private static final String STATIC_CACHE = "public, max-age=300";
    private static final String PAGE_CACHE = "no-cache";

    private final Javalin app;
    private final Catalog catalog = new Catalog();
    private final ShopPages pages = new ShopPages(catalog);
    private final Accounts accounts = new Accounts();
    private final Carts carts = new Carts();
    private final Payments payments = new Payments();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> assets = new LinkedHashMap<>();

    private DemoOrigin() {
        assets.put("shop.css", resource("shop.css"));
        assets.put("shop.js", resource("shop.js"));
        assets.put("robots.txt", resource("robots.txt"));
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/", this::home);
            config.routes.get("/products/{id}", this::product);
            config.routes.get("/static/shop.css", ctx -> asset(ctx, "shop.css", "text/css; charset=utf-8"));
            config.routes.get("/static/shop.js", ctx -> asset(ctx, "shop.js", "text/javascript; charset=utf-8"));
            config.routes.get("/static/img/{file}", this::image);
            config.routes.get("/search", this::search);
            config.routes.get("/login", ctx -> html(ctx, pages.login(null)));
            config.routes.post("/login", this::login);
            config.routes.get("/signup", ctx -> html(ctx, pages.signup(null)));
            config.routes.post("/signup", this::signup);
            config.routes.get("/cart", this::cart);
            config.routes.post("/cart/add", this::addToCart);
            config.routes.post("/checkout/pay", this::pay);
            config.routes.get("/api/products", this::apiProducts);
            config.routes.get("/api/products/{id}", this::apiProduct);
            config.routes.get("/robots.txt", ctx -> asset(ctx, "robots.txt", "text/plain; charset=utf-8"));
            config.routes.get("/echo-headers", this::echoHeaders);
            config.routes.post("/echo-headers", this::echoHeaders);
            config.routes.error(404, this::notFound);
        });
    }

    /** Starts the shop on {@code bindAddress:port} (port 0 picks a free one). */
    public static DemoOrigin start(String bindAddress, int port) {
        DemoOrigin origin = new DemoOrigin();
        origin.app.start(bindAddress, port);
        LOG.info("demo origin listening: port={}", origin.port());
        return origin;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void home(Context ctx) {
        html(ctx, pages.home());
    }

    private void product(Context ctx) {
        catalog.byId(ctx.pathParam("id")).ifPresentOrElse(p -> html(ctx, pages.product(p)),
                () -> ctx.status(HttpStatus.NOT_FOUND));
    }

    private void image(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".svg")) {
            ctx.status(HttpStatus.NOT_FOUND);
            return;
        }
        catalog.byId(file.substring(0, file.length() - 4)).ifPresentOrElse(p -> ctx
                        .header("Cache-Control", STATIC_CACHE).contentType("image/svg+xml")
                        .result(ShopPages.productSvg(p)),
                () -> ctx.status(HttpStatus.NOT_FOUND));
    }

    private void asset(Context ctx, String name, String contentType) {
        ctx.header("Cache-Control", STATIC_CACHE).contentType(contentType).result(assets.get(name));
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        html(ctx, pages.search(q, catalog.search(q)));
    }

    private void login(Context ctx) {
        if (accounts.verify(ctx.formParam("email"), ctx.formParam("password"))) {
            ctx.cookie(shopCookie("shop_session", randomId()));
            ctx.redirect("/", HttpStatus.SEE_OTHER);
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            html(ctx, pages.login("Wrong e-mail or password."));
        }
    }

    private void signup(Context ctx) {
        switch (accounts.signup(ctx.formParam("email"), ctx.formParam("password"))) {
            case CREATED -> {
                ctx.cookie(shopCookie("shop_session", randomId()));
                ctx.redirect("/", HttpStatus.SEE_OTHER);
            }
            case INVALID -> {
                ctx.status(HttpStatus.BAD_REQUEST);
                html(ctx, pages.signup("An e-mail address and a password of 8 or more characters are needed."));
            }
            case TAKEN -> {
                ctx.status(HttpStatus.CONFLICT);
                html(ctx, pages.signup("That e-mail address already has an account."));
            }
        }
    }

    private void cart(Context ctx) {
        html(ctx, pages.cart(carts.get(ctx.cookie("cart"))));
    }

    private void addToCart(Context ctx) {
        var product = catalog.byId(Objects.requireNonNullElse(ctx.formParam("product"), ""));
        int quantity = parseQuantity(ctx.formParam("quantity"));
        if (product.isEmpty() || quantity < 1 || quantity > 10) {
            ctx.status(HttpStatus.BAD_REQUEST);
            html(ctx, pages.message("Not added", "Pick a product and a quantity from 1 to 10."));
            return;
        }
        String cartId = ctx.cookie("cart") == null ? randomId() : ctx.cookie("cart");
        if (!carts.add(cartId, product.get().id(), quantity)) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            html(ctx, pages.message("Busy", "Too many carts; try again later."));
            return;
        }
        ctx.cookie(shopCookie("cart", cartId));
        ctx.redirect("/cart", HttpStatus.SEE_OTHER);
    }

    private void pay(Context ctx) {
        if (payments.charge(ctx.formParam("card"))) {
            carts.clear(ctx.cookie("cart"));
            html(ctx, pages.paid(randomId().substring(0, 10)));
        } else {
            ctx.status(HttpStatus.PAYMENT_REQUIRED);
            html(ctx, pages.declined());
        }
    }

    private void apiProducts(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=10").json(catalog.all().stream().map(DemoOrigin::toJson).toList());
    }

    private void apiProduct(Context ctx) {
        catalog.byId(ctx.pathParam("id")).ifPresentOrElse(p -> ctx.json(toJson(p)),
                () -> ctx.status(HttpStatus.NOT_FOUND));
    }

    /** Headers as received, lowercase names, first value each; cookies and credentials left out. */
    private void echoHeaders(Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("cookie") && !lower.equals("authorization")) {
                headers.put(lower, value);
            }
        });
        ctx.header("Cache-Control", "no-store")
                .json(Map.of("method", ctx.method().name(), "path", ctx.path(), "headers", headers));
    }

    private void notFound(Context ctx) {
        if (ctx.path().startsWith("/api/")) {
            ctx.json(Map.of("error", "not_found", "detail", "no such resource: " + ctx.path()));
        } else {
            html(ctx, pages.notFound());
        }
    }

    private static Map<String, Object> toJson(Catalog.Product p) {
        return Map.of("id", p.id(), "name", p.name(), "price", p.price(), "currency", "EUR",
                "description", p.description(), "url", "/products/" + p.id(), "image", "/static/img/" + p.id() + ".svg");
    }

    private static void html(Context ctx, String body) {
        ctx.header("Cache-Control", PAGE_CACHE).html(body);
    }

    private static io.javalin.http.Cookie shopCookie(String name, String value) {
        io.javalin.http.Cookie cookie = new io.javalin.http.Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(io.javalin.http.SameSite.LAX);
        return cookie;
    }

    private static int parseQuantity(String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoOrigin.class.getResourceAsStream("/demo-origin/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /demo-origin/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
