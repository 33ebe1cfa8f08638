package io.edgeward.console.admin;

/** Protector could not be reached, timed out, or failed (5xx): nothing is known to have been written. */
public final class AdminUnavailable extends RuntimeException {

    public AdminUnavailable(String message) {
        super(message);
    }
}
