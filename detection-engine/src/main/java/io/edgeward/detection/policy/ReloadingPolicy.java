package io.edgeward.detection.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current policy, re-read when the file's content changes. {@link #reloadIfChanged()} is
 * called by a timer in {@code DetectionEngine} (and directly by tests); a file that fails to parse is reported and
 * the previous policy stays in force. New evaluations see the new policy; state already kept is not rewritten.
 */
public final class ReloadingPolicy implements Supplier<DetectionPolicy> {

    private static final Logger log = LoggerFactory.getLogger(ReloadingPolicy.class);

    private final Path file;
    private final AtomicReference<DetectionPolicy> current;
    private volatile String stamp;

    public ReloadingPolicy(Path file) {
        this.file = file;
        this.stamp = stamp(file);
        this.current = new AtomicReference<>(PolicyLoader.load(file));
    }

    @Override
    public DetectionPolicy get() {
        return current.get();
    }

    /** Re-reads the file if it changed; returns true when a new policy took effect. */
    public boolean reloadIfChanged() {
        String now = stamp(file);
        if (now.equals(stamp)) {
            return false;
        }
        stamp = now;
        try {
            current.set(PolicyLoader.load(file));
            log.info("policy reloaded from {}", file);
            return true;
        } catch (PolicyException e) {
            log.error("policy reload rejected, keeping the previous policy: {}", e.getMessage());
            return false;
        }
    }

    private static String stamp(Path file) {
        try {
            // content, not modification time: an edit within the file system's time resolution still counts
            return Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(file)));
        } catch (IOException e) {
            return "missing";
        }
    }
}
