package io.edgeward.ingest.http;

import io.edgeward.ingest.IngestMetrics;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become HTTP answers: every error has the problem shape {@code {"error","detail"}}, counts
 * as a rejection by its error code, and carries {@code Retry-After} when retrying later can help.
 */
public final class ErrorMapping {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    private final IngestMetrics metrics;

    public ErrorMapping(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    public void register(RoutesConfig app) {
        app.exception(IngestException.class, (e, ctx) -> write(ctx, e));
        app.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx, e.getStatus(),
                errorCode(e.getStatus()), e.getStatus() == 404 ? "no endpoint " + ctx.method() + " " + ctx.path()
                        : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> write(ctx, e));
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> "http_" + status;
        };
    }

    /** Writes any failure, unwrapping the CompletionException of an asynchronous step. */
    public void write(Context ctx, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof IngestException e) {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"edgeward-ingest\"");
            }
            if (e.retryAfter() != null) {
                ctx.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            }
            if (e.status() >= 500) {
                log.warn("batch refused: {} {}: {}", e.status(), e.error(), e.getMessage());
            } else {
                log.debug("batch refused: {} {}: {}", e.status(), e.error(), e.getMessage());
            }
            metrics.rejected(e.error());
            ctx.status(e.status()).json(ProblemBody.of(e.error(), e.getMessage(), e.extensions()));
            return;
        }
        log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), cause);
        writeProblem(ctx, 500, "internal_error", "an unexpected error occurred; nothing of this batch was accepted");
    }

    private void writeProblem(Context ctx, int status, String error, String detail) {
        metrics.rejected(error);
        ctx.status(status).json(ProblemBody.of(error, detail, Map.of()));
    }
}
