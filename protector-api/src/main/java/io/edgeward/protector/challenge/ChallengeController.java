package io.edgeward.protector.challenge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.edgeward.protector.http.ProblemException;
import io.edgeward.protector.http.RouteGroup;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * {@code POST /v1/challenge/verify} (edge key; docs/contracts.md): JSON in, {@link ChallengeService}, JSON out:
 * {@code {"ok":true,"sessionId","returnTo"}} or {@code {"ok":false,"reason","returnTo","challenge"}}. A failed answer
 * is a 200 with {@code ok:false} (the request was fine; the visitor was not); only an unreadable request is a 400.
 * Counted as {@code protector_challenge_verifications_total{provider,outcome}}.
 */
public final class ChallengeController implements RouteGroup {

    private static final Logger log = LoggerFactory.getLogger(ChallengeController.class);

    private final ChallengeService service;
    private final MeterRegistry registry;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public ChallengeController(ChallengeService service, MeterRegistry registry, ObjectMapper mapper) {
        this.service = service;
        this.registry = registry;
        this.reader = mapper.readerFor(VerifyRequest.class);
        this.writer = mapper.writerFor(VerifyResponse.class);
    }

    @Override
    public void addRoutes(Javalin app) {
        app.post("/v1/challenge/verify", this::verify);
    }

    void verify(Context ctx) throws IOException {
        VerifyRequest request;
        try {
            request = reader.readValue(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ProblemException.badRequest("body must be a JSON verify request: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (request == null || request.token() == null || request.token().isEmpty()) {
            throw ProblemException.badRequest("token is required");
        }
        VerifyOutcome outcome = service.verify(request);
        VerifyResponse response;
        if (outcome instanceof VerifyOutcome.Passed passed) {
            count(passed.provider(), "passed");
            response = new VerifyResponse(true, passed.sessionId(), passed.returnTo(), null, null);
        } else {
            VerifyOutcome.Failed failed = (VerifyOutcome.Failed) outcome;
            count(failed.provider(), failed.reason());
            // One line per failure so repeated failures are visible; no token, answer or secret.
            log.info("challenge.failed reason={} provider={} session={}", failed.reason(), failed.provider(),
                    request.sessionId());
            response = new VerifyResponse(false, null, failed.returnTo(), failed.reason(), failed.fresh());
        }
        ctx.contentType("application/json").result(writer.writeValueAsBytes(response));
    }

    private void count(String provider, String outcome) {
        Counter.builder("protector.challenge.verifications")
                .description("Challenge answers verified, by provider and outcome (passed or the failure reason)")
                .tag("provider", provider == null ? "unknown" : provider).tag("outcome", outcome)
                .register(registry).increment();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerifyResponse(boolean ok, String sessionId, String returnTo, String reason, ChallengeOffer challenge) {
    }
}
