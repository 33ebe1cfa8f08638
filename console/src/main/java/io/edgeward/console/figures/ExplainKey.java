package io.edgeward.console.figures;

/** What to explain: a session id, a client address or a request id, as typed (trimmed). */
public record ExplainKey(Kind kind, String value) {

    public enum Kind { SESSION, ADDRESS, REQUEST }

    public ExplainKey {
        if (kind == null || value == null || value.isBlank()) {
            throw new IllegalArgumentException("an explain key needs a kind and a value");
        }
        value = value.strip();
    }
}
