package io.edgeward.protector.signals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.edgeward.protector.http.BearerAuth;
import io.edgeward.protector.http.ProblemException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;

/**
 * {@code POST /v1/signals} (edge key): JSON in, {@link SignalsService}, the {@link Verdict} out. Refusals are problems
 * whose {@code error} is the reason: {@code 400 malformed}, {@code 403 stale}, {@code 409 replayed}. Every outcome is
 * counted in {@code protector.signals.reports{outcome}}.
 */
public final class SignalsController {

    private final SignalsService service;
    private final MeterRegistry registry;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public SignalsController(SignalsService service, MeterRegistry registry, ObjectMapper mapper) {
        this.service = service;
        this.registry = registry;
        this.reader = mapper.readerFor(SignalsRequest.class);
        this.writer = mapper.writerFor(Verdict.class);
        Gauge.builder("protector.signals.spent_nonces", service, SignalsService::spentNonces)
                .description("Sensor report nonces remembered as spent on this instance").register(registry);
    }

    /** Every route of the feature, with its authentication (one place to port). */
    public void addRoutes(RoutesConfig app, BearerAuth edgeAuth) {
        app.before("/v1/signals", edgeAuth::require);
        app.post("/v1/signals", this::report);
    }

    void report(Context ctx) throws IOException {
        SignalsRequest request;
        try {
            request = reader.readValue(ctx.bodyAsBytes());
        } catch (IOException e) {
            count(SignalsService.MALFORMED);
            throw new ProblemException(400, SignalsService.MALFORMED,
                    "body must be a JSON signals request: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Verdict verdict;
        try {
            verdict = service.score(request);
        } catch (SignalsService.Refused refused) {
            count(refused.reason());
            throw new ProblemException(status(refused.reason()), refused.reason(), refused.getMessage());
        }
        count(verdict.verdict());
        ctx.contentType("application/json").result(writer.writeValueAsBytes(verdict));
    }

    private static int status(String reason) {
        return switch (reason) {
            case SignalsService.REPLAYED -> 409;
            case SignalsService.STALE -> 403;
            default -> 400;
        };
    }

    private void count(String outcome) {
        Counter.builder("protector.signals.reports").description("Browser sensor reports by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
