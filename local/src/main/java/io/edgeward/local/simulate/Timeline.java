package io.edgeward.local.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Everything one adversary class met, in order: each answer with the time since the class's first request, named
 * marks (e.g. when its address was blocked), counters (e.g. challenges solved) and the names of the clients that
 * were ever challenged or blocked. Thread-safe: a class's clients share it.
 */
final class Timeline {

    /** What a request was for; a report counts pages and verifications apart from assets. */
    enum Kind {
        PAGE, ASSET, VERIFY;

        static Kind of(String path) {
            if (path.startsWith("/.edgeward/challenge/verify")) {
                return VERIFY;
            }
            int query = path.indexOf('?');
            String plain = query < 0 ? path : path.substring(0, query);
            return plain.startsWith("/static/") || plain.endsWith(".css") || plain.endsWith(".js")
                    || plain.endsWith(".svg") || plain.endsWith(".png") || plain.endsWith(".ico") ? ASSET : PAGE;
        }
    }

    /** One answer: when (ms since the class's first request), what for, its status and the edge's action. */
    record Entry(long atMillis, Kind kind, int status, String action) {
        boolean mitigated() {
            return "challenge".equals(action) || "block".equals(action);
        }

        /** Reached the origin and came back as content: not a generated answer, not an error. */
        boolean served() {
            return action == null && status >= 200 && status < 400;
        }
    }

    private final LongSupplier nanos;
    private long startNanos = Long.MIN_VALUE;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Long> marks = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private final Map<String, String> mitigatedClients = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Timeline() {
        this(System::nanoTime);
    }

    Timeline(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** A timeline whose clock started at {@code startNanos} ({@link System#nanoTime()}), to share one clock. */
    static Timeline startedAt(long startNanos) {
        Timeline t = new Timeline();
        t.startNanos = startNanos;
        return t;
    }

    synchronized void record(Kind kind, int status, String action) {
        entries.add(new Entry(now(), kind, status, action));
    }

    /** Milliseconds since the class's first request or mark (which starts its clock). */
    synchronized long now() {
        long t = nanos.getAsLong();
        if (startNanos == Long.MIN_VALUE) {
            startNanos = t;
        }
        return (t - startNanos) / 1_000_000;
    }

    synchronized void mark(String name) {
        marks.putIfAbsent(name, now());
    }

    /** The time of a mark, or -1 if it was never made. */
    synchronized long markedAt(String name) {
        return marks.getOrDefault(name, -1L);
    }

    synchronized void count(String name) {
        counters.merge(name, 1, Integer::sum);
    }

    synchronized int counter(String name) {
        return counters.getOrDefault(name, 0);
    }

    /** Keeps the first challenge or block each named client met. */
    synchronized void mitigatedClient(String name, String what) {
        mitigatedClients.putIfAbsent(name, what);
    }

    /** Client name -> the first challenge or block it met, in the order they happened. */
    synchronized Map<String, String> mitigatedClients() {
        return new LinkedHashMap<>(mitigatedClients);
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
