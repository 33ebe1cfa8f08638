package io.edgeward.detection.policy;

import java.time.Duration;

/** A validated {@link Budget}: its position in the policy (its counter slot), its parsed route and its scope. */
public record RateBudget(int index, Route route, Per per, int limit, Duration window, Action action,
                         Duration duration) {

    /** Who a budget counts for, and the decision scope its detections take. */
    public enum Per {
        SESSION("session", "session"), ADDRESS("address", "ip"), NETWORK("network", "cidr");

        private final String key;
        private final String scope;

        Per(String key, String scope) {
            this.key = key;
            this.scope = scope;
        }

        public String key() {
            return key;
        }

        public String scope() {
            return scope;
        }

        static Per fromKey(String key) {
            for (Per per : values()) {
                if (per.key.equals(key)) {
                    return per;
                }
            }
            return null;
        }
    }

    /** {@code rate.route:/api/ 60/min per session exceeded (91)}. */
    public String reason(int count) {
        return RuleName.RATE_ROUTE.key() + ":" + route.display() + " " + limit + "/" + unit(window) + " per "
                + per.key() + " exceeded (" + count + ")";
    }

    /** A stamp of what the counter slot counts: a reload that changes the budget starts its counters afresh. */
    public int stamp() {
        return (route.wire() + "|" + per + "|" + window).hashCode();
    }

    private static String unit(Duration window) {
        long s = window.toSeconds();
        if (s == 60 && window.toNanosPart() == 0) {
            return "min";
        }
        if (s == 3600) {
            return "h";
        }
        return s + "s";
    }
}
