package io.edgeward.detection.rules;

import io.edgeward.detection.policy.Classification;
import io.edgeward.detection.topics.LogRecord;
import io.edgeward.detection.topics.RecordField;
import io.edgeward.edge.core.path.NormalisedPath;
import io.edgeward.edge.core.path.PathNormaliser;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a log record into a {@link RequestEvent} according to the policy's classification section. The path is
 * first put in the one normalised form the edge uses (edge-core {@link PathNormaliser}, lower-cased): a path an
 * origin resolves to a page is judged as that page, and a tricky spelling ({@code /login;.css}) is never an asset.
 * A request that accepts {@code application/json} (and not HTML) counts as an API call wherever it goes. One instance per
 * classification and stream thread: it remembers the verdict on recent user agents (few distinct ones carry most
 * traffic), so it is not thread-safe.
 */
public final class RequestClassifier {

    private static final int UA_CACHE = 4096;

    private final Classification c;
    private final Map<String, Boolean> automation = new HashMap<>();

    public RequestClassifier(Classification c) {
        this.c = c;
    }

    public Classification classification() {
        return c;
    }

    public RequestEvent classify(LogRecord r, long time) {
        return classified(r, time).event();
    }

    /** The event and the normalised path it was judged on (what routes and campaigns match against). */
    public Classified classified(LogRecord r, long time) {
        Set<RecordField> observed = RecordField.observedBy(r);
        NormalisedPath normalised = normalise(r.rawPath() != null ? r.rawPath() : r.path());
        String path = normalised.path();
        boolean post = "POST".equalsIgnoreCase(r.method());
        int status = r.status();
        int flags = 0;
        if (!normalised.tricky() && c.assetExtensions().contains(extension(path))) {
            flags |= Signals.ASSET;
        } else if (startsWithAny(path, c) || acceptsJsonOnly(r.accept())) {
            flags |= Signals.API;
        } else if (!post) {
            flags |= Signals.PAGE;
        }
        if (post && c.loginPaths().contains(path)) {
            flags |= Signals.LOGIN_ATTEMPT;
            if (c.loginFailureStatuses().contains(status)) {
                flags |= Signals.LOGIN_FAIL;
            }
        } else if (status == 404 || status == 403) {
            flags |= Signals.ERROR;
        }
        if (post && c.signupPaths().contains(path)) {
            flags |= Signals.SIGNUP;
        }
        if (post && c.paymentPaths().contains(path) && c.paymentFailureStatuses().contains(status)) {
            flags |= Signals.PAYMENT_FAIL;
        }
        if (post && c.cartAddPaths().contains(path)) {
            flags |= Signals.CART_ADD;
        }
        if (isProbe(path, c)) {
            flags |= Signals.PROBE;
        }
        // an absence counts only where the source could have seen the field
        if (!Signals.has(flags, Signals.ASSET) && (r.acceptLanguage() == null || r.acceptLanguage().isBlank())
                && observed.contains(RecordField.ACCEPT_LANGUAGE)) {
            flags |= Signals.NO_ACCEPT_LANGUAGE;
        }
        if (isAutomation(r.userAgent(), observed.contains(RecordField.USER_AGENT))) {
            flags |= Signals.AUTOMATION_UA;
        }
        int slash = path.lastIndexOf('/');
        int id = numericId(path, slash + 1);
        int idPrefix = 0;
        if (id >= 0) {
            flags |= Signals.NUMERIC_ID;
            idPrefix = path.substring(0, slash + 1).hashCode();
        }
        return new Classified(new RequestEvent(time, flags, path.hashCode(), idPrefix, Math.max(id, 0)), path,
                id >= 0 ? path.substring(0, slash + 1) : path, observed);
    }

    /**
     * A classified request: its event, its normalised path (lower case, no query, no trailing slash), and its
     * pattern (the path, or for a path ending in a number the prefix before it: {@code /products/}), and the
     * record fields its source can see.
     */
    public record Classified(RequestEvent event, String path, String pattern, Set<RecordField> observed) {
    }

    /** Normalised (edge-core), lower-cased, without query or trailing slash. */
    static NormalisedPath normalise(String raw) {
        int q = raw.indexOf('?');
        NormalisedPath n = PathNormaliser.normalise(q >= 0 ? raw.substring(0, q) : raw, true);
        String p = n.path();
        return p.length() > 1 && p.endsWith("/") ? new NormalisedPath(p.substring(0, p.length() - 1), n.tricky()) : n;
    }

    private static boolean acceptsJsonOnly(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(dot + 1) : "";
    }

    private static boolean startsWithAny(String path, Classification c) {
        for (String prefix : c.apiPathPrefixes()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProbe(String path, Classification c) {
        for (String probe : c.probePaths()) {
            if (probe.endsWith("/") ? path.startsWith(probe) || path.equals(probe.substring(0, probe.length() - 1))
                    : path.equals(probe)) {
                return true;
            }
        }
        return false;
    }

    private boolean isAutomation(String userAgent, boolean userAgentObserved) {
        if (userAgent == null || userAgent.isBlank()) {
            return userAgentObserved;
        }
        Boolean known = automation.get(userAgent);
        if (known == null) {
            if (automation.size() >= UA_CACHE) {
                automation.clear();
            }
            known = matchesAutomation(userAgent, c);
            automation.put(userAgent, known);
        }
        return known;
    }

    private static boolean matchesAutomation(String userAgent, Classification c) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String marker : c.automationUserAgents()) {
            if (ua.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** The number a path ends with (at most 9 digits), or -1. */
    private static int numericId(String path, int from) {
        int length = path.length() - from;
        if (length < 1 || length > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < path.length(); i++) {
            char ch = path.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
