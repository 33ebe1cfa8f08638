package io.edgeward.backtest;

import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.InvalidCidrException;
import io.edgeward.env.net.IpAddress;
import io.edgeward.passive.record.LogRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The actors of a replay, as a labels file names them: a session id where the log carries one, else the client
 * address. For each it keeps what a decision could match on (addresses, user agents, JA4), and when it was seen.
 */
final class ActorBook {

    static final class Actor {
        final String key;
        final String session;
        final Set<String> addresses = new HashSet<>(2);
        final Set<String> userAgents = new HashSet<>(2);
        final Set<String> ja4s = new HashSet<>(1);
        Instant first;
        Instant last;
        long requests;

        Actor(String key, String session) {
            this.key = key;
            this.session = session;
        }
    }

    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final Map<String, Set<Actor>> byAddress = new HashMap<>();
    private final Map<String, Set<Actor>> byUserAgent = new HashMap<>();
    private final Map<String, Set<Actor>> byJa4 = new HashMap<>();

    void note(LogRecord r, String sessionId, Instant time) {
        String key = sessionId != null ? sessionId : r.clientIp();
        Actor a = actors.computeIfAbsent(key, k -> new Actor(k, sessionId));
        a.requests++;
        a.first = a.first == null || time.isBefore(a.first) ? time : a.first;
        a.last = a.last == null || time.isAfter(a.last) ? time : a.last;
        index(byAddress, a.addresses, r.clientIp(), a);
        index(byUserAgent, a.userAgents, r.userAgent(), a);
        index(byJa4, a.ja4s, r.ja4(), a);
    }

    private static void index(Map<String, Set<Actor>> by, Set<String> own, String value, Actor a) {
        if (value != null && own.add(value)) {
            by.computeIfAbsent(value, v -> new HashSet<>()).add(a);
        }
    }

    Map<String, Actor> all() {
        return actors;
    }

    /**
     * The actors a decision of this scope and value reaches, whatever the time. Campaign and route decisions are
     * judged on what the edge sees (cookies, header order) and never arise from a passive log: they reach no actor.
     */
    Set<Actor> reachedBy(String scope, String value) {
        return switch (scope) {
            case "ip" -> byAddress.getOrDefault(value, Set.of());
            case "session" -> {
                Actor a = actors.get(value);
                yield a != null && value.equals(a.session) ? Set.of(a) : Set.of();
            }
            case "user_agent" -> byUserAgent.getOrDefault(value, Set.of());
            case "ja4" -> byJa4.getOrDefault(value, Set.of());
            case "cidr" -> inNetwork(value);
            default -> Set.of();
        };
    }

    private Set<Actor> inNetwork(String cidr) {
        Set<Actor> reached = new HashSet<>();
        Cidr network;
        try {
            network = Cidr.parse(cidr);
        } catch (InvalidCidrException e) {
            return reached;
        }
        byAddress.forEach((address, owners) -> {
            if (IpAddress.parse(address).map(network::contains).orElse(false)) {
                reached.addAll(owners);
            }
        });
        return reached;
    }
}
