package io.edgeward.console.auth;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One signed-in operator. The CSRF token is per session; the flash is a one-shot message shown after a redirect.
 */
public final class ConsoleSession {

    private final String csrfToken;
    private final Instant createdAt;
    private volatile Instant lastSeen;
    private final AtomicReference<Flash> flash = new AtomicReference<>();

    ConsoleSession(String csrfToken, Instant createdAt) {
        this.csrfToken = csrfToken;
        this.createdAt = createdAt;
        this.lastSeen = createdAt;
    }

    public String csrfToken() {
        return csrfToken;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    public void flash(Flash message) {
        flash.set(message);
    }

    /** The flash set by the last action, once; null when there is none. */
    public Flash takeFlash() {
        return flash.getAndSet(null);
    }

    /** A message for the next page: {@code ok} after a successful action, else a warning. */
    public record Flash(boolean ok, String text) {
    }
}
