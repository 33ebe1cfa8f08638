package io.edgeward.console.admin;

import java.util.Locale;

/** The lists the console manages through Protector's admin API, with their query value and path. */
public enum AdminList {
    DECISIONS("decisions", "Decisions"),
    ALLOWLIST("allowlist", "Allowlist");

    private final String wire;
    private final String title;

    AdminList(String wire, String title) {
        this.wire = wire;
        this.title = title;
    }

    /** The {@code list} query value and the admin API path segment. */
    public String wire() {
        return wire;
    }

    public String title() {
        return title;
    }

    /** {@code allowlist}, else decisions. */
    public static AdminList fromQuery(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).equals("allowlist") ? ALLOWLIST : DECISIONS;
    }
}
