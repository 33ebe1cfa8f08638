package io.edgeward.edge.core.event;

/** One CloudFront header value: {@code key} keeps the viewer's spelling, the map name is lowercase. */
public record HeaderEntry(String key, String value) {

    public HeaderEntry {
        if (key == null || value == null) {
            throw new IllegalArgumentException("header key and value must not be null");
        }
    }
}
