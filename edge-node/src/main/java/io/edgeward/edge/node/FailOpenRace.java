package io.edgeward.edge.node;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.function.JSConsumer;

/**
 * Resolves a handler's promise exactly once: the policy's decision and the fail-open timer race, and the loser is
 * cancelled. Shared by every Node entry point, so each fails open the same way.
 */
final class FailOpenRace {

    private final JSConsumer<JSObject> resolve;
    private JSObject timer;
    private boolean done;

    FailOpenRace(JSConsumer<JSObject> resolve) {
        this.resolve = resolve;
    }

    /** Resolves with {@code value} unless already resolved; true when this call did it. */
    boolean resolve(JSObject value) {
        if (done) {
            return false;
        }
        done = true;
        if (timer != null) {
            clearTimeout(timer);
        }
        resolve.accept(value);
        return true;
    }

    /**
     * Unless the decision already came (most requests are settled before the handler returns, and need no timer),
     * resolves with {@code fallback} after {@code millis} and then runs {@code onTimeout}.
     */
    void failOpenAfter(int millis, JSObject fallback, Runnable onTimeout) {
        if (done) {
            return;
        }
        timer = setTimeout(() -> {
            if (resolve(fallback)) {
                onTimeout.run();
            }
        }, millis);
    }

    @JSFunctor
    interface Callback extends JSObject {
        void run();
    }

    /** An unref'd timer: it must never keep a Lambda environment or a node process busy. */
    @JSBody(params = {"callback", "millis"}, script = "var t = setTimeout(callback, millis);"
            + " if (t && t.unref) { t.unref(); } return t;")
    private static native JSObject setTimeout(Callback callback, int millis);

    @JSBody(params = "timer", script = "clearTimeout(timer);")
    private static native void clearTimeout(JSObject timer);
}
