package io.edgeward.console.web;

import io.edgeward.console.auth.ConsoleSession;

/**
 * What every signed-in page's frame shows: which nav entry is current, the CSRF token its forms carry, the flash
 * left by the last action, and whether the figures are ready.
 */
public record Chrome(String page, String title, String csrf, ConsoleSession.Flash flash, boolean figuresReady) {

    public static Chrome of(String page, String title, ConsoleSession session, boolean figuresReady) {
        return new Chrome(page, title, session.csrfToken(), session.takeFlash(), figuresReady);
    }

    /** {@code "page"} for the current nav entry, for {@code aria-current}; null otherwise (attribute left out). */
    public String current(String entry) {
        return page.equals(entry) ? "page" : null;
    }
}
