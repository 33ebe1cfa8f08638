package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Subject;
import io.edgeward.protector.goodbots.GoodBotStatus;
import io.edgeward.protector.goodbots.GoodBotVerifier;
import io.edgeward.protector.rules.RequestRule;
import io.edgeward.protector.rules.RequestRules;
import io.edgeward.protector.rules.RuleInput;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Answers a check from memory, in this order:
 * <ol>
 *   <li>an allowlist entry allows;</li>
 *   <li>a verified good bot is allowed (never challenged);</li>
 *   <li>a stored decision applies (most specific scope first);</li>
 *   <li>a good-bot claim that failed verification is challenged;</li>
 *   <li>the first matching request-time rule applies;</li>
 *   <li>otherwise allow.</li>
 * </ol>
 * A challenge is turned into allow when the visitor has already passed one ({@code challengePassed}): the
 * edge would otherwise challenge a solved visitor forever. Persistent abuse after a solved challenge is for
 * the detection engine to escalate to block.
 */
public final class CheckService {

    /** While a good bot's claim is being verified, the edge should ask again soon. */
    static final Duration PENDING_TTL = Duration.ofSeconds(5);

    private final DecisionStore store;
    private final GoodBotVerifier goodBots;
    private final RequestRules rules;
    private final Clock clock;
    private final long allowTtlSeconds;
    private final UserAgentFacts userAgentFacts;

    public CheckService(DecisionStore store, GoodBotVerifier goodBots, RequestRules rules, Clock clock, Duration allowTtl) {
        this.store = store;
        this.goodBots = goodBots;
        this.rules = rules;
        this.clock = clock;
        this.allowTtlSeconds = allowTtl.toSeconds();
        this.userAgentFacts = new UserAgentFacts(goodBots, rules);
    }

    public CheckResult check(CheckRequest request) {
        return check(request, subjectOf(request));
    }

    /** Who the request is about, with its address parsed once for every lookup. */
    public static Subject subjectOf(CheckRequest request) {
        return Subject.of(request.clientIp(), request.sessionId(), request.ja4(), request.userAgent(), request.asn(),
                request.country());
    }

    /** As {@link #check(CheckRequest)}, for a caller that already has the request's subject. */
    public CheckResult check(CheckRequest request, Subject subject) {
        Optional<Decision> allowed = store.match(ListKind.ALLOWLIST, subject);
        if (allowed.isPresent()) {
            Decision d = allowed.get();
            return new CheckResult(Action.ALLOW, ttlFor(d), reasonOf(d, "allowlist"), d.id(), CheckResult.Basis.ALLOWLIST);
        }
        UserAgentFacts.Facts ua = userAgentFacts.of(request.userAgent());
        GoodBotStatus bot = goodBots.verify(ua.claimedBot(), subject.ipBytes());
        if (bot instanceof GoodBotStatus.Verified v) {
            return new CheckResult(Action.ALLOW, allowTtlSeconds, "goodbot:" + v.bot(), null, CheckResult.Basis.GOOD_BOT);
        }
        Optional<Decision> decided = store.match(ListKind.DECISION, subject);
        if (decided.isPresent()) {
            Decision d = decided.get();
            return solvedChallenge(request, new CheckResult(d.action(), ttlFor(d), reasonOf(d, "decision"), d.id(),
                    CheckResult.Basis.DECISION));
        }
        if (bot instanceof GoodBotStatus.Unverified u) {
            return solvedChallenge(request, new CheckResult(Action.CHALLENGE, 0, "goodbot.unverified:" + u.bot(), null,
                    CheckResult.Basis.REQUEST_RULE));
        }
        Optional<RequestRule> rule = rules.firstMatch(new RuleInput(request.method(), request.path(),
                request.userAgent(), request.ja4(), request.headers()), ua.ruleUserAgentHolds());
        if (rule.isPresent()) {
            RequestRule r = rule.get();
            long ttl = r.action() == Action.MONITOR ? allowTtlSeconds : 0;
            return solvedChallenge(request, new CheckResult(r.action(), ttl, r.reason(), null, CheckResult.Basis.REQUEST_RULE));
        }
        long ttl = bot instanceof GoodBotStatus.Pending ? Math.min(allowTtlSeconds, PENDING_TTL.toSeconds()) : allowTtlSeconds;
        return new CheckResult(Action.ALLOW, ttl, null, null, CheckResult.Basis.DEFAULT);
    }

    private CheckResult solvedChallenge(CheckRequest request, CheckResult result) {
        if (result.action() == Action.CHALLENGE && request.hasPassedChallenge()) {
            return new CheckResult(Action.ALLOW, allowTtlSeconds, "challenge passed; was: " + result.reason(),
                    result.decisionId(), result.basis());
        }
        return result;
    }

    /** Reuse of an answer never outlives the decision behind it, nor the configured allow TTL. */
    private long ttlFor(Decision d) {
        if (d.expiresAt() == null) {
            return allowTtlSeconds;
        }
        long remaining = Duration.between(clock.instant(), d.expiresAt()).toSeconds();
        return Math.max(0, Math.min(allowTtlSeconds, remaining));
    }

    private static String reasonOf(Decision d, String kind) {
        return d.reason() != null ? d.reason() : kind + ":" + d.scope().wireName();
    }

}
