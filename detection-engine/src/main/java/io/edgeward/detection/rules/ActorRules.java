package io.edgeward.detection.rules;

import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.policy.RuleSettings;
import io.edgeward.detection.topics.RecordField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules judged on one actor's own requests (a session, or an address and user agent without a session).
 * Each rule runs only when the current request carries its trigger signal and the rule is not quiet for this
 * actor, so a request costs one pass over the window per triggered rule. A rule whose {@link RuleName#needs()
 * needed fields} the request's source cannot see does not run on it.
 */
public final class ActorRules {

    private static final int REQUEST = ~Signals.RETURNED;
    /**
     * pace.regular is for crawlers polite enough to pass the rate and scraping rules: faster machine pace is theirs
     * to judge, and a view's burst of fetches is not a pace.
     */
    private static final long POLITE_GAP_MILLIS = 5_000;

    private ActorRules() {
    }

    private static final Set<RecordField> EVERYTHING = EnumSet.allOf(RecordField.class);

    public static List<Finding> evaluate(ActorState s, RequestEvent e, DetectionPolicy p) {
        return evaluate(s, e, p, EVERYTHING);
    }

    /** @param observed the fields the triggering request's source can see */
    public static List<Finding> evaluate(ActorState s, RequestEvent e, DetectionPolicy p, Set<RecordField> observed) {
        List<Finding> found = new ArrayList<>(0);
        Gate gate = new Gate(found, s, p, observed);
        int f = e.flags();
        long now = e.time();
        if (Signals.has(f, Signals.PAGE)) {
            gate.check(RuleName.SCRAPING_NO_ASSETS, now, (w, r) -> {
                int pages = w.count(Signals.PAGE);
                int assets = w.count(Signals.ASSET);
                return pages >= r.threshold() && assets < r.ratio() * pages
                        ? found(r, RuleName.SCRAPING_NO_ASSETS, String.format(Locale.ROOT,
                        "%d pages in %s with %d assets (fewer than %.0f%% of pages): page crawling without loading"
                                + " assets", pages, r.window(), assets, r.ratio() * 100),
                        Map.of("pages", pages, "assets", assets)) : null;
            });
        }
        if (Signals.has(f, Signals.PAGE)) {
            gate.check(RuleName.PACE_REGULAR, now, (w, r) -> {
                double spread = w.gapSpread(Signals.PAGE);
                int pages = w.count(Signals.PAGE);
                return pages >= r.threshold() && spread <= r.ratio() && w.meanGap(Signals.PAGE) >= POLITE_GAP_MILLIS
                        ? found(r, RuleName.PACE_REGULAR, String.format(Locale.ROOT,
                        "%d pages in %s at an even pace (gaps vary by %.0f%% of their mean, at most %.0f%%): a timer,"
                                + " not a reader", pages, r.window(), spread * 100, r.ratio() * 100),
                        Map.of("pages", pages, "gapSpread", spread)) : null;
            });
        }
        if (Signals.has(f, Signals.PAGE | Signals.API)) {
            gate.check(RuleName.SCRAPING_BREADTH, now, (w, r) -> {
                int paths = w.distinctPaths(Signals.PAGE | Signals.API);
                return paths >= r.threshold() ? found(r, RuleName.SCRAPING_BREADTH,
                        paths + " distinct paths in " + r.window() + ": crawling breadth no visitor reads",
                        Map.of("distinctPaths", paths)) : null;
            });
        }
        if (Signals.has(f, Signals.NUMERIC_ID)) {
            gate.check(RuleName.SCRAPING_ENUMERATION, now, (w, r) -> {
                int run = w.longestIdRun(e.idPrefix());
                return run >= r.threshold() ? found(r, RuleName.SCRAPING_ENUMERATION,
                        run + " consecutive identifiers under one path in " + r.window()
                                + ": sequential identifier enumeration", Map.of("consecutiveIds", run)) : null;
            });
        }
        gate.counting(e, Signals.LOGIN_FAIL, RuleName.CREDENTIAL_STUFFING, "failed logins");
        gate.counting(e, Signals.PROBE, RuleName.SCANNING_PROBES, "requests for well-known probe paths");
        gate.counting(e, Signals.CART_ADD, RuleName.SCALPING_CART, "add-to-cart requests");
        gate.counting(e, Signals.SIGNUP, RuleName.ACCOUNT_CREATION, "sign-up requests");
        gate.counting(e, Signals.PAYMENT_FAIL, RuleName.CARDING, "failed payments");
        gate.counting(e, Signals.AUTOMATION_UA, RuleName.AUTOMATION_USER_AGENT,
                "requests with an automation or library user agent (or none)");
        if (Signals.has(f, Signals.ERROR)) {
            gate.check(RuleName.SCANNING_ERRORS, now, (w, r) -> {
                int errors = w.count(Signals.ERROR);
                int requests = w.count(REQUEST);
                return errors >= r.threshold() && errors >= r.ratio() * requests
                        ? found(r, RuleName.SCANNING_ERRORS, errors + " of " + requests + " requests in "
                        + r.window() + " answered 404 or 403: vulnerability scanning",
                        Map.of("errors", errors, "requests", requests)) : null;
            });
        }
        if (Signals.has(f, Signals.NO_ACCEPT_LANGUAGE)) {
            gate.check(RuleName.AUTOMATION_MISSING_HEADERS, now, (w, r) -> {
                int without = w.countExactly(Signals.NO_ACCEPT_LANGUAGE, Signals.ASSET | Signals.RETURNED);
                int with = w.countExactly(0, Signals.NO_ACCEPT_LANGUAGE | Signals.ASSET | Signals.RETURNED);
                return without >= r.threshold() && with == 0 ? found(r, RuleName.AUTOMATION_MISSING_HEADERS,
                        without + " requests in " + r.window() + " and none with accept-language: not a browser",
                        Map.of("withoutAcceptLanguage", without)) : null;
            });
        }
        if (Signals.has(f, Signals.COOKIE_NEW)) {
            gate.check(RuleName.COOKIE_REFUSAL, now, (w, r) -> {
                // a request counts as refused once its session had the grace period to come back: people
                // arriving together behind one address all start without a cookie
                long from = now - r.window().toMillis();
                int fresh = new EventWindow(s, from, now - r.graceOrDefault().toMillis()).count(Signals.COOKIE_NEW);
                int returned = w.count(Signals.RETURNED);
                return fresh >= r.threshold() && returned <= r.ratio() * fresh
                        ? found(r, RuleName.COOKIE_REFUSAL, fresh + " requests without our cookie in " + r.window()
                        + " and " + returned + " sessions came back: refuses cookies",
                        Map.of("requestsWithoutCookie", fresh, "sessionsReturned", returned)) : null;
            });
        }
        return found;
    }

    private interface Check {
        Finding apply(EventWindow window, RuleSettings settings);
    }

    /** Runs the rules the policy enables, the actor is not quiet on, and the request's source can judge. */
    private record Gate(List<Finding> out, ActorState s, DetectionPolicy p, Set<RecordField> observed) {

        void check(RuleName rule, long now, Check check) {
            RuleSettings settings = p.rule(rule);
            if (settings == null || !rule.runsOn(observed) || s.isQuiet(rule.ordinal(), now)) {
                return;
            }
            Finding finding = check.apply(new EventWindow(s, now - settings.window().toMillis(), now), settings);
            if (finding != null) {
                out.add(finding);
            }
        }

        void counting(RequestEvent e, int signal, RuleName rule, String what) {
            if (Signals.has(e.flags(), signal)) {
                check(rule, e.time(), (w, r) -> {
                    int n = w.count(signal);
                    return n >= r.threshold()
                            ? found(r, rule, n + " " + what + " in " + r.window(), Map.of("count", n)) : null;
                });
            }
        }
    }

    private static Finding found(RuleSettings r, RuleName rule, String reason, Map<String, Object> evidence) {
        return new Finding(rule, r.action(), r.duration(), reason, evidence);
    }
}
