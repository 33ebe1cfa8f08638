package io.edgeward.edge.node;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.OriginRequestPolicy;
import io.edgeward.edge.core.event.CfEvent;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.function.JSConsumer;

/**
 * The origin-request function as Lambda@Edge runs it (docs/edge.md "Origin-request association"):
 * {@code exports.handler(event)} returning a promise of the request or a generated block/challenge. Same bundled
 * configuration as the viewer-request function. The promise always resolves: on any fault, a missing configuration,
 * or no decision within the Protector budget plus a grace period, with the request as received (its x-edgeward-*
 * headers are our viewer-request function's marks here, and are kept).
 */
public final class OriginRequestMain {

    /** Beyond Protector's own budget, how long to wait before failing open regardless. */
    private static final int GRACE_MILLIS = 1000;

    private static NodePorts node;
    private static OriginRequestPolicy policy;
    private static LazyGeneratedResponseLog generatedLog;
    private static int waitMillis;

    private OriginRequestMain() {
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
                    "edgeward: no origin-request decision within " + waitMillis
                            + " ms, request passed"));
        } catch (Throwable e) {
            warn("edgeward: origin request passed unchanged after a fault: " + e);
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
        node.clockAndLog.warn("edgeward: origin request passed unchanged: "
                + ((EdgeResult.Passthrough) result).reason());
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
            policy = new OriginRequestPolicy(config, node.ports,
                    new NodeTokenCodec(config.cookie().keys(), config.cookie().signingKey(), node.json),
                    generatedLog);
            waitMillis = (int) config.protector().timeoutMillis() + GRACE_MILLIS;
        } catch (RuntimeException e) {
            node.clockAndLog.warn("edgeward: edge configuration unusable, passing every request through unchecked: "
                    + e.getMessage());
        }
    }

    /** The event's request as received. Written in JavaScript because it must work when the Java side cannot. */
    @JSBody(params = "event", script = "try { return event.Records[0].cf.request || {}; } catch (e) { return {}; }")
    static native JSObject requestOf(JSObject event);

    @JSBody(params = "message", script = "console.warn(message);")
    static native void warn(String message);
}
