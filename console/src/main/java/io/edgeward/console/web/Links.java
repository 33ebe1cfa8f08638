package io.edgeward.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links built from values the console shows. The value is attacker-chosen (a session id, an address from a log
 * record), so it only ever fills a query parameter, URL-encoded, behind a fixed path: it cannot pick the scheme,
 * the host or the path.
 */
public final class Links {

    private Links() {
    }

    /** The explain page for a decision or detection scope, or null for scopes it cannot explain. */
    public static String explain(String scope, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String kind = switch (scope == null ? "" : scope) {
            case "ip" -> "address";
            case "session" -> "session";
            default -> null;
        };
        return kind == null ? null
                : "/console/explain?kind=" + kind + "&value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
