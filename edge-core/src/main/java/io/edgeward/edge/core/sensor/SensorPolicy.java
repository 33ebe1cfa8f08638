package io.edgeward.edge.core.sensor;

import io.edgeward.edge.core.config.SensorConfig;
import io.edgeward.edge.core.decision.ViewerRequest;
import io.edgeward.edge.core.response.Html;
import io.edgeward.edge.core.session.SensorState;
import io.edgeward.edge.core.session.Session;

/**
 * What the sensor claims of a session mean for its requests, decided from the cookie alone, so a visitor in good
 * standing costs no call (docs/browser-signals.md "Policy"):
 * <ul>
 *   <li>a session is <em>suspect</em> ({@link #suspect}) when its live verdict is {@code automation} and no challenge
 *       was passed since, or, where every page carries the tag ({@code sensor.expected}), when it loaded
 *       {@code sensor.pagesWithoutReport} HTML pages without one report. A suspect session is checked by Protector on
 *       every request, which answers by its policy (challenge, block on repeat, or allow for exempt clients);</li>
 *   <li>a session counts its HTML pages while it owes a report ({@link #pageLoaded}).</li>
 * </ul>
 */
public final class SensorPolicy {

    public static final String SUSPECT_AUTOMATION = "automation";
    public static final String SUSPECT_MISSING = "missing";

    private final SensorConfig config;

    public SensorPolicy(SensorConfig config) {
        this.config = config;
    }

    /**
     * Whether the script should report: no verdict holds, or the automation verdict it holds was answered by a passed
     * challenge (the browser gets a new chance to show what it is).
     */
    public static boolean owesReport(Session session, long nowSeconds) {
        SensorState sensor = session.sensor();
        if (!sensor.settledAt(nowSeconds)) {
            return true;
        }
        return SensorState.AUTOMATION.equals(sensor.verdict()) && sensor.at() <= session.challengePassedAt();
    }

    /** {@link #SUSPECT_AUTOMATION}, {@link #SUSPECT_MISSING} or null. */
    public String suspect(Session session, long nowSeconds) {
        if (!config.enabled() || session == null) {
            return null;
        }
        SensorState sensor = session.sensor();
        if (sensor.is(SensorState.EXEMPT, nowSeconds)) {
            return null;
        }
        if (sensor.is(SensorState.AUTOMATION, nowSeconds) && sensor.at() > session.challengePassedAt()) {
            return SUSPECT_AUTOMATION;
        }
        if (config.expected() && owesReport(session, nowSeconds)
                && sensor.pagesWithoutReport() >= config.pagesWithoutReport()) {
            return SUSPECT_MISSING;
        }
        return null;
    }

    /** The session with this request counted, when it is an HTML page of a session that owes a report. */
    public Session pageLoaded(Session session, ViewerRequest viewer, long nowSeconds) {
        if (!config.enabled() || !config.expected() || session == null || !isHtmlPage(viewer)
                || session.sensor().is(SensorState.EXEMPT, nowSeconds) || !owesReport(session, nowSeconds)) {
            return session;
        }
        return session.withSensor(session.sensor().pageLoaded());
    }

    /**
     * A page load: a GET navigation ({@code Sec-Fetch-Dest: document}) or, from a browser that does not send fetch
     * metadata, a GET whose Accept names HTML. Frames, XHR and assets are not pages.
     */
    static boolean isHtmlPage(ViewerRequest viewer) {
        if (!"GET".equals(viewer.method())) {
            return false;
        }
        String dest = viewer.request().header("sec-fetch-dest");
        return dest != null ? "document".equals(dest) : Html.wantedBy(viewer.accept());
    }
}
