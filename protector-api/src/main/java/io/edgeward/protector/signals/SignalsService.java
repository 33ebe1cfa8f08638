package io.edgeward.protector.signals;

import io.edgeward.protector.decision.DecisionStore;
import io.edgeward.protector.decision.ListKind;
import io.edgeward.protector.decision.Subject;
import io.edgeward.protector.nonces.SpentNonces;
import java.time.Clock;
import java.time.Instant;

/**
 * Scores browser sensor reports (docs/browser-signals.md). A report is refused ({@link Refused}) when it is
 * {@code malformed}, {@code stale} (its nonce expired) or {@code replayed} (its nonce already spent on this instance);
 * otherwise its nonce is spent and it gets a {@link Verdict}: {@code exempt} for an allowlisted client or one on the
 * {@code allow-automation} list, else what {@link SignalScorer} makes of it.
 *
 * <p>Spent sensor nonces are kept apart from challenge nonces (a sensor nonce costs an attacker nothing to obtain, so
 * they must not push spent challenge nonces out) and on this instance only: behind several Protector instances, a
 * report can be replayed once per instance within the nonce's lifetime (docs/browser-signals.md "What can still be
 * forged").
 */
public final class SignalsService {

    public static final String MALFORMED = "malformed";
    public static final String STALE = "stale";
    public static final String REPLAYED = "replayed";

    private final SignalScorer scorer;
    private final SignalSettings settings;
    private final DecisionStore store;
    private final SpentNonces spent;
    private final Clock clock;

    public SignalsService(SignalSettings settings, DecisionStore store, Clock clock) {
        this.settings = settings;
        this.scorer = new SignalScorer(settings);
        this.store = store;
        this.spent = new SpentNonces(settings.spentNonceLimit(), clock);
        this.clock = clock;
    }

    /** @throws Refused with the reason ({@link #MALFORMED}, {@link #STALE}, {@link #REPLAYED}) */
    public Verdict score(SignalsRequest request) {
        if (request == null || request.sessionId() == null || request.sessionId().isEmpty()) {
            throw new Refused(MALFORMED, "sessionId is required");
        }
        if (request.nonce() == null || request.nonce().isEmpty()
                || request.nonce().length() > SpentNonces.MAX_NONCE_CHARS - 2 || request.nonceExpiresAt() == null) {
            throw new Refused(MALFORMED, "nonce and nonceExpiresAt are required");
        }
        Report report;
        try {
            report = Report.of(request.signals());
        } catch (Report.Malformed malformed) {
            throw new Refused(MALFORMED, malformed.getMessage());
        }
        Instant expires = Instant.ofEpochSecond(request.nonceExpiresAt());
        if (!expires.isAfter(clock.instant())) {
            throw new Refused(STALE, "the nonce expired at " + expires);
        }
        if (!spent.claim("s:" + request.nonce(), expires)) {
            throw new Refused(REPLAYED, "this nonce was already reported");
        }
        int quiet = request.quietReports() == null ? 0 : request.quietReports();
        if (exempt(request)) {
            return new Verdict(Verdict.EXEMPT, "allowed", settings.exemptTtl().toSeconds(), 0);
        }
        return scorer.score(report, request.userAgent(), request.secChUa(), quiet);
    }

    private boolean exempt(SignalsRequest request) {
        Subject subject = Subject.of(request.clientIp(), request.sessionId(), null, request.userAgent(), null, null);
        return store.match(ListKind.ALLOWLIST, subject).isPresent()
                || store.match(ListKind.ALLOW_AUTOMATION, subject).isPresent();
    }

    public void purgeExpired() {
        spent.purgeExpired();
    }

    public int spentNonces() {
        return spent.size();
    }

    /** A report refused with a stable {@code reason}. */
    public static final class Refused extends RuntimeException {
        private final String reason;

        Refused(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
