package io.edgeward.protector.challenge;

/**
 * The body of {@code POST /v1/challenge/verify} (docs/contracts.md): the token the visitor was given, their answer
 * (a proof-of-work nonce or the provider's response token), and who is answering as the edge sees them.
 */
public record VerifyRequest(String token, String answer, String clientIp, String userAgent, String sessionId) {
}
