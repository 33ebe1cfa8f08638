package io.edgeward.protector.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /health} (liveness: the process answers), {@code /ready} (decisions caught up), {@code /metrics}
 * (Prometheus text). Health and readiness carry no authentication and reveal nothing but a status word;
 * metrics need the metrics token when one is configured.
 */
public final class OpsController {

    private final BooleanSupplier ready;
    private final Supplier<String> scrape;
    private final BearerAuth metricsAuth;

    public OpsController(BooleanSupplier ready, Supplier<String> scrape, BearerAuth metricsAuthOrNull) {
        this.ready = ready;
        this.scrape = scrape;
        this.metricsAuth = metricsAuthOrNull;
    }

    public void addRoutes(RoutesConfig app) {
        app.get("/health", ctx -> ctx.json(Map.of("status", "up")));
        app.get("/ready", this::ready);
        app.get("/metrics", this::metrics);
    }

    private void ready(Context ctx) {
        if (ready.getAsBoolean()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.status(503).json(Map.of("status", "catching_up"));
        }
    }

    private void metrics(Context ctx) {
        if (metricsAuth != null) {
            metricsAuth.require(ctx);
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(scrape.get());
    }
}
