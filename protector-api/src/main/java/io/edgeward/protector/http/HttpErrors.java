package io.edgeward.protector.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure leaves the service as one problem shape; this is the one place that maps them. */
public final class HttpErrors {

    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    public static void install(RoutesConfig app) {
        app.exception(ProblemException.class, (e, ctx) -> write(ctx, e.status(), e.problem()));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), fromJavalin(e)));
        app.exception(Exception.class, (e, ctx) -> {
            log.error("http.unhandled method={} path={}", ctx.method(), ctx.path(), e);
            write(ctx, 500, new Problem("internal_error", "the request failed; see the service log"));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                write(ctx, 404, new Problem("not_found", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> {
            if (ctx.result() == null) {
                write(ctx, 405, new Problem("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    private static Problem fromJavalin(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new Problem("not_found", e.getMessage());
            case 405 -> new Problem("method_not_allowed", e.getMessage());
            case 413 -> new Problem("too_large", "the request body is too large");
            case 400 -> new Problem("bad_request", e.getMessage());
            default -> new Problem("http_" + e.getStatus(), e.getMessage());
        };
    }

    private static void write(Context ctx, int status, Problem problem) {
        ctx.status(status).json(problem);
    }
}
