package io.edgeward.protector.challenge;

import io.edgeward.env.net.IpAddress;
import java.time.Clock;

/**
 * The {@link VerifyBudget} in force: one {@link AttemptBudget} for sessions, one for client addresses. A failed
 * attempt takes one from each, the session first; the refusal names the budget that ran out. An IPv6 client counts
 * by its /64, the block one subscriber is usually given, so rotating addresses inside it buys nothing.
 */
final class FailedAttempts {

    /** Which budget ran out, and in how many whole seconds it has an attempt again. */
    record Refusal(String budget, long retryAfter) {
    }

    private final AttemptBudget sessions;
    private final AttemptBudget addresses;

    FailedAttempts(VerifyBudget budget, Clock clock) {
        this.sessions = new AttemptBudget(budget.sessionAttempts(), budget.window(), budget.tracked(), clock);
        this.addresses = new AttemptBudget(budget.addressAttempts(), budget.window(), budget.tracked(), clock);
    }

    /** Takes one attempt for this session and address; the refusal when either has none left, else null. */
    Refusal charge(String sessionId, String clientIp) {
        if (!sessions.tryTake(sessionId)) {
            return new Refusal("session", sessions.secondsUntilNext(sessionId));
        }
        String address = addressKey(clientIp);
        if (!addresses.tryTake(address)) {
            return new Refusal("address", addresses.secondsUntilNext(address));
        }
        return null;
    }

    /** The canonical IPv4 address, or the IPv6 address with its last 64 bits cleared; the text itself otherwise. */
    static String addressKey(String clientIp) {
        IpAddress address = IpAddress.parse(clientIp).orElse(null);
        if (address == null) {
            return clientIp;
        }
        return address.isIpv4() ? address.toString() : address.network(64).network().toString();
    }
}
