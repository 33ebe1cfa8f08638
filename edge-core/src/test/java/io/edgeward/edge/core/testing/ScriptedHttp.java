package io.edgeward.edge.core.testing;

import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.HttpCallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EdgeHttp that answers synchronously with a scripted status and body, or a failure; records each call. */
public final class ScriptedHttp implements EdgeHttp {

    public record Call(String url, Map<String, String> headers, String body, int timeoutMillis) {
    }

    private final List<Call> calls = new ArrayList<>();
    private int status = 200;
    private String body = "{\"action\":\"allow\",\"ttl\":60,\"reason\":null,\"decisionId\":null}";
    private String failure;

    public ScriptedHttp answer(int newStatus, String newBody) {
        this.status = newStatus;
        this.body = newBody;
        this.failure = null;
        return this;
    }

    public ScriptedHttp fail(String reason) {
        this.failure = reason;
        return this;
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    public void post(String url, Map<String, String> headers, String requestBody, int timeoutMillis,
                     HttpCallback callback) {
        calls.add(new Call(url, headers, requestBody, timeoutMillis));
        if (failure != null) {
            callback.onFailure(failure);
        } else {
            callback.onResponse(status, body);
        }
    }
}
