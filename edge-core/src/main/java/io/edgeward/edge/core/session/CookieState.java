package io.edgeward.edge.core.session;

/** What the edge made of the session cookie (docs/contracts.md {@code cookieState}). Only VALID skips the check. */
public enum CookieState {
    VALID("valid"), STALE("stale"), NONE("none"), TAMPERED("tampered"), EXPIRED("expired"),
    FOREIGN_KEY("foreign_key"), UNBOUND("unbound"), MALFORMED("malformed");

    private final String wire;

    CookieState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** A session the edge can keep using (VALID or STALE); every other state counts as no cookie. */
    public boolean usable() {
        return this == VALID || this == STALE;
    }
}
