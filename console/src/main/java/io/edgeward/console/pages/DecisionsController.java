package io.edgeward.console.pages;

import io.edgeward.console.admin.AdminClient;
import io.edgeward.console.admin.AdminEntry;
import io.edgeward.console.admin.AdminList;
import io.edgeward.console.admin.AdminPage;
import io.edgeward.console.admin.AdminRejected;
import io.edgeward.console.admin.AdminUnavailable;
import io.edgeward.console.admin.ListQuery;
import io.edgeward.console.admin.NewEntry;
import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.auth.ConsoleSession.Flash;
import io.edgeward.console.web.Fmt;
import io.edgeward.console.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decisions and the allowlist: search, filter by scope, page, add, extend, remove, all through Protector's admin
 * API. Actions answer with a redirect back and a flash (POST-redirect-GET), except a refused add, which shows the
 * form again with what was typed and Protector's reason.
 */
public final class DecisionsController {

    private static final Logger log = LoggerFactory.getLogger(DecisionsController.class);
    static final int PAGE_SIZE = 50;
    private static final int MAX_ID_LENGTH = 200;

    private final AdminClient admin;
    private final Pages pages;

    public DecisionsController(AdminClient admin, Pages pages) {
        this.admin = admin;
        this.pages = pages;
    }

    /**
     * @param page    1-based
     * @param problem Protector could not be reached; the list is empty
     * @param formError Protector refused the add form's values
     */
    public record View(AdminList list, String q, String scope, int page, int pages, AdminPage entries, AddForm form,
                       String problem, String formError, List<String> scopes, List<String> actions) {

        public String expires(AdminEntry e) {
            return e.expiresAt() == null ? "never" : Fmt.time(e.expiresAt());
        }

        /** The entry's form action; the id is path-encoded, whatever characters it holds. */
        public String action(AdminEntry e, String verb) {
            return "/console/decisions/" + enc(e.id()).replace("+", "%20") + "/" + verb;
        }

        public String link(int toPage) {
            return "/console/decisions?list=" + list.wire() + "&q=" + enc(q) + "&scope=" + enc(scope) + "&page=" + toPage;
        }
    }

    public void show(Context ctx, ConsoleSession session) {
        AdminList list = AdminList.fromQuery(ctx.queryParam("list"));
        render(ctx, session, list, AddForm.from(ctx, false, list), null);
    }

    public void add(Context ctx, ConsoleSession session) {
        AdminList list = AdminList.fromQuery(ctx.formParam("list"));
        AddForm form = AddForm.from(ctx, true, list);
        NewEntry entry = form.toNewEntry();
        try {
            AdminEntry added = admin.add(list, entry);
            session.flash(new Flash(true, "Added " + describe(added) + "."));
            ctx.redirect(back(list), HttpStatus.SEE_OTHER);
        } catch (AdminRejected e) {
            ctx.status(400);
            render(ctx, session, list, form, "Protector refused this entry: " + e.getMessage());
        } catch (AdminUnavailable e) {
            log.warn("console.decisions add failed: {}", e.getMessage());
            ctx.status(503);
            render(ctx, session, list, form, "Not saved: " + e.getMessage());
        }
    }

    public void extend(Context ctx, ConsoleSession session) {
        AdminList list = AdminList.fromQuery(ctx.formParam("list"));
        String id = id(ctx);
        String duration = DurationText.normalize(ctx.formParam("duration"));
        try {
            AdminEntry existing = id == null ? null : admin.find(list, id).orElse(null);
            if (existing == null) {
                session.flash(new Flash(false, "That entry is no longer active; nothing was extended."));
            } else {
                AdminEntry renewed = admin.add(list, NewEntry.extending(existing, duration));
                session.flash(new Flash(true, "Extended " + describe(renewed) + "."));
            }
        } catch (AdminRejected e) {
            session.flash(new Flash(false, "Protector refused the extension: " + e.getMessage()));
        } catch (AdminUnavailable e) {
            session.flash(new Flash(false, "Not extended: " + e.getMessage()));
        }
        ctx.redirect(back(list), HttpStatus.SEE_OTHER);
    }

    public void remove(Context ctx, ConsoleSession session) {
        AdminList list = AdminList.fromQuery(ctx.formParam("list"));
        String id = id(ctx);
        try {
            if (id != null && admin.remove(list, id)) {
                session.flash(new Flash(true, "Removed entry " + id + "."));
            } else {
                session.flash(new Flash(false, "That entry was already gone; nothing was removed."));
            }
        } catch (AdminRejected e) {
            session.flash(new Flash(false, "Protector refused the removal: " + e.getMessage()));
        } catch (AdminUnavailable e) {
            session.flash(new Flash(false, "Not removed: " + e.getMessage()));
        }
        ctx.redirect(back(list), HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, ConsoleSession session, AdminList list, AddForm form, String formError) {
        String q = trimmed(ctx.queryParam("q"));
        String scope = trimmed(ctx.queryParam("scope"));
        if (scope != null && !AddForm.SCOPES.contains(scope)) {
            scope = null;
        }
        int page = page(ctx.queryParam("page"));
        AdminPage entries = new AdminPage(List.of(), 0);
        String problem = null;
        try {
            entries = admin.list(list, new ListQuery(scope, null, q, PAGE_SIZE, (page - 1) * PAGE_SIZE));
        } catch (AdminRejected | AdminUnavailable e) {
            problem = "The " + list.title().toLowerCase(java.util.Locale.ROOT) + " could not be listed: " + e.getMessage();
        }
        int pageCount = (int) Math.max(1, (entries.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        View view = new View(list, q == null ? "" : q, scope == null ? "" : scope, page, pageCount, entries, form, problem,
                formError, AddForm.SCOPES, AddForm.ACTIONS);
        pages.render(ctx, session, "decisions", list.title(), view);
    }

    private static String describe(AdminEntry e) {
        return e.action() + " on " + e.scope() + " " + e.value() + ", id " + e.id() + ", until "
                + (e.expiresAt() == null ? "removed" : Fmt.time(e.expiresAt()));
    }

    private static String back(AdminList list) {
        return "/console/decisions?list=" + list.wire();
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        return id.isBlank() || id.length() > MAX_ID_LENGTH ? null : id;
    }

    private static int page(String text) {
        try {
            return Math.max(1, Math.min(100_000, Integer.parseInt(text == null ? "1" : text.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
