package io.edgeward.console.pages;

import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.chart.BarList;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.Period;
import io.edgeward.console.figures.RuleFiring;
import io.edgeward.console.figures.TopEntry;
import io.edgeward.console.web.Fmt;
import io.edgeward.console.web.Pages;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.PolicyLoader;
import io.edgeward.detection.policy.RateBudget;
import io.edgeward.detection.policy.RuleName;
import io.edgeward.detection.policy.RuleSettings;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /console/policy?period=hour|day}: the detection rules in force, read with the detection engine's own
 * loader from the same policy file (so the page shows what the engine runs), next to how often each fired.
 */
public final class PolicyController {

    private static final Logger log = LoggerFactory.getLogger(PolicyController.class);

    private final ConsoleFigures figures;
    private final Pages pages;
    private final Path policyFile;

    public PolicyController(ConsoleFigures figures, Pages pages, Path policyFile) {
        this.figures = figures;
        this.pages = pages;
        this.policyFile = policyFile;
    }

    public record View(Period period, String source, List<Rule> rules, List<Budget> budgets, String policyProblem,
                       String figuresProblem) {

        /** Detections per rule as bars, most first. */
        public BarList firings() {
            return BarList.of("Detections by rule", rules.stream().filter(r -> r.detections() > 0)
                    .sorted((a, b) -> Long.compare(b.detections(), a.detections()))
                    .map(r -> new TopEntry(r.name(), r.detections())).toList());
        }
    }

    /** A rule's settings as shown (a dash for what it does not take), and its firings in the period. */
    public record Rule(String name, boolean enabled, String window, String threshold, String ratio,
                       String distinctIps, String scopes, String action, String duration, long detections,
                       long decisions) {
    }

    public record Budget(String route, String per, int limit, String window, String action, String duration) {
    }

    public void show(Context ctx, ConsoleSession session) {
        Period period = Period.fromQuery(ctx.queryParam("period"));
        Map<String, RuleFiring> firings = new HashMap<>();
        String figuresProblem = null;
        try {
            figures.ruleFirings(period).forEach(f -> firings.put(f.rule(), f));
        } catch (RuntimeException e) {
            log.warn("console.policy figures unavailable: {}", e.toString());
            figuresProblem = Problems.figures(e);
        }
        DetectionPolicy policy;
        try {
            // read on each visit: the engine reloads the file on change, and the page should show what it runs now
            policy = policyFile == null ? PolicyLoader.defaults() : PolicyLoader.load(policyFile);
        } catch (RuntimeException e) {
            pages.render(ctx, session, "policy", "Policy", new View(period, source(), rules(null, firings), List.of(),
                    "The policy could not be read: " + e.getMessage(), figuresProblem));
            return;
        }
        List<Budget> budgets = new ArrayList<>();
        for (RateBudget b : policy.budgets()) {
            budgets.add(new Budget(b.route().display(), b.per().key(), b.limit(), Fmt.duration(b.window()),
                    b.action().wire(), Fmt.duration(b.duration())));
        }
        pages.render(ctx, session, "policy", "Policy",
                new View(period, source(), rules(policy, firings), budgets, null, figuresProblem));
    }

    private String source() {
        return policyFile == null ? "the bundled default policy" : policyFile.toString();
    }

    private static List<Rule> rules(DetectionPolicy policy, Map<String, RuleFiring> firings) {
        List<Rule> rules = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        if (policy != null) {
            for (RuleName name : RuleName.values()) {
                RuleSettings s = policy.rules().get(name);
                RuleFiring f = firings.get(name.key());
                if (s == null && name.configurable() && f == null) {
                    continue; // a rule absent from the policy is disabled; listed only if it still fired
                }
                shown.add(name.key());
                rules.add(s == null
                        ? new Rule(name.key(), !name.configurable(), "—", "—", "—", "—", "—", "—", "—", detections(f),
                                decisions(f))
                        : new Rule(name.key(), s.isEnabled(), Fmt.duration(s.window()), Fmt.text(s.threshold()),
                                Fmt.text(s.ratio()), Fmt.text(s.distinctIps()),
                                s.scopes() == null ? "—" : String.join(", ", s.scopes()),
                                s.action() == null ? "—" : s.action().wire(), Fmt.duration(s.duration()),
                                detections(f), decisions(f)));
            }
        }
        firings.values().stream().filter(f -> !shown.contains(f.rule()))
                .sorted((a, b) -> Long.compare(b.detections(), a.detections()))
                .forEach(f -> rules.add(new Rule(f.rule(), false, "—", "—", "—", "—", "—", "—", "—", f.detections(),
                        f.decisions())));
        return rules;
    }

    private static long detections(RuleFiring f) {
        return f == null ? 0 : f.detections();
    }

    private static long decisions(RuleFiring f) {
        return f == null ? 0 : f.decisions();
    }
}
