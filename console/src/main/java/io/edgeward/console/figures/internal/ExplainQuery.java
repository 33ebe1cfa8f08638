package io.edgeward.console.figures.internal;

import io.edgeward.console.figures.ChallengeEvent;
import io.edgeward.console.figures.DetectionRow;
import io.edgeward.console.figures.ExplainKey;
import io.edgeward.console.figures.Explanation;
import io.edgeward.console.figures.SeenRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the stores hold about one session, address or request: its requests of the last hour (at most
 * {@link #LIMIT}, newest first), and the detections and challenge events of the last day that concern it.
 */
public final class ExplainQuery {

    public static final int LIMIT = 100;
    private static final Duration SKEW = Duration.ofHours(1);

    private final StoreAccess access;
    private final DetectionsQuery detections;

    public ExplainQuery(StoreAccess access, DetectionsQuery detections) {
        this.access = access;
        this.detections = detections;
    }

    public Explanation explain(ExplainKey key, Instant now) {
        return switch (key.kind()) {
            case ADDRESS -> ofAddress(key, Networks.canonicalAddress(key.value()), now);
            case SESSION -> ofSession(key, RequestIndex.key(key.value()), now);
            case REQUEST -> ofRequest(key, now);
        };
    }

    private Explanation ofAddress(ExplainKey key, String address, Instant now) {
        return new Explanation(key, requests(StoreNames.REQUESTS_BY_ADDRESS, address, now, LIMIT),
                detections.ofAddress(address, now, LIMIT), challenges("a|" + address, now));
    }

    private Explanation ofSession(ExplainKey key, String session, Instant now) {
        return new Explanation(key, requests(StoreNames.REQUESTS_BY_SESSION, session, now, LIMIT),
                detections.ofSession(session, now, LIMIT), challenges("s|" + session, now));
    }

    /** The request itself, and what concerns its session, or its address when it had none. */
    private Explanation ofRequest(ExplainKey key, Instant now) {
        List<SeenRequest> found = requests(StoreNames.REQUESTS_BY_ID, RequestIndex.key(key.value()), now, 1);
        if (found.isEmpty()) {
            return new Explanation(key, List.of(), List.of(), List.of());
        }
        SeenRequest r = found.get(0);
        String session = RequestIndex.key(r.sessionId());
        boolean withSession = session != null && !session.isEmpty();
        List<DetectionRow> rows = withSession ? detections.ofSession(session, now, LIMIT)
                : detections.ofAddress(r.clientIp(), now, LIMIT);
        List<ChallengeEvent> events = challenges(withSession ? "s|" + session : "a|" + r.clientIp(), now);
        return new Explanation(key, found, rows, events);
    }

    private List<SeenRequest> requests(String store, String key, Instant now, int limit) {
        return Newest.<byte[], SeenRequest>take(access.windowStores(store), key, now.minus(Duration.ofHours(1)),
                now.plus(SKEW), limit, limit,
                (ts, bytes) -> StoredValues.SEEN_REQUEST.deserializer().deserialize(null, bytes));
    }

    private List<ChallengeEvent> challenges(String key, Instant now) {
        return Newest.<ChallengeEvent, ChallengeEvent>take(access.windowStores(StoreNames.CHALLENGE_EVENTS), key,
                now.minus(StoreNames.DAY_RETENTION), now.plus(SKEW), LIMIT, LIMIT, (ts, e) -> e);
    }
}
