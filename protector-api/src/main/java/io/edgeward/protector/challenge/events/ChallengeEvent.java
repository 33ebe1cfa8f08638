package io.edgeward.protector.challenge.events;

import io.edgeward.env.net.IpAddress;
import io.edgeward.protector.decision.Scope;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One line of the {@code edgeward.challenges} topic (docs/contracts.md, contract C1): a challenge offered with a
 * check answer, or a verification's outcome. Built only through {@link #of}, which bounds every field a client could
 * have chosen: provider and reason must be known words (else null), the session id a short base64url word, the client
 * IP an address literal (canonical form). A bot flooding verify with garbage therefore makes events of at most about
 * 250 bytes. The challenge token and the answer are never part of an event.
 *
 * @param solveMs verification time minus the genuine token's issue time (never negative), or null
 */
public record ChallengeEvent(Instant time, Kind kind, String provider, String reason, Long solveMs, String sessionId,
                             String clientIp) {

    /** What happened; the wire name is the lower-case name. */
    public enum Kind {
        ISSUED, PASSED, FAILED, BLOCKED, LIMITED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int MAX_SESSION_ID = 64;
    static final Set<String> PROVIDERS = Set.of("pow", "hcaptcha", "recaptcha", "turnstile");
    /** VerifyOutcome.Failed reasons, the Limited budgets and the blocking scopes: everything a reason may be. */
    static final Set<String> REASONS = reasons();

    public ChallengeEvent {
        if (time == null || kind == null) {
            throw new IllegalArgumentException("a challenge event needs a time and a kind");
        }
    }

    /** The event with every client-chosen field bounded (unknown words and malformed values become null). */
    public static ChallengeEvent of(Instant time, Kind kind, String provider, String reason, Long solveMs,
                                    String sessionId, String clientIp) {
        return new ChallengeEvent(time, kind, known(PROVIDERS, provider), known(REASONS, reason),
                solveMs == null ? null : Math.max(0L, solveMs), sessionIdOrNull(sessionId),
                clientIp == null ? null : IpAddress.canonical(clientIp).orElse(null));
    }

    /** The record key: the session id, else the client IP, else null (spread over the partitions). */
    public String key() {
        return sessionId != null ? sessionId : clientIp;
    }

    private static String known(Set<String> words, String word) {
        return word != null && words.contains(word) ? word : null; // Set.of refuses contains(null)
    }

    /** The session id when it is a plain base64url word of at most 64 characters (what the edge issues), else null. */
    public static String sessionIdOrNull(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_SESSION_ID) {
            return null;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!word) {
                return null;
            }
        }
        return id;
    }

    private static Set<String> reasons() {
        Set<String> words = new HashSet<>(Arrays.asList("malformed", "tampered", "expired", "session_mismatch",
                "user_agent_mismatch", "ip_mismatch", "replayed", "wrong_answer", "provider_rejected",
                "provider_unavailable", "automation", "session", "address"));
        for (Scope scope : Scope.values()) {
            words.add(scope.wireName());
        }
        return Set.copyOf(words);
    }
}
