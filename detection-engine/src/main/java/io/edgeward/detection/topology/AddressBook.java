package io.edgeward.detection.topology;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The cookie-keeping sessions seen at one address and whether detection flagged them: the evidence that an address
 * is shared by many well-behaved people (a NAT, a campus, a carrier) and must not be blocked as a whole.
 */
final class AddressBook {

    private static final int LIMIT = 512;

    private int[] sessions = new int[8];
    private long[] seen = new long[8];
    private boolean[] flagged = new boolean[8];
    private int size;

    void noteSession(int session, long at, long oldest) {
        prune(oldest);
        int i = indexOf(session);
        if (i < 0) {
            if (size == LIMIT) {
                evictOldest();
            }
            if (size == sessions.length) {
                sessions = Arrays.copyOf(sessions, size * 2);
                seen = Arrays.copyOf(seen, size * 2);
                flagged = Arrays.copyOf(flagged, size * 2);
            }
            i = size++;
            sessions[i] = session;
            flagged[i] = false;
        }
        seen[i] = Math.max(seen[i], at);
    }

    void flag(int session, long at, long oldest) {
        noteSession(session, at, oldest);
        flagged[indexOf(session)] = true;
    }

    int wellBehaved(long from) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (seen[i] >= from && !flagged[i]) {
                n++;
            }
        }
        return n;
    }

    long lastSeen() {
        long last = 0;
        for (int i = 0; i < size; i++) {
            last = Math.max(last, seen[i]);
        }
        return last;
    }

    private int indexOf(int session) {
        for (int i = 0; i < size; i++) {
            if (sessions[i] == session) {
                return i;
            }
        }
        return -1;
    }

    /** Drops entries seen before {@code oldest}. */
    private void prune(long oldest) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (seen[i] >= oldest) {
                sessions[kept] = sessions[i];
                seen[kept] = seen[i];
                flagged[kept] = flagged[i];
                kept++;
            }
        }
        size = kept;
    }

    private void evictOldest() {
        int oldest = 0;
        for (int i = 1; i < size; i++) {
            if (seen[i] < seen[oldest]) {
                oldest = i;
            }
        }
        size--;
        sessions[oldest] = sessions[size];
        seen[oldest] = seen[size];
        flagged[oldest] = flagged[size];
    }

    byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(4 + size * 13);
        b.putInt(size);
        for (int i = 0; i < size; i++) {
            b.putInt(sessions[i]).putLong(seen[i]).put((byte) (flagged[i] ? 1 : 0));
        }
        return b.array();
    }

    static AddressBook fromBytes(byte[] bytes) {
        AddressBook book = new AddressBook();
        if (bytes == null) {
            return book;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int n = b.getInt();
        book.sessions = new int[Math.max(8, n)];
        book.seen = new long[Math.max(8, n)];
        book.flagged = new boolean[Math.max(8, n)];
        for (int i = 0; i < n; i++) {
            book.sessions[i] = b.getInt();
            book.seen[i] = b.getLong();
            book.flagged[i] = b.get() == 1;
        }
        book.size = n;
        return book;
    }
}
