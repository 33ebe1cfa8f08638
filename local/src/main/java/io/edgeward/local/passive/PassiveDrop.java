package io.edgeward.local.passive;

import io.edgeward.local.config.LocalConfig;
import io.edgeward.passive.LogDirectoryWatcher;
import io.edgeward.passive.PassiveConfig;
import java.net.URI;
import java.time.Duration;

/**
 * The local stand-in for passive mode's "S3 notifies the Lambda": a {@link LogDirectoryWatcher} on
 * {@code local.passiveDir} posting to this stack's ingest with the ingest key, so CloudFront standard log files
 * copied there reach {@code edgeward.logs} and detection as the edge path's records do (docs/passive.md).
 */
public final class PassiveDrop {

    /** Often enough that a dropped file shows within a second; a poll is one directory listing. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private PassiveDrop() {
    }

    public static LogDirectoryWatcher start(LocalConfig config, int ingestPort) {
        PassiveConfig passive = PassiveConfig.of(URI.create("http://127.0.0.1:" + ingestPort),
                        config.secrets().ingestKey())
                .withFilters(config.logSkipExtensions(), PassiveConfig.DEFAULT_MASKED);
        LogDirectoryWatcher watcher = new LogDirectoryWatcher(passive, config.passiveDir(), POLL_INTERVAL);
        watcher.start();
        return watcher;
    }
}
