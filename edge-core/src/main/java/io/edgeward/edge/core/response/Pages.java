package io.edgeward.edge.core.response;

/** The small built-in pages; arguments arrive HTML-escaped. The challenge page is rendered in challenge/. */
final class Pages {

    private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            + "<meta name=\"robots\" content=\"noindex\"><title>";
    private static final String STYLE = "</title><style>body{font-family:system-ui,sans-serif;max-width:36em;"
            + "margin:4em auto;padding:0 1em;color:#222}small{color:#777}</style></head><body>";

    private Pages() {
    }

    static String block(String requestId) {
        return HEAD + "Access denied" + STYLE
                + "<h1>Access denied</h1><p>This request was blocked by the site's bot protection.</p>"
                + "<p>If you think this is a mistake, contact the site and quote this reference.</p>"
                + "<p><small>Reference: " + requestId + "</small></p></body></html>";
    }
}
