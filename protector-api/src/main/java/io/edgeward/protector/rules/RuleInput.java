package io.edgeward.protector.rules;

import java.util.Map;

/** The parts of a check request the request-time rules look at. {@code headers} has lowercase names. */
public record RuleInput(String method, String path, String userAgent, String ja4, Map<String, String> headers) {

    public RuleInput {
        headers = headers == null ? Map.of() : headers;
    }

    String header(String lowercaseName) {
        String v = headers.get(lowercaseName);
        return v == null || v.isBlank() ? null : v;
    }
}
