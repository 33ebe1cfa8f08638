package io.edgeward.protector.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * {@code protector_http_requests_seconds{method,path,status}} for every request. {@code path} is the route
 * template ({@code /v1/admin/decisions/{id}}), or {@code unmatched}, so a scan of random paths cannot blow up
 * the number of series.
 */
public final class HttpMetrics {

    private static final String START = "edgeward.start";

    private HttpMetrics() {
    }

    public static void install(Javalin app, MeterRegistry registry) {
        app.before(ctx -> ctx.attribute(START, System.nanoTime()));
        app.after(ctx -> {
            Long start = ctx.attribute(START);
            if (start != null) {
                Timer.builder("protector.http.requests")
                        .tag("method", ctx.method().name())
                        .tag("path", routeOf(ctx))
                        .tag("status", Integer.toString(ctx.statusCode()))
                        .register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
    }

    private static String routeOf(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            // Javalin names a missing route with a sentence, not a path
            return path == null || !path.startsWith("/") ? "unmatched" : path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
