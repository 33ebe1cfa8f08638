package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.decision.Decision;
import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.RouteSpec;
import io.edgeward.protector.decision.Scope;
import io.edgeward.protector.decision.ScopeValues;
import io.edgeward.protector.goodbots.GoodBotSettings;
import io.edgeward.protector.goodbots.GoodBotVerifier;
import io.edgeward.protector.policy.Policy;
import io.edgeward.protector.policy.PolicyLoader;
import io.edgeward.protector.support.FakeDns;
import io.edgeward.testing.TestClock;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.time.Instant;

/** A CheckService on the shipped default policy, an in-memory store, a fake DNS and a clock moved by hand. */
abstract class CheckFixture {

    final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    final DecisionStore store = new DecisionStore(clock);
    final FakeDns dns = new FakeDns();
    final Policy policy = PolicyLoader.loadDefault();
    final GoodBotVerifier goodBots = new GoodBotVerifier(policy.goodBots(), dns, clock, GoodBotSettings.defaults());
    final CheckService service = new CheckService(store, goodBots, policy.requestRules(), clock, Duration.ofSeconds(60),
            new CheckSettings(java.time.Duration.ofMinutes(30), 2, java.time.Duration.ofSeconds(15)));
    private int ids;

    @AfterEach
    void stopVerifier() {
        goodBots.close();
    }

    Instant now() {
        return clock.instant();
    }

    CheckResult check(Visitor v) {
        return service.check(v.request());
    }

    Decision decide(Scope scope, String value, Action action, String source, boolean sessionless, String route) {
        Decision d = new Decision("id" + (++ids), ListKind.DECISION, scope, ScopeValues.canonical(scope, value), action,
                "because", source, clock.instant(), clock.instant().plus(Duration.ofHours(1)), sessionless,
                route == null ? null : RouteSpec.parse(route, "route"));
        store.put(d);
        return d;
    }

    Decision detection(Scope scope, String value, Action action) {
        return decide(scope, value, action, "detection:test", false, null);
    }

    Decision admin(Scope scope, String value, Action action) {
        return decide(scope, value, action, "admin", false, null);
    }
}
