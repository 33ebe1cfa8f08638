package io.edgeward.edge.node;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.event.CfEvent;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/**
 * The viewer-request function as Lambda@Edge runs it: {@code exports.handler(event)} returning a promise of the
 * request (possibly modified) or a generated response. The promise always resolves: on any fault, a missing
 * configuration, or no decision within the Protector budget plus a grace period, it resolves with the request as
 * received.
 */
public final class ViewerRequestMain {

    /** Beyond Protector's own budget, how long to wait before failing open regardless. */
    private static final int GRACE_MILLIS = 1000;

    private static NodePorts node;
    private static ViewerPolicy policy;
    private static LazyGeneratedResponseLog generatedLog;
    private static int waitMillis;

    private ViewerRequestMain() {
    }

    public static void main(String[] args) {
        // Lambda calls the exported handler; nothing runs at module load.
    }

    @JSExport
    public static JSPromise<JSObject> handler(JSObject event) {
        return new JSPromise<>((resolve, reject) -> handle(event, resolve));
    }

    private static void handle(JSObject event, JSConsumer<JSObject> resolve) {
        JSObject original = requestOf(event);
        try {
            ensureStarted();
            if (policy == null) {
                resolve.accept(original);
                return;
            }
            generatedLog.flushDue();
            Map<String, Object> root = node.json.objectFromJs(event);
            FailOpenRace race = new FailOpenRace(resolve);
            policy.handle(CfEvent.fromJson(root), result -> race.resolve(toJs(result, original)));
            race.failOpenAfter(waitMillis, original, () -> node.clockAndLog.warn(
                    "edgeward: no decision within " + waitMillis + " ms, request passed"));
        } catch (Throwable e) {
            warn("edgeward: request passed unchanged after a fault: " + e);
            resolve.accept(original);
        }
    }

    private static JSObject toJs(EdgeResult result, JSObject original) {
        if (result instanceof EdgeResult.Forward forward) {
            return node.json.toJs(forward.request().toJson());
        }
        if (result instanceof EdgeResult.Respond respond) {
            return node.json.toJs(respond.response().toJson());
        }
        node.clockAndLog.warn("edgeward: request passed unchanged: " + ((EdgeResult.Passthrough) result).reason());
        return original;
    }

    private static void ensureStarted() {
        if (node != null) {
            return;
        }
        node = new NodePorts();
        try {
            EdgeConfig config = node.loadConfig();
            generatedLog = new LazyGeneratedResponseLog(node, config);
            policy = new ViewerPolicy(config, node.ports,
                    new NodeTokenCodec(config.cookie().keys(), config.cookie().signingKey(), node.json),
                    generatedLog);
            // A challenge verification may wait longer than a check; the race must not cut it short.
            waitMillis = (int) Math.max(config.protector().timeoutMillis(), config.challenge().verifyTimeoutMillis())
                    + GRACE_MILLIS;
        } catch (RuntimeException e) {
            node.clockAndLog.warn("edgeward: edge configuration unusable, passing every request through unchecked: "
                    + e.getMessage());
        }
    }

    /**
     * The event's request as received, minus any x-edgeward-* headers the viewer sent: even when failing open, the
     * origin and the log shipper must not take a viewer's own marks for ours (as the JVM target's passthrough).
     * Written in JavaScript because it must work when the Java side cannot.
     */
    @JSBody(params = "event", script = "try { var r = event.Records[0].cf.request || {}; var h = r.headers;"
            + " if (h && typeof h === 'object') { Object.keys(h).forEach(function (k) {"
            + " if (String(k).toLowerCase().indexOf('x-edgeward-') === 0) { delete h[k]; } }); }"
            + " return r; } catch (e) { return {}; }")
    static native JSObject requestOf(JSObject event);

    @JSBody(params = "message", script = "console.warn(message);")
    static native void warn(String message);
}
