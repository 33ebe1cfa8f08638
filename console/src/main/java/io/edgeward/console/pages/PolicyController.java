package io.edgeward.console.pages;

import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.chart.BarList;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.Dimension;
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
import io.edgeward.protector.policy.Policy;
import io.edgeward.protector.rules.RequestRule;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /console/policy?period=hour|day}: the detection rules in force, read with the detection engine's own
 * loader from the same policy file (so the page shows what the engine runs), next to how often each fired; and
 * Protector's request-time rules from the same file, with how many answers carried each one's reason.
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

    public record View(Period period, String source, List<Rule> rules, List<Budget> budgets,
                       List<RequestRuleRow> requestRules, String policyProblem, String figuresProblem) {

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

    /**
     * One of Protector's request-time rules (the same file's {@code requestRules}), and how many answers in the period
     * carried its reason: read from the top answer reasons, so a rule whose reason is not among them shows 0.
     */
    public record RequestRuleRow(String name, String action, String reason, String matches, long answers) {
    }

    public void show(Context ctx, ConsoleSession session) {
        Period period = Period.fromQuery(ctx.queryParam("period"));
        Map<String, RuleFiring> firings = new HashMap<>();
        Map<String, Long> reasons = new HashMap<>();
        String figuresProblem = null;
        try {
            figures.ruleFirings(period).forEach(f -> firings.put(f.rule(), f));
            figures.overview(period).top().getOrDefault(Dimension.REASON, List.of())
                    .forEach(e -> reasons.put(e.value(), e.count()));
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
                    List.of(), "The policy could not be read: " + e.getMessage(), figuresProblem));
            return;
        }
        List<Budget> budgets = new ArrayList<>();
        for (RateBudget b : policy.budgets()) {
            budgets.add(new Budget(b.route().display(), b.per().key(), b.limit(), Fmt.duration(b.window()),
                    b.action().wire(), Fmt.duration(b.duration())));
        }
        List<RequestRuleRow> requestRules;
        String policyProblem = null;
        try {
            requestRules = requestRules(reasons);
        } catch (RuntimeException e) {
            requestRules = List.of();
            policyProblem = "Protector's request-time rules could not be read: " + e.getMessage();
        }
        pages.render(ctx, session, "policy", "Policy",
                new View(period, source(), rules(policy, firings), budgets, requestRules, policyProblem, figuresProblem));
    }

    /** Protector's request-time rules, read with Protector's own loader from the same file. */
    private List<RequestRuleRow> requestRules(Map<String, Long> reasons) {
        Policy protector = policyFile == null ? io.edgeward.protector.policy.PolicyLoader.loadDefault()
                : io.edgeward.protector.policy.PolicyLoader.load(policyFile);
        List<RequestRuleRow> rows = new ArrayList<>();
        for (RequestRule r : protector.requestRules().rules()) {
            rows.add(new RequestRuleRow(r.name(), r.action().name().toLowerCase(Locale.ROOT), r.reason(), matches(r),
                    reasons.getOrDefault(r.reason(), 0L)));
        }
        return rows;
    }

    /** The rule's conditions in a few words. */
    private static String matches(RequestRule r) {
        List<String> parts = new ArrayList<>();
        if (!r.userAgentContains().isEmpty()) {
            parts.add("user agent contains " + String.join(" | ", r.userAgentContains()));
        }
        if (r.userAgentPattern() != null) {
            parts.add("user agent matches " + r.userAgentPattern().pattern());
        }
        if (r.userAgentMissing()) {
            parts.add("no user agent");
        }
        if (!r.methods().isEmpty()) {
            parts.add("method " + String.join(" | ", r.methods()));
        }
        if (r.htmlNavigation()) {
            parts.add("browser navigation");
        }
        if (!r.missingHeaders().isEmpty()) {
            parts.add("without " + String.join(", ", r.missingHeaders()));
        }
        if (!r.ja4().isEmpty()) {
            parts.add(r.ja4().size() + " JA4 fingerprints");
        }
        if (!r.pathPrefixes().isEmpty()) {
            parts.add("path starts with " + String.join(" | ", r.pathPrefixes()));
        }
        return parts.isEmpty() ? "every request" : String.join("; ", parts);
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
