package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.HttpCallback;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code "scopes":[…]} (docs/contracts.md C1) to every check body it posts, so the origin-request function
 * reuses {@link io.edgeward.edge.core.protector.ProtectorClient} (its budget, breaker and answer parsing) as is.
 * The body is the JSON object the client just wrote; it is spliced, not parsed again.
 */
final class ScopedCheckHttp implements EdgeHttp {

    private final EdgeHttp delegate;
    private final String scopesMember;

    ScopedCheckHttp(EdgeHttp delegate, List<String> scopes) {
        this.delegate = delegate;
        StringBuilder member = new StringBuilder("\"scopes\":[");
        for (int i = 0; i < scopes.size(); i++) {
            member.append(i == 0 ? "\"" : ",\"").append(scopes.get(i)).append('"');
        }
        this.scopesMember = member.append(']').toString();
    }

    @Override
    public void post(String url, Map<String, String> headers, String body, int timeoutMillis,
                     HttpCallback callback) {
        delegate.post(url, headers, scoped(body), timeoutMillis, callback);
    }

    String scoped(String body) {
        if (body == null || !body.startsWith("{")) {
            return body;
        }
        String rest = body.substring(1).trim();
        return "{" + scopesMember + (rest.startsWith("}") ? "" : ",") + rest;
    }
}
