package io.edgeward.console.figures;

/** What the overview ranks. Rules come from detections; the others from log records. */
public enum Dimension {
    RULE("Rules"), ADDRESS("Addresses"), NETWORK("Networks"), USER_AGENT("User agents"), PATH("Paths"),
    COUNTRY("Countries");

    private final String title;

    Dimension(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
