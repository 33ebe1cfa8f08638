package io.edgeward.detection.rules;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Sliding-window request counters, one slot per rate budget, for one key (a session, an address, a network).
 * Each slot keeps the count of the current fixed window and of the previous one and estimates the sliding count
 * as {@code previous x (share of the previous window still inside) + current}: constant size whatever the rate,
 * which is what lets every request be counted. A slot whose stamp differs from the budget's (a reload changed the
 * budget) starts afresh. Mutable, owned by one stream task.
 */
public final class RateCounters {

    private int[] stamps = new int[0];
    private long[] windows = new long[0];
    private int[] previous = new int[0];
    private int[] current = new int[0];
    private long[] quietUntil = new long[0];
    private long lastSeen;

    /** Counts a request at {@code now} in {@code slot} and returns the sliding count over {@code windowMillis}. */
    public int hit(int slot, int stamp, long now, long windowMillis) {
        ensure(slot + 1);
        if (stamps[slot] != stamp) {
            stamps[slot] = stamp;
            windows[slot] = now / windowMillis;
            previous[slot] = 0;
            current[slot] = 0;
            quietUntil[slot] = 0;
        }
        long window = now / windowMillis;
        if (window > windows[slot]) {
            previous[slot] = window == windows[slot] + 1 ? current[slot] : 0;
            current[slot] = 0;
            windows[slot] = window;
        }
        current[slot]++;
        lastSeen = Math.max(lastSeen, now);
        double elapsed = (double) (now - window * windowMillis) / windowMillis;
        return (int) Math.round(previous[slot] * Math.max(0, 1 - elapsed)) + current[slot];
    }

    public boolean isQuiet(int slot, long now) {
        return slot < quietUntil.length && quietUntil[slot] > now;
    }

    public void quietUntil(int slot, long until) {
        ensure(slot + 1);
        quietUntil[slot] = until;
    }

    /** A passed challenge ends every quiet period: what the actor does next counts again. */
    public void clearQuiet() {
        Arrays.fill(quietUntil, 0);
    }

    public long lastSeen() {
        return lastSeen;
    }

    private void ensure(int slots) {
        if (stamps.length < slots) {
            stamps = Arrays.copyOf(stamps, slots);
            windows = Arrays.copyOf(windows, slots);
            previous = Arrays.copyOf(previous, slots);
            current = Arrays.copyOf(current, slots);
            quietUntil = Arrays.copyOf(quietUntil, slots);
        }
    }

    int bytes() {
        return 4 + 8 + stamps.length * 28;
    }

    void write(ByteBuffer b) {
        b.putInt(stamps.length).putLong(lastSeen);
        for (int i = 0; i < stamps.length; i++) {
            b.putInt(stamps[i]).putLong(windows[i]).putInt(previous[i]).putInt(current[i]).putLong(quietUntil[i]);
        }
    }

    static RateCounters read(ByteBuffer b) {
        RateCounters c = new RateCounters();
        int n = b.getInt();
        c.lastSeen = b.getLong();
        c.ensure(n);
        for (int i = 0; i < n; i++) {
            c.stamps[i] = b.getInt();
            c.windows[i] = b.getLong();
            c.previous[i] = b.getInt();
            c.current[i] = b.getInt();
            c.quietUntil[i] = b.getLong();
        }
        return c;
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(bytes());
        write(b);
        return b.array();
    }

    public static RateCounters fromBytes(byte[] bytes) {
        return bytes == null ? new RateCounters() : read(ByteBuffer.wrap(bytes));
    }

    /** The last request time in serialized counters, for expiry scans. */
    public static long lastSeenOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong(4);
    }
}
