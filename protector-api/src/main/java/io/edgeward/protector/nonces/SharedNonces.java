package io.edgeward.protector.nonces;

import io.edgeward.env.kafka.KafkaClientSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * Single use across Protector instances (contract C10): the bounded {@link SpentNonces} of this instance, kept
 * up to date from the spent-nonce topic by a {@link NonceMaterializer}, and the {@link NonceLog} that publishes this
 * instance's spends. Created at start-up (the topic too, when missing and allowed); {@link #close()} stops both.
 */
public final class SharedNonces implements AutoCloseable {

    private final SpentNonces spent;
    private final NonceMaterializer materializer;
    private final NonceLog log;

    private SharedNonces(SpentNonces spent, NonceMaterializer materializer, NonceLog log) {
        this.spent = spent;
        this.materializer = materializer;
        this.log = log;
    }

    /**
     * @param retention the topic's retention when this creates it: the challenge lifetime plus a margin
     */
    public static SharedNonces start(KafkaClientSettings kafka, String topic, boolean createTopic, int partitions,
                                     Duration retention, Duration publishTimeout, int limit, Clock clock) {
        if (createTopic) {
            NonceTopic.ensure(kafka, topic, partitions, retention);
        }
        SpentNonces spent = new SpentNonces(limit, clock);
        NonceLog log = new NonceLog(kafka, topic, publishTimeout);
        NonceMaterializer materializer = new NonceMaterializer(kafka, topic, spent);
        materializer.start();
        return new SharedNonces(spent, materializer, log);
    }

    public SpentNonces spent() {
        return spent;
    }

    public NoncePublisher publisher() {
        return log;
    }

    /** True once the topic has been read to the end seen at start: part of readiness. */
    public boolean caughtUp() {
        return materializer.caughtUp();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            materializer.close();
        } finally {
            log.close();
        }
    }
}
