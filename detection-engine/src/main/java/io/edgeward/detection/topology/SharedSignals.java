package io.edgeward.detection.topology;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.Route;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.policy.RuleSettings;
import io.edgeward.detection.rules.RequestClassifier;
import io.edgeward.detection.rules.RequestEvent;
import io.edgeward.detection.rules.Signals;
import io.edgeward.detection.topics.LogRecord;
import io.edgeward.edge.core.campaign.CampaignKey;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The signals the actor processor sends to the cross-address rules, keyed by what stays the same when the address
 * changes. Campaign state is keyed by the campaign key without header names (user agent, Accept-Language, JA4), so
 * that a person's sessionless page request and the asset request that brings the cookie back land on one key
 * although their header names differ; each sessionless request carries its full campaign key (C6) and route, which
 * a campaign decision names.
 */
final class SharedSignals {

    private final ProcessorContext<String, Emission> context;
    private final Sha256 digest = new Sha256();

    SharedSignals(ProcessorContext<String, Emission> context) {
        this.context = context;
    }

    /** A page or API request without a session, from the edge: counted under its campaign. */
    void sessionless(LogRecord r, RequestClassifier.Classified c, DetectionPolicy p, long now) {
        if (p.rule(RuleName.CAMPAIGN_SESSIONLESS) == null) {
            return;
        }
        String campaign = CampaignKey.of(r.userAgent(), r.headerNames(), r.acceptLanguage(), r.ja4(), digest);
        String route = campaign + " " + r.method().toUpperCase(java.util.Locale.ROOT) + " " + c.pattern();
        forward("campaign|" + coarseKey(r), new Signal(r.clientIp(), now, Signals.COOKIE_NEW, route), now);
    }

    /** A session came back with its cookie for the first time: people of this campaign take cookies. */
    void returned(LogRecord r, long now) {
        if (r.fromEdge()) {
            forward("campaign|" + coarseKey(r), new Signal(r.clientIp(), now, Signals.RETURNED, null), now);
        }
    }

    /** A request without an established session on a route watched for surges. */
    void surge(LogRecord r, RequestClassifier.Classified c, DetectionPolicy p, long now) {
        List<Route> routes = p.surgeRoutes();
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).matches(r.method(), c.path())) {
                forward("route|" + routes.get(i).wire(), new Signal(r.clientIp(), now, 0, null), now);
            }
        }
    }

    /** A login attempt, under the JA4, user agent and network of its client, carrying its route. */
    void login(LogRecord r, RequestClassifier.Classified c, RequestEvent event, DetectionPolicy p, long now) {
        RuleSettings rule = p.rule(RuleName.CREDENTIAL_STUFFING_DISTRIBUTED);
        if (rule == null) {
            return;
        }
        Signal signal = new Signal(r.clientIp(), now, event.flags() & (Signals.LOGIN_ATTEMPT | Signals.LOGIN_FAIL),
                "POST " + c.path());
        if (rule.scopes().contains("ja4") && r.ja4() != null && !r.ja4().isBlank()) {
            forward("ja4|" + r.ja4(), signal, now);
        }
        if (rule.scopes().contains("user_agent") && r.userAgent() != null && !r.userAgent().isBlank()) {
            forward("user_agent|" + r.userAgent(), signal, now);
        }
        if (rule.scopes().contains("cidr")) {
            String network = NetworkScope.of(r.clientIp());
            if (network != null) {
                forward("cidr|" + network, signal, now);
            }
        }
    }

    /** The attributes of a well-behaved session, for the blast-radius estimate. */
    GoodSession goodSession(LogRecord r, long now) {
        String campaign = CampaignKey.of(r.userAgent(), r.headerNames(), r.acceptLanguage(), r.ja4(), digest);
        return new GoodSession(r.sessionId().hashCode(), now, GoodSession.hash(r.userAgent()),
                GoodSession.hash(r.ja4()), GoodSession.hash(NetworkScope.of(r.clientIp())), GoodSession.hash(r.asn()),
                GoodSession.hash(r.country()), GoodSession.hash(campaign));
    }

    private String coarseKey(LogRecord r) {
        return CampaignKey.of(r.userAgent(), null, r.acceptLanguage(), r.ja4(), digest);
    }

    private void forward(String key, Signal signal, long now) {
        context.forward(new Record<>(key, new Emission.Crossed(signal), now));
    }
}
