package io.edgeward.edge.node;

import io.edgeward.edge.core.port.EdgeClock;
import io.edgeward.edge.core.port.EdgeLog;
import org.teavm.jso.JSBody;

/** {@code Date.now()} and the console, which Lambda@Edge sends to CloudWatch Logs in the serving region. */
public final class NodeClockAndLog implements EdgeClock, EdgeLog {

    @Override
    public long nowMillis() {
        return (long) now();
    }

    @Override
    public void info(String message) {
        log(message);
    }

    @Override
    public void warn(String message) {
        warnLog(message);
    }

    @JSBody(script = "return Date.now();")
    private static native double now();

    @JSBody(params = "m", script = "console.log(m);")
    private static native void log(String m);

    @JSBody(params = "m", script = "console.warn(m);")
    private static native void warnLog(String m);
}
