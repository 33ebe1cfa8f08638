package io.edgeward.ingest.http;

import io.edgeward.ingest.IngestMetrics;
import io.javalin.http.Context;

/** {@code /metrics} in the Prometheus text format, behind its own bearer keys. */
public final class MetricsController {

    private final IngestMetrics metrics;
    private final ApiKeys keys;

    public MetricsController(IngestMetrics metrics, ApiKeys keys) {
        this.metrics = metrics;
        this.keys = keys;
    }

    public void scrape(Context ctx) {
        keys.require(ctx);
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
