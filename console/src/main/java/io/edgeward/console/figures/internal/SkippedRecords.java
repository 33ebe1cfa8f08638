package io.edgeward.console.figures.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts topic values the figures could not read. They are skipped, never fatal: the console shows what it can, and
 * one producer's bad record must not stop the figures of all the others. Logged once at warn, then every 10,000th,
 * without the value (it may carry anything).
 */
public final class SkippedRecords {

    private static final Logger log = LoggerFactory.getLogger(SkippedRecords.class);

    private final Map<String, AtomicLong> byTopic = new ConcurrentHashMap<>();

    public void skip(String topic, String why) {
        long n = byTopic.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
        if (n == 1 || n % 10_000 == 0) {
            log.warn("skipped undecodable record topic={} skipped={} why={}", topic, n, why);
        } else {
            log.debug("skipped undecodable record topic={} why={}", topic, why);
        }
    }

    public long count(String topic) {
        AtomicLong n = byTopic.get(topic);
        return n == null ? 0 : n.get();
    }
}
