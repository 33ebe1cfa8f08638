package io.edgeward.console.web;

import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.auth.CrossSiteCheck;
import io.edgeward.console.auth.Secrets;
import io.edgeward.console.auth.SessionStore;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Default deny: every console route but the login page and the assets is registered through one of these
 * wrappers. Pages without a session redirect to the login page; the JSON API answers 401; forms (every POST) are
 * refused with 403 when cross-site, without a live session, or without that session's CSRF token.
 */
public final class Guard {

    /** {@code __Host-}: Secure, Path=/ and no Domain, so no sibling host can set or shadow it. */
    public static final String COOKIE = "__Host-ew-console";

    /** A route that runs for a signed-in operator. */
    @FunctionalInterface
    public interface SessionHandler {
        void handle(Context ctx, ConsoleSession session) throws Exception;
    }

    private final SessionStore sessions;
    private final Templates templates;

    public Guard(SessionStore sessions, Templates templates) {
        this.sessions = sessions;
        this.templates = templates;
    }

    public Optional<ConsoleSession> session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    public Handler page(SessionHandler handler) {
        return ctx -> {
            Optional<ConsoleSession> session = session(ctx);
            if (session.isEmpty()) {
                ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
                return;
            }
            handler.handle(ctx, session.get());
        };
    }

    public Handler api(SessionHandler handler) {
        return ctx -> {
            Optional<ConsoleSession> session = session(ctx);
            if (session.isEmpty()) {
                ctx.status(401).json(Map.of("error", "unauthorized", "detail", "sign in to the console first"));
                return;
            }
            handler.handle(ctx, session.get());
        };
    }

    public Handler form(SessionHandler handler) {
        return ctx -> {
            if (!sameSite(ctx)) {
                return;
            }
            Optional<ConsoleSession> session = session(ctx);
            if (session.isEmpty()) {
                refuse(ctx, "Your console session has ended. Sign in again; nothing was changed.");
                return;
            }
            if (!Secrets.constantTimeEquals(ctx.formParam("csrf"), session.get().csrfToken())) {
                refuse(ctx, "This form has expired or did not come from this console; nothing was changed. "
                        + "Reload the page and try again.");
                return;
            }
            handler.handle(ctx, session.get());
        };
    }

    /** For the login form: there is no session yet, but a cross-site POST is still refused. */
    public Handler sameSiteOnly(Handler handler) {
        return ctx -> {
            if (sameSite(ctx)) {
                handler.handle(ctx);
            }
        };
    }

    private boolean sameSite(Context ctx) {
        String refusal = CrossSiteCheck.refusal(ctx.header("Sec-Fetch-Site"), ctx.header("Origin"), ctx.header("Host"));
        if (refusal != null) {
            refuse(ctx, "Refused: " + refusal + ". Nothing was changed.");
            return false;
        }
        return true;
    }

    private void refuse(Context ctx, String message) {
        ctx.status(403).html(templates.render("error.jte", Map.of("status", 403, "message", message)));
    }
}
