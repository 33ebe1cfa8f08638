package io.edgeward.protector.check;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.protector.challenge.ChallengeOffer;
import io.edgeward.protector.challenge.ChallengeService;
import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Subject;
import io.edgeward.protector.http.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code POST /v1/check}: JSON in, {@link CheckService}, JSON out, independent of the HTTP server (served by
 * {@link CheckHandler}). A {@code challenge} answer carries a solvable challenge issued for this visitor by the
 * {@link ChallengeService}.
 */
public final class CheckController {

    /** The answer is built here, then copied out: the response may still be writing when the thread moves on. */
    private static final ThreadLocal<ByteArrayBuilder> SCRATCH = ThreadLocal.withInitial(() -> new ByteArrayBuilder(512));

    private final CheckService service;
    private final CheckMetrics metrics;
    private final CheckCodec codec;
    private final ChallengeService challenges;

    public CheckController(CheckService service, CheckMetrics metrics, ObjectMapper mapper,
                           ChallengeService challenges) {
        this.challenges = challenges;
        this.service = service;
        this.metrics = metrics;
        this.codec = new CheckCodec(mapper.getFactory());
    }

    /** The JSON answer to a check request body; a client error is thrown as a {@link ProblemException}. */
    public byte[] answer(byte[] body, int length) {
        CheckRequest request;
        try {
            request = codec.read(body, length);
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw ProblemException.badRequest("body must be a JSON check request: " + message);
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
        boolean sensorExempt = result.basis() == CheckResult.Basis.ALLOWLIST
                || result.basis() == CheckResult.Basis.GOOD_BOT
                || (request.sensorSuspect() != null && result.action() == Action.ALLOW
                && service.allowsAutomation(subject));
        try {
            return codec.write(result, offer, sensorExempt, SCRATCH.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: not expected
        }
    }
}
