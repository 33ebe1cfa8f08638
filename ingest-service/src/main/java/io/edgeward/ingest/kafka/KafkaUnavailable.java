package io.edgeward.ingest.kafka;

import io.edgeward.ingest.http.IngestException;
import java.time.Duration;

/**
 * Kafka did not acknowledge every record of the batch in time, or refused one (503). Some records may have been
 * written: the client retries the whole batch, and consumers deduplicate by {@code requestId} if they need to.
 */
public final class KafkaUnavailable extends IngestException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public KafkaUnavailable(String detail, Throwable cause) {
        super(503, "kafka_unavailable", detail, cause);
    }

    @Override
    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
