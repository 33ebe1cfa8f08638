package io.edgeward.detection.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What is kept about one actor (a session, or a client address and user agent): its newest requests in arrival
 * order, bounded by count and age, and until when each rule stays quiet after it fired. Mutable, owned by one
 * stream task; persisted with {@link #toBytes()}.
 */
public final class ActorState {

    private static final byte FORMAT_1 = 1;
    private static final int FORMAT_1_RULES = 14;
    private static final byte FORMAT = 2;
    private static final int RULES = io.edgeward.detection.policy.RuleName.values().length;

    private long[] times;
    private int[] flags;
    private int[] paths;
    private int[] idPrefixes;
    private int[] ids;
    private int size;
    private final long[] quietUntil = new long[RULES];
    /** Sessions only: the address last reported for this session, and when the address book was last told. */
    private String lastIp;
    private long ipNotedAt;
    /** Sessions only: first request seen, last report as well-behaved, whether any rule fired, passes seen. */
    private long firstSeen;
    private long goodNotedAt;
    private boolean flagged;
    private int passes;
    private RateCounters rates = new RateCounters();

    public ActorState() {
        this(16);
    }

    private ActorState(int capacity) {
        times = new long[capacity];
        flags = new int[capacity];
        paths = new int[capacity];
        idPrefixes = new int[capacity];
        ids = new int[capacity];
    }

    /** Appends an event, dropping events older than {@code oldest} and the oldest beyond {@code maxEvents}. */
    public void append(RequestEvent e, long oldest, int maxEvents) {
        int drop = 0;
        while (drop < size && times[drop] < oldest) {
            drop++;
        }
        if (size - drop >= maxEvents) {
            drop = size - maxEvents + 1;
        }
        if (drop > 0) {
            shift(drop);
        }
        if (size == times.length) {
            grow(Math.min(Math.max(16, size * 2), Math.max(maxEvents, 16)));
        }
        if (firstSeen == 0 || e.time() < firstSeen) {
            firstSeen = e.time();
        }
        times[size] = e.time();
        flags[size] = e.flags();
        paths[size] = e.pathHash();
        idPrefixes[size] = e.idPrefix();
        ids[size] = e.id();
        size++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    public int flags(int i) {
        return flags[i];
    }

    public int path(int i) {
        return paths[i];
    }

    public int idPrefix(int i) {
        return idPrefixes[i];
    }

    public int id(int i) {
        return ids[i];
    }

    public long lastSeen() {
        long last = 0;
        for (int i = 0; i < size; i++) {
            last = Math.max(last, times[i]);
        }
        return last;
    }

    public boolean isQuiet(int rule, long now) {
        return quietUntil[rule] > now;
    }

    public void quietUntil(int rule, long until) {
        quietUntil[rule] = until;
    }

    public String lastIp() {
        return lastIp;
    }

    public long ipNotedAt() {
        return ipNotedAt;
    }

    public void notedIp(String ip, long at) {
        lastIp = ip;
        ipNotedAt = at;
    }

    public long firstSeen() {
        return firstSeen;
    }

    public long goodNotedAt() {
        return goodNotedAt;
    }

    public void goodNoted(long at) {
        goodNotedAt = at;
    }

    public boolean flagged() {
        return flagged;
    }

    public void flag() {
        flagged = true;
    }

    public RateCounters rates() {
        return rates;
    }

    /**
     * Takes the session's count of passed challenges from its newest request; returns true when it grew, after
     * ending every quiet period and forgetting the requests and rate counts before the pass: a challenge was
     * passed, and what the session does from now on must count again.
     */
    public boolean notePasses(int seen) {
        if (seen <= passes) {
            return false;
        }
        passes = seen;
        java.util.Arrays.fill(quietUntil, 0);
        size = 0; // counting starts afresh from the pass: what came before was answered by the challenge
        rates = new RateCounters();
        return true;
    }

    public int passes() {
        return passes;
    }

    /** Whether any event in the window carries {@code signal}. */
    public boolean any(int signal, long from) {
        for (int i = 0; i < size; i++) {
            if (times[i] >= from && (flags[i] & signal) != 0) {
                return true;
            }
        }
        return false;
    }

    private void shift(int drop) {
        int keep = size - drop;
        System.arraycopy(times, drop, times, 0, keep);
        System.arraycopy(flags, drop, flags, 0, keep);
        System.arraycopy(paths, drop, paths, 0, keep);
        System.arraycopy(idPrefixes, drop, idPrefixes, 0, keep);
        System.arraycopy(ids, drop, ids, 0, keep);
        size = keep;
    }

    private void grow(int capacity) {
        times = Arrays.copyOf(times, capacity);
        flags = Arrays.copyOf(flags, capacity);
        paths = Arrays.copyOf(paths, capacity);
        idPrefixes = Arrays.copyOf(idPrefixes, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }

    public byte[] toBytes() {
        byte[] ip = lastIp == null ? new byte[0] : lastIp.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + size * 24 + 4 + 8 * RULES + 4 + ip.length + 8 + 8 + 8 + 1 + 4
                + rates.bytes());
        b.put(FORMAT).putInt(size);
        for (int i = 0; i < size; i++) {
            b.putLong(times[i]).putInt(flags[i]).putInt(paths[i]).putInt(idPrefixes[i]).putInt(ids[i]);
        }
        b.putInt(RULES);
        for (long until : quietUntil) {
            b.putLong(until);
        }
        b.putInt(ip.length).put(ip).putLong(ipNotedAt);
        b.putLong(firstSeen).putLong(goodNotedAt).put((byte) (flagged ? 1 : 0)).putInt(passes);
        rates.write(b);
        return b.array();
    }

    /** The newest event time in serialized state, read without decoding it (for expiry scans). */
    public static long lastSeenOf(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.get();
        int n = b.getInt();
        long last = 0;
        for (int i = 0; i < n; i++) {
            last = Math.max(last, b.getLong(5 + i * 24));
        }
        return last;
    }

    public static ActorState fromBytes(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte format = b.get();
        if (format != FORMAT && format != FORMAT_1) {
            throw new IllegalStateException("unknown actor state format " + format);
        }
        int n = b.getInt();
        ActorState s = new ActorState(Math.max(16, n + 1));
        for (int i = 0; i < n; i++) {
            s.times[i] = b.getLong();
            s.flags[i] = b.getInt();
            s.paths[i] = b.getInt();
            s.idPrefixes[i] = b.getInt();
            s.ids[i] = b.getInt();
        }
        s.size = n;
        int rules = format == FORMAT_1 ? FORMAT_1_RULES : b.getInt();
        for (int r = 0; r < rules; r++) {
            long until = b.getLong();
            if (r < RULES) {
                s.quietUntil[r] = until;
            }
        }
        byte[] ip = new byte[b.getInt()];
        b.get(ip);
        s.lastIp = ip.length == 0 ? null : new String(ip, StandardCharsets.UTF_8);
        s.ipNotedAt = b.getLong();
        if (format == FORMAT_1) {
            s.firstSeen = n == 0 ? 0 : s.times[0];
            return s;
        }
        s.firstSeen = b.getLong();
        s.goodNotedAt = b.getLong();
        s.flagged = b.get() == 1;
        s.passes = b.getInt();
        s.rates = RateCounters.read(b);
        return s;
    }
}
