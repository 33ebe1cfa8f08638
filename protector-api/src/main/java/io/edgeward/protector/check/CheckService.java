package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.decision.StoredDecision;
import io.edgeward.protector.decision.Subject;
import io.edgeward.protector.goodbots.GoodBotStatus;
import io.edgeward.protector.goodbots.GoodBotVerifier;
import io.edgeward.protector.rules.RequestRule;
import io.edgeward.protector.rules.RequestRules;
import io.edgeward.protector.rules.RuleInput;
import io.edgeward.protector.signals.SignalSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a check from memory, in this order (docs/protector.md "How a check is answered"):
 * <ol>
 *   <li>an allowlist entry allows;</li>
 *   <li>a verified good bot is allowed (never challenged);</li>
 *   <li>a good-bot claim that failed verification is blocked as an impostor;</li>
 *   <li>a session the browser sensor makes suspect is challenged or blocked ({@link SensorSuspicion}), unless the
 *       client is on the {@code allow-automation} list;</li>
 *   <li>a stored decision applies (most specific scope first), when its qualifiers hold for this request;</li>
 *   <li>the first matching request-time rule applies;</li>
 *   <li>otherwise allow.</li>
 * </ol>
 * A solved challenge is evidence, not immunity ({@link ChallengePass}). Detection's decisions on shared attributes
 * (cidr, campaign, ja4, user agent, asn, country) and every route decision never touch an established session
 * in good standing ({@link GoodStanding}). With {@code scopes} in the request only steps 1 and 4 run, on those scopes.
 */
public final class CheckService {

    /** While a good bot's claim is being verified, the edge should ask again soon. */
    static final Duration PENDING_TTL = Duration.ofSeconds(5);

    private final DecisionStore store;
    private final GoodBotVerifier goodBots;
    private final RequestRules rules;
    private final Clock clock;
    private final long allowTtlSeconds;
    private final long passWindowSeconds;
    private final UserAgentFacts userAgentFacts;
    private final GoodStanding goodStanding;
    private final SignalSettings signals;

    public CheckService(DecisionStore store, GoodBotVerifier goodBots, RequestRules rules, Clock clock, Duration allowTtl) {
        this(store, goodBots, rules, clock, allowTtl, CheckSettings.defaults());
    }

    public CheckService(DecisionStore store, GoodBotVerifier goodBots, RequestRules rules, Clock clock, Duration allowTtl,
                        CheckSettings settings) {
        this(store, goodBots, rules, clock, allowTtl, settings, SignalSettings.defaults());
    }

    public CheckService(DecisionStore store, GoodBotVerifier goodBots, RequestRules rules, Clock clock, Duration allowTtl,
                        CheckSettings settings, SignalSettings signals) {
        this.signals = signals;
        this.store = store;
        this.goodBots = goodBots;
        this.rules = rules;
        this.clock = clock;
        this.allowTtlSeconds = allowTtl.toSeconds();
        this.passWindowSeconds = settings.passExemption().toSeconds();
        this.userAgentFacts = new UserAgentFacts(goodBots, rules);
        this.goodStanding = new GoodStanding(store, settings);
    }

    public CheckResult check(CheckRequest request) {
        return check(request, subjectOf(request));
    }

    /** Who the request is about, with its address parsed once for every lookup. */
    public static Subject subjectOf(CheckRequest request) {
        return Subject.of(request.clientIp(), request.sessionId(), request.ja4(), request.userAgent(), request.asn(),
                request.country(), null, request.method(), request.path());
    }

    /** As {@link #check(CheckRequest)}, for a caller that already has the request's subject. */
    public CheckResult check(CheckRequest request, Subject subject) {
        if (subject.campaign() == null && store.holdsAny(Scope.CAMPAIGN)) {
            subject = withCampaign(subject, CampaignKeys.of(request));
        }
        long now = clock.instant().getEpochSecond();
        Set<Scope> only = scopesOf(request.scopes());
        boolean established = goodStanding.of(request, subject, now);
        Subject s = subject;
        Optional<StoredDecision> allowed = store.find(ListKind.ALLOWLIST, s, only, d -> Qualifiers.hold(d, s, established));
        if (allowed.isPresent()) {
            StoredDecision d = allowed.get();
            return new CheckResult(Action.ALLOW, ttlFor(d, now), reasonOf(d, "allowlist"), d.id(), CheckResult.Basis.ALLOWLIST);
        }
        UserAgentFacts.Facts ua = only == null ? userAgentFacts.of(request.userAgent()) : null;
        GoodBotStatus bot = ua == null ? GoodBotStatus.NOT_CLAIMED : goodBots.verify(ua.claimedBot(), subject.ipBytes());
        if (bot instanceof GoodBotStatus.Verified v) {
            return new CheckResult(Action.ALLOW, allowTtlSeconds, "goodbot:" + v.bot(), null, CheckResult.Basis.GOOD_BOT);
        }
        if (bot instanceof GoodBotStatus.Unverified u) {
            // Someone borrowing a crawler's name from an address the crawler does not use: nothing a real visitor does.
            // The block is about this claim from this address, not the address: blockUntil = now, nothing to carry, so
            // an impostor behind a shared address (NAT) cannot get the block extended to the others there.
            return new CheckResult(Action.BLOCK, 0, "goodbot.impostor:" + u.bot(), null, CheckResult.Basis.REQUEST_RULE,
                    null, now);
        }
        // Blocks hold: a wider block (a /24, a campaign) is not hidden behind a narrower challenge or monitor.
        Optional<StoredDecision> blocked = store.find(ListKind.DECISION, s, only,
                d -> d.action() == Action.BLOCK && Qualifiers.hold(d, s, established));
        if (blocked.isPresent()) {
            return fromDecision(blocked.get(), now);
        }
        if (only == null && request.sensorSuspect() != null && !allowsAutomation(s)) {
            CheckResult suspect = SensorSuspicion.answer(request, signals, now);
            if (suspect != null) {
                return suspect;
            }
        }
        ChallengePass pass = ChallengePass.of(request, now, passWindowSeconds);
        StoredDecision[] spared = new StoredDecision[1];
        Optional<StoredDecision> decided = store.find(ListKind.DECISION, s, only, d -> {
            if (!Qualifiers.hold(d, s, established)) {
                return false;
            }
            if (pass.sparesDecision(d, now)) {
                spared[0] = spared[0] == null ? d : spared[0];
                return false;
            }
            return true;
        });
        if (decided.isPresent()) {
            return fromDecision(decided.get(), now);
        }
        if (only == null) {
            Optional<CheckResult> byRule = byRule(request, ua, pass, now);
            if (byRule.isPresent()) {
                return byRule.get();
            }
        }
        if (spared[0] != null) {
            StoredDecision d = spared[0];
            return new CheckResult(Action.ALLOW, Math.min(ttlFor(d, now), pass.ttlCap(now)),
                    "challenge passed; was: " + reasonOf(d, "decision"), d.id(), CheckResult.Basis.DECISION);
        }
        long ttl = bot instanceof GoodBotStatus.Pending ? Math.min(allowTtlSeconds, PENDING_TTL.toSeconds()) : allowTtlSeconds;
        return new CheckResult(Action.ALLOW, ttl, null, null, CheckResult.Basis.DEFAULT);
    }

    /** Whether the client is on the {@code allow-automation} list: the sensor's rules do not apply to it. */
    public boolean allowsAutomation(Subject subject) {
        return store.match(ListKind.ALLOW_AUTOMATION, subject).isPresent();
    }

    private Optional<CheckResult> byRule(CheckRequest request, UserAgentFacts.Facts ua, ChallengePass pass, long now) {
        RuleInput input = new RuleInput(request.method(), request.path(), request.userAgent(), request.ja4(),
                request.headers());
        Optional<RequestRule> rule = rules.firstMatch(input, ua.ruleUserAgentHolds());
        if (rule.isPresent() && rule.get().action() == Action.CHALLENGE && AlwaysServedPaths.contains(request)) {
            rule = rules.firstMatch(input, ua.ruleUserAgentHolds(), r -> r.action() != Action.CHALLENGE);
        }
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        RequestRule r = rule.get();
        return Optional.of(switch (r.action()) {
            case CHALLENGE -> pass.sparesRuleChallenge(now)
                    ? new CheckResult(Action.ALLOW, Math.min(allowTtlSeconds, pass.ttlCap(now)),
                            "challenge passed; was: " + r.reason(), null, CheckResult.Basis.REQUEST_RULE)
                    : new CheckResult(Action.CHALLENGE, 0, r.reason(), null, CheckResult.Basis.REQUEST_RULE);
            // A rule's block answers this request only: blockUntil = now, so the edge carries nothing in the cookie.
            case BLOCK -> new CheckResult(Action.BLOCK, 0, r.reason(), null, CheckResult.Basis.REQUEST_RULE, null, now);
            case MONITOR -> new CheckResult(Action.MONITOR, allowTtlSeconds, r.reason(), null, CheckResult.Basis.REQUEST_RULE);
            case ALLOW -> new CheckResult(Action.ALLOW, allowTtlSeconds, r.reason(), null, CheckResult.Basis.REQUEST_RULE);
        });
    }

    private CheckResult fromDecision(StoredDecision d, long now) {
        if (d.action() == Action.BLOCK) {
            long until = d.expiresAtEpochSecond();
            return new CheckResult(Action.BLOCK, ttlFor(d, now), reasonOf(d, "decision"), d.id(), CheckResult.Basis.DECISION,
                    d.scope().wireName(), until == 0 ? null : until);
        }
        return new CheckResult(d.action(), ttlFor(d, now), reasonOf(d, "decision"), d.id(), CheckResult.Basis.DECISION);
    }

    /** The scopes a request limits itself to (contract C1); unknown names are ignored. Null: no limit. */
    static Set<Scope> scopesOf(List<String> names) {
        if (names == null) {
            return null;
        }
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            Scope.fromWire(name).ifPresent(out::add);
        }
        return out;
    }

    private static Subject withCampaign(Subject s, String campaign) {
        return new Subject(s.ipBytes(), s.ip(), s.session(), s.ja4(), s.userAgent(), s.asn(), s.country(), campaign,
                s.method(), s.path());
    }

    /** Reuse of an answer never outlives the decision behind it, nor the configured allow TTL. */
    private long ttlFor(StoredDecision d, long now) {
        long expires = d.expiresAtEpochSecond();
        return expires == 0 ? allowTtlSeconds : Math.max(0, Math.min(allowTtlSeconds, expires - now));
    }

    private static String reasonOf(StoredDecision d, String kind) {
        return d.reason() != null ? d.reason() : kind + ":" + d.scope().wireName();
    }
}
