package io.edgeward.ingest.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The one error shape of every endpoint: {@code {"error": …, "detail": …}} plus optional extension fields. */
public final class ProblemBody {

    private ProblemBody() {
    }

    public static Map<String, Object> of(String error, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        body.putAll(extensions);
        return body;
    }
}
