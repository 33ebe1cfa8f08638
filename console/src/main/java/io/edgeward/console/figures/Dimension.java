package io.edgeward.console.figures;

/**
 * What the overview ranks. Rules come from detections; the others from log records, {@code REASON} being the reason
 * the edge recorded for its answer (a request-time rule's, a decision's), when it gave one.
 */
public enum Dimension {
    RULE("Rules"), ADDRESS("Addresses"), NETWORK("Networks"), USER_AGENT("User agents"), PATH("Paths"),
    COUNTRY("Countries"), REASON("Answer reasons");

    private final String title;

    Dimension(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
