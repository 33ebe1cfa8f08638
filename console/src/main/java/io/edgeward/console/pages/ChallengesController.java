package io.edgeward.console.pages;

import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.chart.ShareBar;
import io.edgeward.console.figures.ChallengeStats;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.Period;
import io.edgeward.console.figures.ProviderStats;
import io.edgeward.console.web.Pages;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /console/challenges?period=hour|day}: challenges issued, passed and failed by provider; solve times. */
public final class ChallengesController {

    private static final Logger log = LoggerFactory.getLogger(ChallengesController.class);

    private final ConsoleFigures figures;
    private final Pages pages;

    public ChallengesController(ConsoleFigures figures, Pages pages) {
        this.figures = figures;
        this.pages = pages;
    }

    public record View(Period period, List<Provider> providers, String problem) {
    }

    /** One provider's figures and its verifications' outcomes as a share bar. */
    public record Provider(ProviderStats stats, ShareBar outcomes) {
    }

    public void show(Context ctx, ConsoleSession session) {
        Period period = Period.fromQuery(ctx.queryParam("period"));
        View view;
        try {
            ChallengeStats stats = figures.challenges(period);
            List<Provider> providers = stats.providers().stream()
                    .map(p -> new Provider(p, ShareBar.outcomes(Map.of("passed", p.passed(), "failed", p.failed(),
                            "blocked", p.blocked(), "limited", p.limited()))))
                    .toList();
            view = new View(period, providers, null);
        } catch (RuntimeException e) {
            log.warn("console.challenges figures unavailable: {}", e.toString());
            view = new View(period, List.of(), Problems.figures(e));
        }
        pages.render(ctx, session, "challenges", "Challenges", view);
    }
}
