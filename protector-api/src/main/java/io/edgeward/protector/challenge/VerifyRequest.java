package io.edgeward.protector.challenge;

/**
 * The body of {@code POST /v1/challenge/verify} (docs/contracts.md): the token the visitor was given, their answer
 * (a proof-of-work nonce or the provider's response token), and who is answering as the edge sees them. The
 * session's {@code challengePasses} (cookie claim {@code cpn}) and {@code challengePassedAt} (cookie {@code cpa})
 * are optional, as in the check request (contract C1); absent means none. The body may also carry the check
 * request's other client fields ({@code ja4}, {@code asn}, {@code country}, {@code headers}, {@code headerNames}):
 * they are read for the block lookup ({@link VerifyingClient}), not here. {@code automation} is what the challenge
 * page found the browser declares (comma-separated marker words, docs/browser-signals.md); a proof of work from a
 * browser that declares automation does not pass.
 */
public record VerifyRequest(String token, String answer, String clientIp, String userAgent, String sessionId,
                            Integer challengePasses, Long challengePassedAt, String automation) {

    public VerifyRequest(String token, String answer, String clientIp, String userAgent, String sessionId,
                         Integer challengePasses, Long challengePassedAt) {
        this(token, answer, clientIp, userAgent, sessionId, challengePasses, challengePassedAt, null);
    }

    public VerifyRequest(String token, String answer, String clientIp, String userAgent, String sessionId) {
        this(token, answer, clientIp, userAgent, sessionId, null, null, null);
    }

    /** Whether the page said the browser declares automation. */
    public boolean declaresAutomation() {
        return automation != null && !automation.isBlank();
    }

    /** Challenges this session already passed; 0 when the edge did not say. */
    public int passes() {
        return challengePasses == null ? 0 : Math.max(0, challengePasses);
    }
}
