package io.edgeward.edge.core.sensor;

/**
 * Why a sensor report was refused: the stable words of the {@code reason} field, the log record and the counters
 * (docs/browser-signals.md "Forgery resistance"). Protector's {@code replayed} and {@code malformed} arrive as its
 * {@code error}.
 */
public final class SensorRejection {

    /** Not a report: no JSON object, no nonce, a nonce that is not ours in shape, a body too large. */
    public static final String MALFORMED = "malformed";
    /** A nonce whose signature does not verify with any of the edge's keys. */
    public static final String FORGED = "forged";
    /** A nonce older than {@code sensor.nonceLifetime} (or from the future). */
    public static final String STALE = "stale";
    /** A nonce issued to another session than the one of the cookie the report came with. */
    public static final String FOREIGN_SESSION = "foreign-session";
    /** No usable session cookie came with the report. */
    public static final String NO_SESSION = "no-session";
    /** Posted from another site (Sec-Fetch-Site: cross-site). */
    public static final String CROSS_SITE = "cross-site";
    /** A nonce already spent (said by Protector). */
    public static final String REPLAYED = "replayed";

    private SensorRejection() {
    }
}
