package io.edgeward.local.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The adversaries of issue 11, each beside people who send the same Chrome user agent (some from the NAT address
 * the session-holding bots use). Unlike {@link Scenario}, every class keeps going after a challenge or block until
 * the run's deadline, so the report can say what share of its traffic the edge stopped once the loop had time to
 * see it.
 */
enum Adversary {
    ROTATING_SCRAPER("rotating-scraper") {
        @Override
        void play(AdversaryRun run, int i, Random random) {
            SimulatedVisitor v = run.rotating(random);
            for (int n = 0; run.running(); n++) {
                v.fetch(CATALOGUE.get(n % CATALOGUE.size()), SimulatedVisitor.HTML);
                run.pause(Duration.ofMillis(200));
            }
        }
    },
    ROTATING_STUFFER("rotating-stuffer") {
        @Override
        void play(AdversaryRun run, int i, Random random) {
            SimulatedVisitor v = run.rotating(random);
            while (run.running()) {
                v.postForm("/login", Map.of("email", "user" + random.nextInt(1_000_000) + "@example.com",
                        "password", Long.toHexString(random.nextLong())), SimulatedVisitor.HTML);
                run.pause(Duration.ofMillis(300));
            }
        }
    },
    POW_SOLVER("pow-solver") {
        @Override
        void play(AdversaryRun run, int i, Random random) {
            SimulatedVisitor v = run.visitor(AdversaryRun.NAT, true);
            for (int n = 1; run.running(); n++) {
                SimulatedVisitor.Answer a = v.fetch(CATALOGUE.get(n % CATALOGUE.size()), SimulatedVisitor.HTML);
                if ("challenge".equals(a.action())) {
                    ProofOfWork.offer(a.body()).ifPresent(offer -> run.timeline()
                            .count(ProofOfWork.solveAndPost(v, offer) ? "solved" : "refused"));
                }
                run.pause(Duration.ofMillis(250));
            }
        }

        @Override
        String detail(Timeline t) {
            return "challenges solved and passed: " + t.counter("solved") + ", answers refused: " + t.counter("refused");
        }
    },
    API_SCRAPER("api-scraper") {
        @Override
        void play(AdversaryRun run, int i, Random random) {
            SimulatedVisitor v = run.visitor(AdversaryRun.NAT, true);
            for (int n = 0; run.running(); n++) {
                v.fetch("/api/products?page=" + (n % 50 + 1), "application/json");
                run.pause(Duration.ofMillis(166));
            }
        }
    },
    BLOCKED_VERIFIER("blocked-verifier") {
        @Override
        void play(AdversaryRun run, int i, Random random) {
            new BlockedVerifier(run).play();
        }

        @Override
        String detail(Timeline t) {
            return BlockedVerifier.detail(t);
        }
    },
    LOW_AND_SLOW("low-and-slow") {
        @Override
        void play(AdversaryRun run, int i, Random random) {
            SimulatedVisitor v = run.visitor("198.51.100.230", true);
            for (int n = 0; run.running(); n++) {
                String page = CATALOGUE.get(n % CATALOGUE.size());
                v.pageAnswer(page, assetsOf(page));
                run.pause(Duration.ofSeconds(15));
            }
        }
    },
    HUMAN("chrome-human") {
        @Override
        int clients(int humans) {
            return humans;
        }

        @Override
        void play(AdversaryRun run, int i, Random random) {
            new ChromeHuman(run, i, random).play();
        }

        @Override
        String detail(Timeline t) {
            return ChromeHuman.detail(t);
        }
    },
    PATH_TRICKS("path-tricks") {
        @Override
        void play(AdversaryRun run, int i, Random random) {
            new PathTricks(run).play();
        }

        @Override
        String detail(Timeline t) {
            return PathTricks.detail(t);
        }
    };

    /** The shop in order, as a crawler walks it. */
    static final List<String> CATALOGUE = List.of("/", "/products/1", "/products/2", "/products/3", "/products/4",
            "/products/5", "/products/6", "/products/7", "/products/8", "/search?q=socks", "/search?q=shoes");

    private final String label;

    Adversary(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Clients of this class for {@code --humans} people. */
    int clients(int humans) {
        return 1;
    }

    abstract void play(AdversaryRun run, int index, Random random);

    /** The class-specific column of the report. */
    String detail(Timeline t) {
        return String.join("; ", t.notes());
    }

    static Optional<Adversary> byLabel(String label) {
        for (Adversary a : values()) {
            if (a.label.equalsIgnoreCase(label.trim())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The assets a browser loads with a page of the demo shop. */
    static List<String> assetsOf(String page) {
        List<String> assets = new ArrayList<>(List.of("/static/shop.css", "/static/shop.js"));
        if (page.equals("/")) {
            for (int id = 1; id <= 8; id++) {
                assets.add("/static/img/" + id + ".svg");
            }
        } else if (page.startsWith("/products/")) {
            assets.add("/static/img/" + page.substring("/products/".length()) + ".svg");
        }
        return assets;
    }
}
