package io.edgeward.protector.challenge;

import static io.edgeward.env.ConfigChecks.positive;

import java.time.Duration;

/**
 * How spent nonces travel between Protector instances (contract C10, docs/challenges.md).
 *
 * @param topic           the spent-nonce topic (default {@code edgeward.challenge-nonces})
 * @param retentionMargin kept beyond the challenge lifetime ({@code retention.ms} = ttl + margin; default 5 minutes)
 * @param publishTimeout  how long a pass waits for the acks=all acknowledgement (default 1 s; below the edge's 3 s)
 */
public record NonceSharing(String topic, Duration retentionMargin, Duration publishTimeout) {

    public static final NonceSharing DEFAULT = new NonceSharing("edgeward.challenge-nonces", Duration.ofMinutes(5),
            Duration.ofSeconds(1));

    public NonceSharing {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("challenge.noncesTopic is required");
        }
        positive(retentionMargin, "challenge.nonceRetentionMargin");
        positive(publishTimeout, "challenge.noncePublishTimeout");
    }

    public NonceSharing withTopic(String newTopic) {
        return new NonceSharing(newTopic, retentionMargin, publishTimeout);
    }
}
