package io.edgeward.passive;

import io.edgeward.passive.ingest.BatchSender;
import io.edgeward.passive.ingest.DeliveryReport;
import io.edgeward.passive.ingest.IngestUnavailable;
import io.edgeward.passive.parse.NotALogFile;
import io.edgeward.passive.parse.ParseReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for "S3 notifies the passive Lambda": watches a drop directory and feeds every new CloudFront
 * standard log file (plain or gzip) to the same parser and ingest client. A file is read once its size has stayed
 * the same for one poll (so a file still being copied is not read half-way); names starting with '.' or ending in
 * {@code .tmp}/{@code .part} are left alone. Afterwards it moves to {@code processed/}, or to {@code rejected/} when
 * it is not a CloudFront log (not one line parsed); when ingest is unavailable it stays and is tried again at the next poll (at least once,
 * as on S3).
 */
public final class LogDirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogDirectoryWatcher.class);

    private final Pipeline pipeline;
    private final Path dir;
    private final Path processed;
    private final Path rejected;
    private final Duration pollInterval;
    private final Map<Path, Long> lastSizes = new HashMap<>();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong recordsAccepted = new AtomicLong();
    private ScheduledExecutorService poller;

    public LogDirectoryWatcher(PassiveConfig config, Path dir, Duration pollInterval) {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("passive.pollInterval must be > 0, was " + pollInterval);
        }
        this.pipeline = new Pipeline(config);
        this.dir = dir.toAbsolutePath().normalize();
        this.processed = this.dir.resolve("processed");
        this.rejected = this.dir.resolve("rejected");
        this.pollInterval = pollInterval;
        try {
            Files.createDirectories(processed);
            Files.createDirectories(rejected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the passive drop directory " + this.dir, e);
        }
    }

    /** Polls on a daemon thread until {@link #close()}. */
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "passive-dir-watcher");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("watching passive drop directory dir={} poll={}", dir, pollInterval);
    }

    public Path directory() {
        return dir;
    }

    public long filesDone() {
        return filesDone.get();
    }

    public long recordsAccepted() {
        return recordsAccepted.get();
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("passive drop directory poll failed, trying again: {}", e.toString());
        }
    }

    /** One pass over the directory; files whose size changed since the last pass wait for the next. */
    void poll() {
        Map<Path, Long> seen = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part")) {
                    continue;
                }
                long size = Files.size(file);
                seen.put(file, size);
                if (Long.valueOf(size).equals(lastSizes.get(file))) {
                    process(file);
                    seen.remove(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        lastSizes.clear();
        lastSizes.putAll(seen);
    }

    private void process(Path file) {
        BatchSender sender = pipeline.sender();
        ParseReport parse;
        try (InputStream in = Files.newInputStream(file)) {
            parse = pipeline.standard.parse(in, sender);
        } catch (NotALogFile e) {
            LOG.warn("not a CloudFront standard log, moved to rejected/: file={} reason={}", file.getFileName(),
                    e.getMessage());
            move(file, rejected);
            return;
        } catch (IOException e) {
            LOG.warn("cannot read file={}, trying again: {}", file.getFileName(), e.toString());
            return;
        }
        if (parse.parsed() == 0 && parse.skippedStatic() == 0 && (parse.bad() > 0 || parse.fileError() != null)) {
            LOG.warn("no CloudFront log line in file={} (bad={}), moved to rejected/", file.getFileName(), parse.bad());
            move(file, rejected);
            return;
        }
        DeliveryReport delivery;
        try {
            delivery = sender.finish();
        } catch (IngestUnavailable e) {
            LOG.warn("ingest unavailable, file={} stays for the next poll: {}", file.getFileName(), e.getMessage());
            return;
        }
        move(file, processed);
        filesDone.incrementAndGet();
        recordsAccepted.addAndGet(delivery.accepted());
        LOG.info("file={} parsed={} skippedStatic={} bad={} accepted={} rejected={}", file.getFileName(),
                parse.parsed(), parse.skippedStatic(), parse.bad(), delivery.accepted(), delivery.rejected());
    }

    private static void move(Path file, Path into) {
        try {
            Files.move(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + file + " to " + into, e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }
}
