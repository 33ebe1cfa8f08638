package io.edgeward.console.pages;

import io.edgeward.console.admin.AdminClient;
import io.edgeward.console.admin.AdminEntry;
import io.edgeward.console.admin.AdminList;
import io.edgeward.console.admin.AdminRejected;
import io.edgeward.console.admin.AdminUnavailable;
import io.edgeward.console.admin.ListQuery;
import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.IpAddress;
import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.ExplainKey;
import io.edgeward.console.figures.Explanation;
import io.edgeward.console.figures.SeenRequest;
import io.edgeward.console.web.Pages;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /console/explain?kind=session|address|request&value=}: what the edge saw, what Protector answered,
 * the detections and challenges of that key, and the decisions and allowlist entries active for it now.
 */
public final class ExplainController {

    private static final Logger log = LoggerFactory.getLogger(ExplainController.class);
    private static final int MAX_VALUE = 300;

    private final ConsoleFigures figures;
    private final AdminClient admin;
    private final Pages pages;

    public ExplainController(ConsoleFigures figures, AdminClient admin, Pages pages) {
        this.figures = figures;
        this.admin = admin;
        this.pages = pages;
    }

    /**
     * @param active  decisions and allowlist entries now active for the address or session ({@code scope=ip} and
     *                {@code scope=session} exactly, and {@code scope=cidr} entries whose network holds the address)
     */
    public record View(String kind, String value, Explanation explanation, List<AdminEntry> active,
                       String figuresProblem, String adminProblem) {

        public boolean asked() {
            return !value.isEmpty();
        }
    }

    public void show(Context ctx, ConsoleSession session) {
        ExplainKey.Kind kind = kind(ctx.queryParam("kind"));
        String value = ctx.queryParam("value") == null ? "" : ctx.queryParam("value").strip();
        if (value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE);
        }
        String kindWord = kind.name().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            pages.render(ctx, session, "explain", "Explain", new View(kindWord, "", null, List.of(), null, null));
            return;
        }
        Explanation explanation = null;
        String figuresProblem = null;
        try {
            explanation = figures.explain(new ExplainKey(kind, value));
        } catch (RuntimeException e) {
            log.warn("console.explain figures unavailable: {}", e.toString());
            figuresProblem = Problems.figures(e);
        }
        List<AdminEntry> active = new ArrayList<>();
        String adminProblem = null;
        try {
            for (String[] subject : subjects(kind, value, explanation)) {
                for (AdminList list : AdminList.values()) {
                    active.addAll(admin.list(list, ListQuery.exactly(subject[0], subject[1])).items());
                    if (subject[0].equals("ip")) {
                        active.addAll(networksHolding(list, subject[1]));
                    }
                }
            }
        } catch (AdminRejected | AdminUnavailable e) {
            adminProblem = "Active decisions could not be read from Protector: " + e.getMessage();
        }
        pages.render(ctx, session, "explain", "Explain",
                new View(kindWord, value, explanation, List.copyOf(active), figuresProblem, adminProblem));
    }

    /**
     * Active cidr entries whose network holds the address: the newest 1,000 of the list (a deployment with more
     * network entries than that is shown the newest ones).
     */
    private List<AdminEntry> networksHolding(AdminList list, String address) {
        Optional<IpAddress> ip = IpAddress.parse(address);
        if (ip.isEmpty()) {
            return List.of();
        }
        return admin.list(list, new ListQuery("cidr", null, null, 1000, 0)).items().stream()
                .filter(entry -> holds(entry.value(), ip.get())).toList();
    }

    private static boolean holds(String network, IpAddress address) {
        try {
            return Cidr.parse(network).contains(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The scopes and values whose active entries concern this key; a request's are its address and session. */
    private static List<String[]> subjects(ExplainKey.Kind kind, String value, Explanation explanation) {
        List<String[]> subjects = new ArrayList<>();
        switch (kind) {
            case ADDRESS -> subjects.add(new String[] {"ip", value});
            case SESSION -> subjects.add(new String[] {"session", value});
            case REQUEST -> {
                if (explanation != null && !explanation.requests().isEmpty()) {
                    SeenRequest r = explanation.requests().get(0);
                    if (r.clientIp() != null && !r.clientIp().isBlank()) {
                        subjects.add(new String[] {"ip", r.clientIp()});
                    }
                    if (r.sessionId() != null && !r.sessionId().isBlank()) {
                        subjects.add(new String[] {"session", r.sessionId()});
                    }
                }
            }
            default -> { }
        }
        return subjects;
    }

    private static ExplainKey.Kind kind(String text) {
        if (text == null) {
            return ExplainKey.Kind.ADDRESS;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "session" -> ExplainKey.Kind.SESSION;
            case "request" -> ExplainKey.Kind.REQUEST;
            default -> ExplainKey.Kind.ADDRESS;
        };
    }
}
