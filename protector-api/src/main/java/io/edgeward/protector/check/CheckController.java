package io.edgeward.protector.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.edgeward.protector.challenge.ChallengeOffer;
import io.edgeward.protector.challenge.ChallengeService;
import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Subject;
import io.edgeward.protector.http.ProblemException;
import io.javalin.http.Context;

import java.io.IOException;

/**
 * {@code POST /v1/check}: JSON in, {@link CheckService}, JSON out. A {@code challenge} answer carries a solvable
 * challenge issued for this visitor by the {@link ChallengeService}.
 */
public final class CheckController {

    private final CheckService service;
    private final CheckMetrics metrics;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final ChallengeService challenges;

    public CheckController(CheckService service, CheckMetrics metrics, ObjectMapper mapper,
                           ChallengeService challenges) {
        this.challenges = challenges;
        this.service = service;
        this.metrics = metrics;
        this.reader = mapper.readerFor(CheckRequest.class);
        this.writer = mapper.writerFor(CheckResponse.class);
    }

    public void check(Context ctx) throws IOException {
        CheckRequest request;
        try {
            request = reader.readValue(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ProblemException.badRequest("body must be a JSON check request: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (request == null || request.clientIp() == null) {
            throw ProblemException.badRequest("clientIp is required");
        }
        Subject subject = CheckService.subjectOf(request);
        if (subject.ipBytes() == null) {
            throw ProblemException.badRequest("clientIp must be an IPv4 or IPv6 address, was '" + request.clientIp() + "'");
        }
        CheckResult result = service.check(request, subject);
        metrics.record(result);
        ChallengeOffer offer = result.action() == Action.CHALLENGE
                ? challenges.issue(request.sessionId(), request.userAgent(), request.clientIp(), request.path(),
                        request.query(), request.challengePasses() == null ? 0 : request.challengePasses())
                : null;
        boolean sensorExempt = result.basis() == CheckResult.Basis.ALLOWLIST || result.basis() == CheckResult.Basis.GOOD_BOT
                || (request.sensorSuspect() != null && result.action() == Action.ALLOW && service.allowsAutomation(subject));
        ctx.contentType("application/json").result(writer.writeValueAsBytes(CheckResponse.from(result, offer,
                sensorExempt)));
    }

    /**
     * The wire form of {@link CheckResult} (docs/contracts.md); {@code challenge} only with a challenge,
     * {@code blockScope} and {@code blockUntil} only on a block that has them (contract C2), {@code sensorExempt}
     * only when true (the browser sensor's rules do not apply to this client: allowlisted, a verified good bot, or on
     * the {@code allow-automation} list).
     */
    record CheckResponse(String action, long ttl, String reason, String decisionId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ChallengeOffer challenge,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String blockScope,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long blockUntil,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean sensorExempt) {
        static CheckResponse from(CheckResult r, ChallengeOffer offer, boolean sensorExempt) {
            return new CheckResponse(r.action().wireName(), r.ttl(), r.reason(), r.decisionId(), offer,
                    r.blockScope(), r.blockUntil(), sensorExempt ? Boolean.TRUE : null);
        }
    }
}
