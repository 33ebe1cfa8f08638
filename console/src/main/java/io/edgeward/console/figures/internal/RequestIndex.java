package io.edgeward.console.figures.internal;

import org.apache.kafka.streams.state.WindowStore;

/**
 * The explain page's view of requests: each request under its address, its session and its request id, for an
 * hour. It is the costliest part per record (three store writes), so the value is serialised once, the stores have
 * no changelog (a view of the logs topic) and no cache, and {@link PerKeyCap} keeps at most
 * {@link #PER_KEY_PER_MINUTE} requests per address or session a minute: a flood from one address cannot fill them.
 */
public final class RequestIndex {

    public static final int PER_KEY_PER_MINUTE = 100;

    private final WindowStore<String, byte[]> byAddress;
    private final WindowStore<String, byte[]> bySession;
    private final WindowStore<String, byte[]> byId;
    private final PerKeyCap cap = new PerKeyCap(PER_KEY_PER_MINUTE);

    public RequestIndex(WindowStore<String, byte[]> byAddress, WindowStore<String, byte[]> bySession,
                        WindowStore<String, byte[]> byId) {
        this.byAddress = byAddress;
        this.bySession = bySession;
        this.byId = byId;
    }

    public void add(LogLine line, long timestamp) {
        boolean address = cap.admit('a', line.clientIp(), timestamp);
        String session = key(line.sessionId());
        boolean withSession = session != null && !session.isEmpty() && cap.admit('s', session, timestamp);
        String id = key(line.requestId());
        boolean withId = id != null && !id.isEmpty() && cap.admit('r', id, timestamp);
        if (!address && !withSession && !withId) {
            return;
        }
        byte[] value = StoredValues.SEEN_REQUEST.serializer().serialize(null, line.seen(timestamp));
        if (address) {
            byAddress.put(line.clientIp(), value, timestamp);
        }
        if (withSession) {
            bySession.put(session, value, timestamp);
        }
        if (withId) {
            byId.put(id, value, timestamp);
        }
    }

    /** Keys are clipped like the values: a hostile 8 KB session id is stored, and looked up, by its first 256. */
    public static String key(String value) {
        return value == null ? null : Wire.clip(value, 256);
    }
}
