package io.edgeward.console.pages;

import io.edgeward.console.admin.AdminList;
import io.edgeward.console.admin.NewEntry;
import io.javalin.http.Context;
import java.util.List;

/** The add form's fields as typed: kept and shown again when Protector refuses them, so nothing typed is lost. */
public record AddForm(AdminList list, String scope, String value, String action, String duration, String reason,
                      boolean sessionless, String route) {

    public static final List<String> SCOPES = List.of("ip", "cidr", "session", "user_agent", "ja4", "asn", "country",
            "campaign", "route");
    public static final List<String> ACTIONS = List.of("block", "challenge", "monitor");
    private static final int MAX_FIELD = 2_000;

    public static AddForm empty(AdminList list) {
        return new AddForm(list, "ip", "", list == AdminList.ALLOWLIST ? "allow" : "block",
                list == AdminList.ALLOWLIST ? "" : "PT1H", "", false, "");
    }

    /** From the add form's POST, or from a GET that prefills it (the detections page's Block buttons). */
    public static AddForm from(Context ctx, boolean post, AdminList list) {
        AddForm defaults = empty(list);
        return new AddForm(list,
                or(field(ctx, post, "scope"), defaults.scope()),
                or(field(ctx, post, "value"), ""),
                or(field(ctx, post, "action"), defaults.action()),
                post ? or(field(ctx, true, "duration"), "") : or(field(ctx, false, "duration"), defaults.duration()),
                or(field(ctx, post, "reason"), ""),
                field(ctx, post, "sessionless") != null,
                or(field(ctx, post, "route"), ""));
    }

    public NewEntry toNewEntry() {
        return new NewEntry(scope.strip(), value.strip(), list == AdminList.ALLOWLIST ? null : action,
                DurationText.normalize(duration), reason.isBlank() ? null : reason.strip(),
                sessionless ? Boolean.TRUE : null, route.isBlank() ? null : route.strip());
    }

    public boolean allowlist() {
        return list == AdminList.ALLOWLIST;
    }

    private static String field(Context ctx, boolean post, String name) {
        String v = post ? ctx.formParam(name) : ctx.queryParam(name);
        return v == null ? null : v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) : v;
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
