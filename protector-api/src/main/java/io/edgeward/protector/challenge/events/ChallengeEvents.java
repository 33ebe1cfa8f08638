package io.edgeward.protector.challenge.events;

/**
 * Where challenge events go. {@link #publish} must return at once and never throw: it runs inside a check or a
 * verify, which publishing must neither fail nor slow down.
 */
@FunctionalInterface
public interface ChallengeEvents {

    /** Publishing switched off (no topic configured), and the service without Kafka in tests and tools. */
    ChallengeEvents NONE = event -> { };

    void publish(ChallengeEvent event);
}
