package io.edgeward.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@code maxFailures} within {@code window}, that address may not try again
 * until the window of its first failure has passed. Bounded: the address is attacker-chosen, so when the map is full
 * the entries whose window has passed go first, then the oldest. A success clears the address.
 */
public final class LoginThrottle {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    public static final int DEFAULT_MAX_ADDRESSES = 10_000;

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final int maxAddresses;

    public LoginThrottle(Clock clock, int maxFailures, Duration window, int maxAddresses) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.maxAddresses = maxAddresses;
    }

    /** How long the address must wait before it may try; zero when it may try now. */
    public Duration waitBeforeAttempt(String address) {
        Failures f = byAddress.get(address);
        if (f == null) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Instant until = f.first().plus(window);
        if (!now.isBefore(until)) {
            byAddress.remove(address, f);
            return Duration.ZERO;
        }
        return f.count() >= maxFailures ? Duration.between(now, until) : Duration.ZERO;
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (byAddress.size() >= maxAddresses && !byAddress.containsKey(address)) {
            evict(now);
        }
        byAddress.merge(address, new Failures(now, 1), (old, one) ->
                now.isBefore(old.first().plus(window)) ? new Failures(old.first(), old.count() + 1) : one);
    }

    public void succeeded(String address) {
        byAddress.remove(address);
    }

    private void evict(Instant now) {
        byAddress.entrySet().removeIf(e -> !now.isBefore(e.getValue().first().plus(window)));
        while (byAddress.size() >= maxAddresses) {
            byAddress.entrySet().stream().min(Comparator.comparing(e -> e.getValue().first()))
                    .ifPresent(e -> byAddress.remove(e.getKey(), e.getValue()));
        }
    }

    private record Failures(Instant first, int count) {
    }
}
