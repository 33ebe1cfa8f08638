package io.edgeward.protector.challenge;

/**
 * The optional {@code challenge} object of a {@code challenge} check answer and of a failed verification
 * (docs/contracts.md): the signed token, the provider, the proof-of-work difficulty and the provider's site key.
 */
public record ChallengeOffer(String token, String provider, int difficulty, String siteKey) {
}
