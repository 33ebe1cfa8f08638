package io.edgeward.detection.topology;

import java.time.Duration;

/** Reusable traffic shapes: how people and bots use the demo shop. */
final class Visitors {

    private Visitors() {
    }

    /**
     * A person reading a page: the page, then its stylesheet, script and an image, with the same session, then
     * reading for 1 to 6 s (uneven, as people read; the same for the same page, so tests stay repeatable).
     */
    static void readPage(DetectionHarness h, String ip, String session, String path) {
        h.send(Req.get(path).ip(ip).session(session), Duration.ofMillis(200));
        h.send(Req.get("/static/site.css").ip(ip).session(session), Duration.ZERO);
        h.send(Req.get("/static/app.js").ip(ip).session(session), Duration.ZERO);
        h.send(Req.get("/static/p" + Math.abs(path.hashCode() % 50) + ".png").ip(ip).session(session),
                Duration.ofMillis(1000 + Math.floorMod(path.hashCode() * 7919, 5000)));
    }

    /** A person browsing {@code pages} product pages in no particular order. */
    static void browse(DetectionHarness h, String ip, String session, int pages, int seed) {
        h.send(Req.get("/").ip(ip).cookieless(session), Duration.ofMillis(100));
        for (int i = 0; i < pages; i++) {
            int product = (seed * 31 + i * 17) % 97 + 1;
            readPage(h, ip, session, i % 5 == 4 ? "/search?q=shoes" + i : "/products/" + product);
        }
    }
}
