package io.edgeward.local.simulate;

import java.time.Duration;
import java.util.List;

/**
 * The path-trick check: with an IP block standing, each form of a page's path that an origin may still resolve to
 * the page (a {@code ;} parameter, an asset-looking suffix, dot segments, encoded separators) is requested from the
 * blocked address by a cookieless client. Every one must be blocked; the report names those that passed (any answer
 * that is not the edge's block) with their status.
 */
final class PathTricks {

    static final String ADDRESS = "203.0.113.250";
    /** Dot segments and encodings are sent as written: the visitor never resolves or re-encodes a path. */
    static final List<String> FORMS = List.of(
            "/products/3;.css",
            "/products/3/.png",
            "/.well-known/../products/3",
            "/products/3%3B.css",
            "/products/3%3b.css",
            "/products/3;jsessionid=1.js",
            "/products/3/;.svg",
            "/static/../products/3",
            "/static/%2e%2e/products/3",
            "/static/%2E%2E/products/3",
            "/static/..%2Fproducts/3",
            "/static/shop.css/../../products/3",
            "/static%2F..%2Fproducts/3",
            "/static%5C..%5Cproducts/3",
            "/products/3%2F.css",
            "/products/3%5C.css",
            "//products/3",
            "/products//3",
            "/products/./3",
            "/products/%33",
            "/%70roducts/3",
            "/robots.txt/../products/3",
            "/favicon.ico/..;/products/3",
            "/products/3?.css",
            "/products/3?x=.png");
    private static final Duration BLOCK_WAIT = Duration.ofSeconds(60);

    private final AdversaryRun run;

    PathTricks(AdversaryRun run) {
        this.run = run;
    }

    void play() {
        Timeline t = run.timeline();
        if (run.admin() == null) {
            t.note("skipped: no admin token (--admin-token or EDGEWARD_ADMIN_TOKEN)");
            return;
        }
        String id = run.admin().decide("ip", ADDRESS, "block", "simulate: path-tricks");
        t.mark("decided"); // starts the class's clock
        try {
            if (!blockStands()) {
                t.note("the IP block never took effect within " + BLOCK_WAIT.toSeconds() + " s");
                return;
            }
            for (String form : FORMS) {
                SimulatedVisitor.Answer a = run.visitor(ADDRESS, false).fetch(form, SimulatedVisitor.HTML);
                t.count("tried");
                if (!"block".equals(a.action())) {
                    t.count("passed");
                    t.note(form + " " + (a.status() == 0 ? "unreachable" : String.valueOf(a.status())));
                }
            }
            // The control: had the plain path passed now, the edge was failing open (or the block was gone) and
            // the forms' figures say nothing about paths.
            if (!"block".equals(run.visitor(ADDRESS, false).fetch("/products/3", SimulatedVisitor.HTML).action())) {
                t.note("CONTROL FAILED: the plain /products/3 was not blocked after the forms (edge failing open?)");
            }
        } finally {
            run.admin().remove(id);
        }
    }

    /** Waits until the plain path from the blocked address is blocked (the decision travels through Kafka). */
    private boolean blockStands() {
        long until = System.nanoTime() + BLOCK_WAIT.toNanos();
        while (System.nanoTime() < until && run.running()) {
            if ("block".equals(run.visitor(ADDRESS, false).fetch("/products/3", SimulatedVisitor.HTML).action())) {
                run.timeline().mark("block stands");
                return true;
            }
            run.pause(Duration.ofMillis(250));
        }
        return false;
    }

    static String detail(Timeline t) {
        if (t.counter("tried") == 0) {
            return String.join("; ", t.notes());
        }
        return "forms that passed the block: " + t.counter("passed") + " of " + t.counter("tried")
                + " (the plain path was blocked " + t.markedAt("block stands") / 1000.0 + " s after the decision)"
                + (t.notes().isEmpty() ? "" : ": " + String.join(", ", t.notes()));
    }
}
