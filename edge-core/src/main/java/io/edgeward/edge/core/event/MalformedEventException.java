package io.edgeward.edge.core.event;

/** The input is not a Lambda@Edge event at all (no {@code Records[0].cf.request} object). */
public final class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message) {
        super(message);
    }
}
