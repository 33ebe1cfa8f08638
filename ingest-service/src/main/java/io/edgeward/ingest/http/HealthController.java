package io.edgeward.ingest.http;

import io.edgeward.ingest.kafka.KafkaReadiness;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /health}: the process serves HTTP (liveness). {@code /ready}: Kafka answers, so batches can be
 * acknowledged (readiness). Neither needs a key, so load balancers and orchestrators can probe them; they reveal
 * nothing but up or down.
 */
public final class HealthController {

    private final KafkaReadiness kafka;

    public HealthController(KafkaReadiness kafka) {
        this.kafka = kafka;
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "up"));
    }

    public void ready(Context ctx) {
        if (kafka.reachable()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.header("Retry-After", "5");
            ctx.status(503).json(ProblemBody.of("not_ready", "Kafka is not reachable", Map.of()));
        }
    }
}
