package io.edgeward.passive;

import io.edgeward.passive.source.DirectoryObjectSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Runs the S3 handler on one object, for the throughput benchmark. */
public final class S3LogHandlerAccess {

    private S3LogHandlerAccess() {
    }

    public static long processOne(URI ingest, int batchSize, Path root, String bucket, String key) {
        PassiveConfig config = PassiveConfig.of(ingest, "bench-key").withBatchSize(batchSize)
                .withRetries(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(30));
        ObjectReport report = new S3LogHandler(config, new DirectoryObjectSource(root))
                .process(S3Events.event(bucket, S3Events.created(key, 1))).get(0);
        return report.delivery().accepted();
    }
}
