package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.port.HttpCallback;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A relayed call's answer turned into one {@link EdgeResult}: handled once whatever the HTTP port does (a port may
 * report a response and then a failure, or call twice), and a fault in turning it into a result lets the request
 * through instead of escaping to CloudFront.
 */
public final class AnsweredOnce implements HttpCallback {

    private final String faultLabel;
    private final BiFunction<Integer, String, EdgeResult> onResponse;
    private final Function<String, EdgeResult> onFailure;
    private final Consumer<EdgeResult> done;
    private boolean called;

    /** {@code faultLabel} starts the pass-through reason of a fault, e.g. {@code "sensor report fault: "}. */
    public AnsweredOnce(String faultLabel, BiFunction<Integer, String, EdgeResult> onResponse,
                        Function<String, EdgeResult> onFailure, Consumer<EdgeResult> done) {
        this.faultLabel = faultLabel;
        this.onResponse = onResponse;
        this.onFailure = onFailure;
        this.done = done;
    }

    @Override
    public void onResponse(int status, String body) {
        if (claim()) {
            finish(() -> onResponse.apply(status, body));
        }
    }

    @Override
    public void onFailure(String reason) {
        if (claim()) {
            finish(() -> onFailure.apply(reason == null ? "failure" : reason));
        }
    }

    private void finish(Supplier<EdgeResult> outcome) {
        EdgeResult result;
        try {
            result = outcome.get();
        } catch (RuntimeException fault) {
            result = new EdgeResult.Passthrough(faultLabel + fault);
        }
        done.accept(result);
    }

    private synchronized boolean claim() {
        if (called) {
            return false;
        }
        called = true;
        return true;
    }
}
