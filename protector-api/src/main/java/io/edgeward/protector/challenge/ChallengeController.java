package io.edgeward.protector.challenge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.edgeward.protector.challenge.events.ChallengeEvent;
import io.edgeward.protector.http.ProblemException;
import io.edgeward.protector.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * {@code POST /v1/challenge/verify} (edge key; docs/contracts.md): JSON in, {@link ChallengeService}, JSON out, 200:
 * {@code {"ok":true,"sessionId","returnTo"}}, {@code {"ok":false,"reason","returnTo","challenge"}}, or, when a block
 * holds, {@code {"ok":false,"reason":"blocked","action":"block","blockScope","blockUntil"?,"decisionId"}} with no
 * challenge. Failed attempts over budget: 429 with {@code Retry-After} and
 * {@code {"error":"rate_limited","detail","ok":false,"reason":"rate_limited","budget","retryAfter","returnTo"}}.
 * Only an unreadable request is a 400. Counted as {@code protector_challenge_verifications_total{provider,outcome}}.
 */
public final class ChallengeController implements RouteGroup {

    private static final Logger log = LoggerFactory.getLogger(ChallengeController.class);

    private final ChallengeService service;
    private final MeterRegistry registry;
    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public ChallengeController(ChallengeService service, MeterRegistry registry, ObjectMapper mapper) {
        this.service = service;
        this.registry = registry;
        this.mapper = mapper;
        this.reader = mapper.readerFor(VerifyRequest.class);
        this.writer = mapper.writerFor(VerifyResponse.class);
        Gauge.builder("protector.challenge.spent.nonces", service, s -> s.spentNonces().size())
                .description("Spent challenge nonces remembered (this instance's passes and the topic's)")
                .register(registry);
        Gauge.builder("protector.challenge.spent.nonces.evicted", service, s -> s.spentNonces().evicted())
                .description("Unexpired spent nonces pushed out because the set was full").register(registry);
        Gauge.builder("protector.challenge.nonce.publish.failures", service, ChallengeService::publishFailures)
                .description("Passes whose nonce was not acknowledged by Kafka in time").register(registry);
    }

    @Override
    public void addRoutes(RoutesConfig app) {
        app.post("/v1/challenge/verify", this::verify);
    }

    void verify(Context ctx) throws IOException {
        JsonNode body;
        VerifyRequest request;
        try {
            body = mapper.readTree(ctx.bodyAsBytes());
            request = body == null || !body.isObject() ? null : reader.readValue(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("body must be a JSON verify request: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (request == null || request.token() == null || request.token().isEmpty()) {
            throw ProblemException.badRequest("token is required");
        }
        VerifyOutcome outcome = service.verify(request, VerifyingClient.of(body, mapper));
        VerifyResponse response;
        if (outcome instanceof VerifyOutcome.Passed passed) {
            count(passed.provider(), "passed");
            response = VerifyResponse.passed(passed.sessionId(), passed.returnTo());
        } else if (outcome instanceof VerifyOutcome.Blocked blocked) {
            count(blocked.provider(), "blocked");
            // Debug only: a blocked client may hammer verify, and the counter already shows it.
            log.debug("challenge.blocked scope={} decision={} session={}", blocked.scope(), blocked.decisionId(),
                    ChallengeEvent.sessionIdOrNull(request.sessionId()));
            response = VerifyResponse.blocked(blocked);
        } else if (outcome instanceof VerifyOutcome.Limited limited) {
            count(limited.provider(), "rate_limited");
            // No line per refusal: a flood is what this answer is for. The counter shows it.
            ctx.status(429).header("Retry-After", Long.toString(limited.retryAfter()));
            response = VerifyResponse.limited(limited);
        } else {
            VerifyOutcome.Failed failed = (VerifyOutcome.Failed) outcome;
            count(failed.provider(), failed.reason());
            // One line per failure so repeated failures are visible; no token, answer or secret, and the session
            // only when it is a session id (a bot's 60 KiB "session" would otherwise fill the log).
            log.info("challenge.failed reason={} provider={} session={}", failed.reason(), failed.provider(),
                    ChallengeEvent.sessionIdOrNull(request.sessionId()));
            response = VerifyResponse.failed(failed);
        }
        ctx.contentType("application/json").result(writer.writeValueAsBytes(response));
    }

    private void count(String provider, String outcome) {
        Counter.builder("protector.challenge.verifications")
                .description("Challenge answers verified, by provider and outcome (passed or the failure reason)")
                .tag("provider", provider == null ? "unknown" : provider).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** The wire form of every verify answer (docs/contracts.md); absent fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerifyResponse(String error, String detail, boolean ok, String sessionId, String returnTo, String reason,
                          String action, String blockScope, Long blockUntil, String decisionId, String budget,
                          Long retryAfter, ChallengeOffer challenge) {

        static VerifyResponse passed(String sessionId, String returnTo) {
            return new VerifyResponse(null, null, true, sessionId, returnTo, null, null, null, null, null, null, null,
                    null);
        }

        static VerifyResponse failed(VerifyOutcome.Failed f) {
            return new VerifyResponse(null, null, false, null, f.returnTo(), f.reason(), null, null, null, null, null,
                    null, f.fresh());
        }

        static VerifyResponse blocked(VerifyOutcome.Blocked b) {
            return new VerifyResponse(null, null, false, null, null, "blocked", "block", b.scope(),
                    b.until() == null ? null : b.until().getEpochSecond(), b.decisionId(), null, null, null);
        }

        static VerifyResponse limited(VerifyOutcome.Limited l) {
            return new VerifyResponse("rate_limited", "too many failed challenge answers from this " + l.budget()
                    + "; retry after " + l.retryAfter() + " s", false, null, l.returnTo(), "rate_limited", null, null,
                    null, null, l.budget(), l.retryAfter(), null);
        }
    }
}
