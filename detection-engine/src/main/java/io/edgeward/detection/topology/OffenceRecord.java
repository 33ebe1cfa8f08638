package io.edgeward.detection.topology;

import io.edgeward.detection.policy.Action;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** One scope and value's recent offences and the decision currently in force for it. */
final class OffenceRecord {

    private long[] times = new long[0];
    private long activeUntil;
    private Action activeAction = Action.MONITOR;
    /** The most challenges the actor's session had passed at any offence: a higher count means a new pass. */
    private int passes;

    void forgetBefore(long oldest) {
        times = Arrays.stream(times).filter(t -> t >= oldest).toArray();
    }

    boolean covers(Action action, long now) {
        return activeUntil > now && activeAction.atLeast(action);
    }

    /** Records an offence and returns its number (1 for a first offence within memory). */
    int add(long at, long until, Action action) {
        times = Arrays.copyOf(times, times.length + 1);
        times[times.length - 1] = at;
        activeUntil = until;
        activeAction = action;
        return times.length;
    }

    int passes() {
        return passes;
    }

    void notePasses(int seen) {
        passes = Math.max(passes, seen);
    }

    /** Whether the active decision runs beyond {@code at}. */
    boolean activeBeyond(long at) {
        return activeUntil > at;
    }

    int count() {
        return times.length;
    }

    long lastActivity() {
        long last = activeUntil;
        for (long t : times) {
            last = Math.max(last, t);
        }
        return last;
    }

    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * times.length + 8 + 1 + 4);
        b.putInt(times.length);
        for (long t : times) {
            b.putLong(t);
        }
        return b.putLong(activeUntil).put((byte) activeAction.ordinal()).putInt(passes).array();
    }

    static OffenceRecord fromBytes(byte[] bytes) {
        OffenceRecord o = new OffenceRecord();
        if (bytes == null) {
            return o;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        o.times = new long[b.getInt()];
        for (int i = 0; i < o.times.length; i++) {
            o.times[i] = b.getLong();
        }
        o.activeUntil = b.getLong();
        o.activeAction = Action.values()[b.get()];
        o.passes = b.remaining() >= 4 ? b.getInt() : 0; // records from before passes were kept have none
        return o;
    }
}
