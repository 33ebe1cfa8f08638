package io.edgeward.local.simulate;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./edgeward simulate}: plays people and bots against the local front (started with
 * {@code --trust-forwarded-for}, so each simulated visitor has its own address) and prints, per scenario, how many
 * sessions were challenged or blocked and after how many requests; then, per {@link Adversary} class (which keep
 * going until {@code --duration}), the share of their requests after the first 30 s that the edge challenged or
 * blocked. All scenarios run at the same time, as real traffic mixes. {@code simulate flood} is the fail-open
 * measurement ({@link Flood}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, subcommands = Flood.class,
        description = "Plays human and bot scenarios against the front and reports what Edgeward did to each.")
public final class Simulator implements Callable<Integer> {

    @Option(names = "--front", defaultValue = "http://127.0.0.1:8080", description = "Front URL (default ${DEFAULT-VALUE}).")
    URI front;

    @Option(names = "--scenario", split = ",", defaultValue = "all",
            description = "Scenarios, comma-separated: all, human, nat, scraper, stuffer, scanner, scalper; "
                    + "adversaries (the set below), rotating-scraper, rotating-stuffer, pow-solver, api-scraper, "
                    + "blocked-verifier, low-and-slow, chrome-human, path-tricks (default ${DEFAULT-VALUE}).")
    List<String> scenarios;

    @Option(names = "--duration", defaultValue = "PT4M",
            description = "How long the adversary set runs, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--humans", defaultValue = "12",
            description = "People with the attackers' Chrome in the adversary set; every third behind the bots' NAT "
                    + "address (default ${DEFAULT-VALUE}).")
    int humans;

    @Option(names = "--protector", defaultValue = "http://127.0.0.1:8081",
            description = "Protector URL, for the admin API (default ${DEFAULT-VALUE}).")
    URI protector;

    @Option(names = "--admin-token", defaultValue = "${env:EDGEWARD_ADMIN_TOKEN}",
            description = "Admin token (default: EDGEWARD_ADMIN_TOKEN); without it the blocked-verifier and "
                    + "path-tricks classes are skipped.")
    String adminToken;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sessions", defaultValue = "20",
            description = "People per human scenario; bot scenarios play sessions/5, at least 1 (default ${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--bot-requests", defaultValue = "100", description = "Requests per bot at most (default ${DEFAULT-VALUE}).")
    int botRequests;

    @Option(names = "--pace", defaultValue = "PT0.25S",
            description = "Pause between a bot's requests, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration pace;

    private final PrintStream out;

    public Simulator() {
        this(System.out);
    }

    Simulator(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Simulator());
        // A bad value is a user error: one line naming it, not a stack trace.
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("edgeward simulate: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        int code = commandLine.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || botRequests < 1 || pace.isNegative() || humans < 0 || duration.isNegative()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--sessions and --bot-requests must be >= 1, --humans >= 0, --pace and --duration >= 0, were "
                            + sessions + ", " + botRequests + ", " + humans + ", " + pace + ", " + duration);
        }
        Set<Scenario> chosen = selected();
        Set<Adversary> adversaries = selectedAdversaries();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<List<AdversaryReport>> adversaryReports = background.submit(() -> runAdversaries(adversaries));
            if (!chosen.isEmpty()) {
                List<ScenarioReport> reports = run(chosen);
                out.println(ScenarioReport.header());
                reports.forEach(r -> out.println(r.line()));
            }
            List<AdversaryReport> reports = adversaryReports.get();
            if (!reports.isEmpty()) {
                out.println();
                out.println(AdversaryReport.header());
                reports.forEach(r -> out.println(r.line()));
            }
        } finally {
            background.shutdownNow();
        }
        return 0;
    }

    /** Runs every client of the chosen adversary classes until {@code --duration} has passed; one report per class. */
    List<AdversaryReport> runAdversaries(Set<Adversary> chosen) throws Exception {
        if (chosen.isEmpty()) {
            return List.of();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AdminApi admin = adminToken == null || adminToken.isBlank() ? null : new AdminApi(http, protector, adminToken);
        long deadline = System.nanoTime() + duration.toNanos();
        Map<Adversary, Timeline> timelines = new EnumMap<>(Adversary.class);
        int clients = chosen.stream().mapToInt(a -> a.clients(humans)).sum();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, clients));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Adversary adversary : chosen) {
                Timeline timeline = new Timeline();
                timelines.put(adversary, timeline);
                AdversaryRun run = new AdversaryRun(http, front, admin, timeline, deadline);
                for (int i = 0; i < adversary.clients(humans); i++) {
                    int index = i;
                    Random random = new Random(seed * 1_000_033L + adversary.ordinal() * 10_009L + i);
                    running.add(pool.submit(() -> {
                        adversary.play(run, index, random);
                        return null;
                    }));
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<AdversaryReport> reports = new ArrayList<>();
        timelines.forEach((adversary, t) -> reports.add(AdversaryReport.of(adversary.label(),
                adversary.clients(humans), t.entries(), adversary.detail(t))));
        return reports;
    }

    List<ScenarioReport> run(Set<Scenario> chosen) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Map<Scenario, Plan> plans = new EnumMap<>(Scenario.class);
        int visitors = chosen.stream().mapToInt(s -> s.visitors(sessions)).sum();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(visitors, 32));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Scenario scenario : chosen) {
                Plan plan = new Plan(http, front, pace, botRequests);
                plans.put(scenario, plan);
                for (int i = 0; i < scenario.visitors(sessions); i++) {
                    int index = i;
                    Random random = new Random(seed * 1_000_003L + scenario.ordinal() * 10_007L + i);
                    running.add(pool.submit(() -> scenario.play(plan, index, random)));
                }
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<ScenarioReport> reports = new ArrayList<>();
        plans.forEach((scenario, plan) -> reports.add(ScenarioReport.of(scenario.label(), plan.visitors())));
        return reports;
    }

    private Set<Scenario> selected() {
        Set<Scenario> chosen = new LinkedHashSet<>();
        for (String name : scenarios) {
            if ("all".equalsIgnoreCase(name.trim())) {
                chosen.addAll(List.of(Scenario.values()));
            } else if (!"adversaries".equalsIgnoreCase(name.trim()) && Adversary.byLabel(name).isEmpty()) {
                chosen.add(Scenario.byLabel(name));
            }
        }
        return chosen;
    }

    private Set<Adversary> selectedAdversaries() {
        Set<Adversary> chosen = new LinkedHashSet<>();
        for (String name : scenarios) {
            String n = name.trim();
            if ("all".equalsIgnoreCase(n) || "adversaries".equalsIgnoreCase(n)) {
                chosen.addAll(List.of(Adversary.values()));
            } else {
                Adversary.byLabel(n).ifPresent(chosen::add);
            }
        }
        return chosen;
    }
}
