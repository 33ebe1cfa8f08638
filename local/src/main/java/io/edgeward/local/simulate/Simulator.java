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
 * sessions were challenged or blocked and after how many requests. All scenarios run at the same time, as real
 * traffic mixes.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Plays human and bot scenarios against the front and reports what Edgeward did to each.")
public final class Simulator implements Callable<Integer> {

    @Option(names = "--front", defaultValue = "http://127.0.0.1:8080", description = "Front URL (default ${DEFAULT-VALUE}).")
    URI front;

    @Option(names = "--scenario", split = ",", defaultValue = "all",
            description = "Scenarios, comma-separated: all, human, nat, scraper, stuffer, scanner, scalper (default ${DEFAULT-VALUE}).")
    List<String> scenarios;

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
        int code = new CommandLine(new Simulator()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (sessions < 1 || botRequests < 1 || pace.isNegative()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--sessions and --bot-requests must be >= 1 and --pace >= 0, were " + sessions + ", "
                            + botRequests + ", " + pace);
        }
        List<ScenarioReport> reports = run(selected());
        out.println(ScenarioReport.header());
        reports.forEach(r -> out.println(r.line()));
        return 0;
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
            } else {
                chosen.add(Scenario.byLabel(name));
            }
        }
        return chosen;
    }
}
