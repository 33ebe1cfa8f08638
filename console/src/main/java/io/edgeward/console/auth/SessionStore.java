package io.edgeward.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions held server side. The cookie carries a 256-bit random id; the store keeps only its SHA-256, so
 * a heap dump or a log of the map leaks no usable cookie, and lookup by hash is not a byte-by-byte comparison of the
 * secret. Sessions end at an absolute and an idle expiry, and at logout. Bounded: when full, expired sessions go
 * first, then the least recently used (only holders of the token can create sessions, so the bound guards against
 * a script that logs in in a loop, not against strangers).
 */
public final class SessionStore {

    public static final int DEFAULT_MAX_SESSIONS = 1_000;

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration absoluteTtl;
    private final Duration idleTtl;
    private final int maxSessions;

    public SessionStore(Clock clock, Duration absoluteTtl, Duration idleTtl, int maxSessions) {
        this.clock = clock;
        this.absoluteTtl = absoluteTtl;
        this.idleTtl = idleTtl;
        this.maxSessions = maxSessions;
    }

    /** A new session; its id (the cookie value) is returned once and never stored. */
    public Created create() {
        Instant now = clock.instant();
        if (sessions.size() >= maxSessions) {
            evict(now);
        }
        String id = Secrets.random256();
        ConsoleSession session = new ConsoleSession(Secrets.random256(), now);
        sessions.put(key(id), session);
        return new Created(id, session);
    }

    /** The live session for a cookie value, its idle clock restarted; empty when unknown, expired or ended. */
    public Optional<ConsoleSession> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String key = key(id);
        ConsoleSession session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(key, session);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** Ends a session server side: its cookie no longer works, even if a copy of it survives. */
    public void end(String id) {
        if (id != null && !id.isEmpty() && id.length() <= 100) {
            sessions.remove(key(id));
        }
    }

    public int size() {
        return sessions.size();
    }

    private boolean expired(ConsoleSession session, Instant now) {
        return !now.isBefore(session.createdAt().plus(absoluteTtl)) || !now.isBefore(session.lastSeen().plus(idleTtl));
    }

    private void evict(Instant now) {
        sessions.entrySet().removeIf(e -> expired(e.getValue(), now));
        while (sessions.size() >= maxSessions) {
            sessions.entrySet().stream().min(Comparator.comparing(e -> e.getValue().lastSeen()))
                    .ifPresent(e -> sessions.remove(e.getKey(), e.getValue()));
        }
    }

    private static String key(String id) {
        return HexFormat.of().formatHex(Secrets.sha256(id));
    }

    public record Created(String id, ConsoleSession session) {
    }
}
