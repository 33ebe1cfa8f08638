package io.edgeward.console.pages;

import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.DetectionQuery;
import io.edgeward.console.figures.DetectionRow;
import io.edgeward.console.web.Fmt;
import io.edgeward.console.web.Pages;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /console/detections} (the page, filterable by rule and text) and
 * {@code GET /console/api/detections?after=<epoch ms>} (what the live page's script appends).
 */
public final class DetectionsController {

    private static final Logger log = LoggerFactory.getLogger(DetectionsController.class);
    static final int PAGE_ROWS = 100;
    private static final int MAX_FILTER_LENGTH = 200;

    private final ConsoleFigures figures;
    private final Pages pages;

    public DetectionsController(ConsoleFigures figures, Pages pages) {
        this.figures = figures;
        this.pages = pages;
    }

    public record View(List<DetectionRow> rows, String rule, String contains, long newestMillis, String problem) {

        public String decision(DetectionRow row) {
            return DetectionsController.decision(row);
        }
    }

    public void show(Context ctx, ConsoleSession session) {
        String rule = filter(ctx.queryParam("rule"));
        String contains = filter(ctx.queryParam("q"));
        View view;
        try {
            List<DetectionRow> rows = figures.detections(new DetectionQuery(null, rule, contains, PAGE_ROWS));
            long newest = rows.stream().map(DetectionRow::detectedAt).filter(t -> t != null)
                    .mapToLong(Instant::toEpochMilli).max().orElse(0);
            view = new View(rows, rule, contains, newest, null);
        } catch (RuntimeException e) {
            log.warn("console.detections figures unavailable: {}", e.toString());
            view = new View(List.of(), rule, contains, 0, Problems.figures(e));
        }
        pages.render(ctx, session, "detections", "Live detections", view);
    }

    /** JSON for the live page: rows already formatted; the script puts them in the table as text, never as HTML. */
    public void since(Context ctx, ConsoleSession session) {
        long after;
        try {
            after = Long.parseLong(ctx.queryParam("after") == null ? "0" : ctx.queryParam("after"));
        } catch (NumberFormatException e) {
            ctx.status(400).json(Map.of("error", "bad_request", "detail", "after must be epoch milliseconds"));
            return;
        }
        List<DetectionRow> rows;
        try {
            rows = figures.detections(new DetectionQuery(Instant.ofEpochMilli(Math.max(0, after)),
                    filter(ctx.queryParam("rule")), filter(ctx.queryParam("q")), PAGE_ROWS));
        } catch (RuntimeException e) {
            ctx.status(503).json(Map.of("error", "unavailable", "detail", Problems.figures(e)));
            return;
        }
        long newest = after;
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (DetectionRow row : rows) {
            // the page knows times to the millisecond: a row within the millisecond it already has is one it shows
            if (row.detectedAt() == null || row.detectedAt().toEpochMilli() <= after) {
                continue;
            }
            newest = Math.max(newest, row.detectedAt().toEpochMilli());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("time", Fmt.time(row.detectedAt()));
            item.put("rule", row.rule());
            item.put("scope", row.scope());
            item.put("value", row.value());
            item.put("action", Fmt.text(row.action()) + " " + Fmt.text(row.duration()));
            item.put("reason", row.reason());
            item.put("evidence", Fmt.evidence(row.evidence()));
            item.put("decision", decision(row));
            items.add(item);
        }
        ctx.json(Map.of("items", items, "newest", newest));
    }

    static String decision(DetectionRow row) {
        if (row.decisionId() != null) {
            return "decision " + row.decisionId() + (row.expiresAt() == null ? "" : " until " + Fmt.time(row.expiresAt()));
        }
        return "none: " + (row.notPublished() == null ? "not published" : row.notPublished());
    }

    private static String filter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > MAX_FILTER_LENGTH ? v.substring(0, MAX_FILTER_LENGTH) : v;
    }
}
