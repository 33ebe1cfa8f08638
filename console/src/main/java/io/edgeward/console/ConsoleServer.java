package io.edgeward.console;

import io.edgeward.console.admin.AdminClient;
import io.edgeward.console.auth.ClientAddress;
import io.edgeward.console.auth.LoginController;
import io.edgeward.console.auth.LoginThrottle;
import io.edgeward.console.auth.SessionStore;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.pages.ChallengesController;
import io.edgeward.console.pages.DecisionsController;
import io.edgeward.console.pages.DetectionsController;
import io.edgeward.console.pages.ExplainController;
import io.edgeward.console.pages.OverviewController;
import io.edgeward.console.pages.PolicyController;
import io.edgeward.console.web.Assets;
import io.edgeward.console.web.Guard;
import io.edgeward.console.web.Pages;
import io.edgeward.console.web.SecurityHeaders;
import io.edgeward.console.web.Templates;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's web service (contract C3): pages under {@code /console}, every one but the login page and the
 * assets behind a session obtained with the admin token. The figures are started apart and handed in.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final Javalin app;

    private ConsoleServer(Javalin app) {
        this.app = app;
    }

    public static ConsoleServer start(ConsoleConfig config, ConsoleFigures figures) {
        return start(config, figures, Clock.systemUTC());
    }

    /** With a clock, so tests can move session and throttle expiry by hand. */
    public static ConsoleServer start(ConsoleConfig config, ConsoleFigures figures, Clock clock) {
        Templates templates = new Templates();
        SessionStore sessions = new SessionStore(clock, config.sessionTtl(), config.idleTtl(),
                SessionStore.DEFAULT_MAX_SESSIONS);
        LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.DEFAULT_MAX_FAILURES,
                LoginThrottle.DEFAULT_WINDOW, LoginThrottle.DEFAULT_MAX_ADDRESSES);
        Guard guard = new Guard(sessions, templates);
        AdminClient admin = new AdminClient(config.protectorUrl(), config.adminToken(), ADMIN_TIMEOUT);
        Pages pages = new Pages(templates, figures);
        Assets assets = new Assets();
        LoginController login = new LoginController(sessions, throttle, new ClientAddress(config.trustedProxies()),
                config.adminToken(), templates, guard);
        OverviewController overview = new OverviewController(figures, pages);
        DetectionsController detections = new DetectionsController(figures, pages);
        DecisionsController decisions = new DecisionsController(admin, pages);
        ExplainController explain = new ExplainController(figures, admin, pages);
        ChallengesController challenges = new ChallengesController(figures, pages);
        PolicyController policy = new PolicyController(figures, pages, config.policyFile());

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.jetty.host = config.bindAddress();
            cfg.jetty.port = config.port();
            cfg.http.maxRequestSize = 64 * 1024;
            RoutesConfig routes = cfg.routes;
            routes.before(SecurityHeaders::apply);
            routes.get("/", ctx -> ctx.redirect("/console/", HttpStatus.SEE_OTHER));
            routes.get("/console/login", login::page);
            routes.post("/console/login", guard.sameSiteOnly(login::submit));
            routes.post("/console/logout", guard.form(login::logout));
            routes.get("/console/assets/{name}", assets::serve);
            routes.get("/console", guard.page(overview::show));
            routes.get("/console/detections", guard.page(detections::show));
            routes.get("/console/api/detections", guard.api(detections::since));
            routes.get("/console/decisions", guard.page(decisions::show));
            routes.post("/console/decisions", guard.form(decisions::add));
            routes.post("/console/decisions/{id}/extend", guard.form(decisions::extend));
            routes.post("/console/decisions/{id}/remove", guard.form(decisions::remove));
            routes.get("/console/explain", guard.page(explain::show));
            routes.get("/console/challenges", guard.page(challenges::show));
            routes.get("/console/policy", guard.page(policy::show));
            routes.exception(Exception.class, (e, ctx) -> {
                log.error("console.unhandled method={} path={}", ctx.method(), ctx.path(), e);
                ctx.status(500).html(templates.render("error.jte", Map.of("status", 500,
                        "message", "The console failed to show this page; see its log.")));
            });
            routes.error(404, ctx -> ctx.html(templates.render("error.jte", Map.of("status", 404,
                    "message", "There is no such page in the console."))));
        });
        app.start();
        log.info("console.started port={} config={}", app.port(), config);
        return new ConsoleServer(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        log.info("console.stopped");
    }
}
