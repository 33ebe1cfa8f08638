package io.edgeward.protector.challenge;

import java.time.Instant;

/**
 * What a challenge token binds: the session and user agent (hash, as in the session cookie's {@code uah}), the
 * client IP when configured, a random nonce (single use), when it was issued and expires, the provider, the
 * difficulty and the same-site path the visitor returns to.
 */
record ChallengeClaims(String sessionId, String userAgentHash, String clientIp, String nonce, Instant issuedAt,
                       Instant expiresAt, String provider, int difficulty, String returnTo) {
}
