package io.edgeward.console.figures.internal;

import java.time.Duration;

/**
 * The figures' window stores: names, keys and retentions. Retentions run a bucket past the longest period a page
 * asks for, so the oldest bucket of a day is still there. Each aggregate store has one key per window (the figure
 * is one value per bucket); the event stores are keyed by what is looked up and keep duplicates.
 */
public final class StoreNames {

    public static final String TRAFFIC = "figures-traffic-1m";
    public static final String TOP_MINUTE = "figures-top-1m";
    public static final String TOP_QUARTER = "figures-top-15m";
    public static final String RULES = "figures-rules-1m";
    public static final String CHALLENGES = "figures-challenges-1m";
    public static final String REQUESTS_BY_ADDRESS = "figures-requests-by-address";
    public static final String REQUESTS_BY_SESSION = "figures-requests-by-session";
    public static final String REQUESTS_BY_ID = "figures-requests-by-id";
    public static final String DETECTIONS_RECENT = "figures-detections-recent";
    public static final String DETECTIONS_BY_VALUE = "figures-detections-by-value";
    public static final String CHALLENGE_EVENTS = "figures-challenge-events";

    /** The one key of each aggregate store. */
    public static final String TRAFFIC_KEY = "t";
    public static final String TOP_MINUTE_KEY = "m";
    public static final String TOP_QUARTER_KEY = "q";
    public static final String RULES_KEY = "r";
    public static final String CHALLENGES_KEY = "c";
    public static final String DETECTIONS_KEY = "d";

    public static final Duration MINUTE = Duration.ofMinutes(1);
    public static final Duration QUARTER = Duration.ofMinutes(15);
    /** Day figures and detections: a day and an hour. */
    public static final Duration DAY_RETENTION = Duration.ofHours(25);
    /** Hour figures and the requests explain shows: an hour and five minutes. */
    public static final Duration HOUR_RETENTION = Duration.ofMinutes(65);

    private StoreNames() {
    }
}
