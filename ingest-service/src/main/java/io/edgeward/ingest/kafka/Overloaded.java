package io.edgeward.ingest.kafka;

import io.edgeward.ingest.http.IngestException;
import java.time.Duration;

/**
 * Accepting the batch would exceed the bound on records or bytes waiting for Kafka's acknowledgement (429): it is
 * refused at the door rather than queued without limit.
 */
public final class Overloaded extends IngestException {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    public Overloaded(String detail) {
        super(429, "overloaded", detail);
    }

    @Override
    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
