package io.edgeward.protector.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code protector_http_requests_seconds{method,path,status}} for every request. {@code path} is the route
 * template ({@code /v1/admin/decisions/{id}}), or {@code unmatched}, so a scan of random paths cannot blow up
 * the number of series. Each series' timer is registered once and then looked up by its tag values: building
 * and registering a timer per request costs more than the check it measures.
 */
public final class HttpMetrics {

    private static final String START = "edgeward.start";
    /** The path tag of a request no route answered (or that was refused before its route ran). */
    public static final String UNMATCHED = "unmatched";

    private record Series(String method, String path, int status) {
    }

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    private HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times every request Javalin serves; the returned instance also serves handlers in front of Javalin. */
    public static HttpMetrics install(RoutesConfig app, MeterRegistry registry) {
        HttpMetrics metrics = new HttpMetrics(registry);
        app.before(ctx -> ctx.attribute(START, System.nanoTime()));
        app.after(metrics::record);
        return metrics;
    }

    private void record(Context ctx) {
        Long start = ctx.attribute(START);
        if (start != null) {
            record(ctx.method().name(), routeOf(ctx), ctx.statusCode(), System.nanoTime() - start);
        }
    }

    public void record(String method, String route, int status, long nanos) {
        timer(method, route, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The timer of one series, for a handler that records one series often. */
    public Timer timer(String method, String route, int status) {
        return timers.computeIfAbsent(new Series(method, route, status), this::register);
    }

    private Timer register(Series series) {
        return Timer.builder("protector.http.requests")
                .tag("method", series.method())
                .tag("path", series.path())
                .tag("status", Integer.toString(series.status()))
                .register(registry);
    }

    private static String routeOf(Context ctx) {
        // the HTTP endpoint that ran; none when no route matched or a before-handler refused the request
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null || !endpoint.path.startsWith("/") ? UNMATCHED : endpoint.path;
    }
}
