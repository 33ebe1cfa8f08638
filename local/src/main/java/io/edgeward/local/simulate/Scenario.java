package io.edgeward.local.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The named traffic shapes. People load pages with their assets and keep cookies; bots do what their OWASP
 * automated threat does. Bots are paced ({@code --pace}) so the loop (edge log shipping, Kafka, detection, Protector)
 * has time to answer while they are still at it; people are not.
 */
enum Scenario {
    HUMAN("human") {
        @Override
        void play(Plan plan, int i, Random random) {
            SimulatedVisitor v = plan.visitor("10.10." + (i / 250) + "." + (i % 250 + 1), BROWSERS[i % 3], true, true);
            browse(v, random);
        }
    },
    NAT("nat") {
        @Override
        void play(Plan plan, int i, Random random) {
            browse(plan.visitor("192.0.2.44", BROWSERS[0], true, true), random);
        }
    },
    SCRAPER("scraper") {
        @Override
        int visitors(int sessions) {
            return bots(sessions);
        }

        @Override
        void play(Plan plan, int i, Random random) {
            SimulatedVisitor v = plan.visitor("198.51.100." + (10 + i), BROWSERS[1], true, true);
            for (int n = 1; n <= plan.botRequests() && !v.stopped(); n++) {
                v.get("/products/" + n, "text/html");
                plan.pace();
            }
        }
    },
    STUFFER("stuffer") {
        @Override
        int visitors(int sessions) {
            return bots(sessions);
        }

        @Override
        void play(Plan plan, int i, Random random) {
            SimulatedVisitor v = plan.visitor("198.51.100." + (40 + i), BROWSERS[0], false, true);
            for (int n = 0; n < plan.botRequests() && !v.stopped(); n++) {
                v.post("/login", Map.of("email", "user" + random.nextInt(100_000) + "@example.com",
                        "password", Long.toHexString(random.nextLong())));
                plan.pace();
            }
        }
    },
    SCANNER("scanner") {
        private final List<String> probes = List.of("/.env", "/.git/config", "/wp-login.php", "/phpmyadmin/",
                "/xmlrpc.php", "/.aws/credentials", "/server-status", "/config.php", "/backup.sql", "/.DS_Store");

        @Override
        int visitors(int sessions) {
            return bots(sessions);
        }

        @Override
        void play(Plan plan, int i, Random random) {
            SimulatedVisitor v = plan.visitor("198.51.100." + (70 + i), "Mozilla/5.0 zgrab/0.x", false, false);
            for (int n = 0; n < plan.botRequests() && !v.stopped(); n++) {
                v.get(n < probes.size() ? probes.get(n) : "/admin-" + random.nextInt(10_000) + ".php", "*/*");
                plan.pace();
            }
        }
    },
    SCALPER("scalper") {
        @Override
        int visitors(int sessions) {
            return bots(sessions);
        }

        @Override
        void play(Plan plan, int i, Random random) {
            SimulatedVisitor v = plan.visitor("198.51.100." + (100 + i), BROWSERS[2], true, true);
            v.page("/products/3", List.of("/static/shop.css", "/static/shop.js", "/static/img/3.svg"));
            for (int n = 0; n < plan.botRequests() && !v.stopped(); n++) {
                v.post("/cart/add", Map.of("product", "3", "quantity", "1"));
                plan.pace();
            }
        }
    };

    static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"};

    private final String label;

    Scenario(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** How many visitors play this scenario for {@code --sessions}. */
    int visitors(int sessions) {
        return sessions;
    }

    abstract void play(Plan plan, int index, Random random);

    static Scenario byLabel(String label) {
        for (Scenario s : values()) {
            if (s.label.equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + label + "'; known: all, "
                + String.join(", ", List.of(values()).stream().map(Scenario::label).toList()) + ", adversaries, "
                + String.join(", ", List.of(Adversary.values()).stream().map(Adversary::label).toList()));
    }

    private static int bots(int sessions) {
        return Math.max(1, sessions / 5);
    }

    /** A person: the home page, a handful of products with their assets, a search, sometimes the cart. */
    private static void browse(SimulatedVisitor v, Random random) {
        v.page("/", List.of("/static/shop.css", "/static/shop.js", "/static/img/1.svg", "/static/img/2.svg"));
        int pages = 4 + random.nextInt(5);
        List<Integer> seen = new ArrayList<>();
        for (int n = 0; n < pages && !v.stopped(); n++) {
            int id = 1 + random.nextInt(12);
            seen.add(id);
            v.page("/products/" + id, List.of("/static/shop.css", "/static/shop.js", "/static/img/" + id + ".svg"));
            if (n == pages / 2) {
                v.page("/search?q=" + (random.nextBoolean() ? "socks" : "shoes"),
                        List.of("/static/shop.css", "/static/shop.js"));
            }
        }
        if (!v.stopped() && random.nextInt(3) == 0) {
            v.post("/cart/add", Map.of("product", String.valueOf(seen.get(0)), "quantity", "1"));
            v.page("/cart", List.of("/static/shop.css", "/static/shop.js"));
        }
    }
}
