package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.DetectionQuery;
import io.edgeward.console.figures.DetectionRow;
import io.edgeward.detection.topics.Detection;
import io.edgeward.env.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/** Detections of the last day: the live list with its filters, and those concerning one address or session. */
public final class DetectionsQuery {

    /** Events one query reads at most, whatever its filters. */
    public static final int MAX_SCANNED = 100_000;
    /** Clock skew between the engine and the console: detections a little in the future still show. */
    private static final Duration SKEW = Duration.ofHours(1);

    private final StoreAccess access;

    public DetectionsQuery(StoreAccess access) {
        this.access = access;
    }

    public List<DetectionRow> list(DetectionQuery q, Instant now) {
        Instant from = q.after() != null ? q.after().plusMillis(1) : now.minus(StoreNames.DAY_RETENTION);
        String rule = blank(q.rule()) ? null : q.rule().strip();
        String contains = blank(q.contains()) ? null : q.contains().strip().toLowerCase(Locale.ROOT);
        return Newest.take(access.<Detection>windowStores(StoreNames.DETECTIONS_RECENT), StoreNames.DETECTIONS_KEY,
                from, now.plus(SKEW), q.limit(), MAX_SCANNED, (ts, d) -> {
                    if (rule != null && !rule.equalsIgnoreCase(d.rule())) {
                        return null;
                    }
                    if (contains != null && (d.value() == null
                            || !d.value().toLowerCase(Locale.ROOT).contains(contains))) {
                        return null;
                    }
                    return DetectionRows.of(d, ts);
                });
    }

    /** Detections of this session, newest first. */
    public List<DetectionRow> ofSession(String session, Instant now, int limit) {
        return byKey(List.of(Networks.detectionKey("session", session)), now, limit);
    }

    /** Detections of this address or of any network holding it (every prefix length), newest first. */
    public List<DetectionRow> ofAddress(String address, Instant now, int limit) {
        List<String> keys = new ArrayList<>();
        keys.add(Networks.detectionKey("ip", address));
        Optional<IpAddress> ip = IpAddress.parse(address);
        ip.ifPresent(a -> {
            for (int prefix = 0; prefix <= a.bitLength(); prefix++) {
                keys.add("cidr|" + a.network(prefix));
            }
        });
        return byKey(keys, now, limit);
    }

    private List<DetectionRow> byKey(List<String> keys, Instant now, int limit) {
        List<ReadOnlyWindowStore<String, Detection>> stores = access.windowStores(StoreNames.DETECTIONS_BY_VALUE);
        List<DetectionRow> rows = new ArrayList<>();
        for (String key : keys) {
            rows.addAll(Newest.take(stores, key, now.minus(StoreNames.DAY_RETENTION), now.plus(SKEW), limit,
                    MAX_SCANNED, DetectionRows::ofStored));
        }
        rows.sort(Comparator.comparing(DetectionRow::detectedAt).reversed());
        return rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : List.copyOf(rows);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
