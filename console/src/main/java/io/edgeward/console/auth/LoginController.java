package io.edgeward.console.auth;

import io.edgeward.console.web.Guard;
import io.edgeward.console.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchanges the admin token for a session. The token is compared in constant time and never logged; failures are
 * throttled per client address; a login always starts a new session (an id planted before login is never promoted)
 * and ends the one the browser had; logout ends the session server side.
 */
public final class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    private static final int MAX_TOKEN_LENGTH = 1_000;

    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final String adminToken;
    private final Templates templates;
    private final Guard guard;

    public LoginController(SessionStore sessions, LoginThrottle throttle, ClientAddress clientAddress,
                           String adminToken, Templates templates, Guard guard) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.adminToken = adminToken;
        this.templates = templates;
        this.guard = guard;
    }

    public void page(Context ctx) {
        if (guard.session(ctx).isPresent()) {
            ctx.redirect("/console/", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(form(null));
    }

    public void submit(Context ctx) {
        String address = clientAddress.of(ctx.ip(), ctx.header("X-Forwarded-For"));
        Duration wait = throttle.waitBeforeAttempt(address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds());
            ctx.header("Retry-After", Long.toString(seconds));
            ctx.status(429).html(form("Too many failed attempts from your address. Try again in "
                    + Math.max(1, (seconds + 59) / 60) + " minute(s)."));
            return;
        }
        String token = ctx.formParam("token");
        if (token == null || token.length() > MAX_TOKEN_LENGTH
                || !Secrets.constantTimeEquals(token.strip(), adminToken)) {
            throttle.failed(address);
            log.info("console.login failed address={}", address);
            ctx.status(401).html(form("That token is not the admin token."));
            return;
        }
        throttle.succeeded(address);
        sessions.end(ctx.cookie(Guard.COOKIE));
        SessionStore.Created created = sessions.create();
        ctx.header("Set-Cookie", Guard.COOKIE + "=" + created.id() + "; Path=/; Secure; HttpOnly; SameSite=Strict");
        log.info("console.login ok address={} sessions={}", address, sessions.size());
        ctx.redirect("/console/", HttpStatus.SEE_OTHER);
    }

    public void logout(Context ctx, ConsoleSession session) {
        sessions.end(ctx.cookie(Guard.COOKIE));
        ctx.header("Set-Cookie", Guard.COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
    }

    private String form(String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        return templates.render("login.jte", params);
    }
}
