package io.edgeward.console.pages;

import io.edgeward.console.auth.ConsoleSession;
import io.edgeward.console.chart.BarList;
import io.edgeward.console.chart.ShareBar;
import io.edgeward.console.chart.TimeChart;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.Dimension;
import io.edgeward.console.figures.Overview;
import io.edgeward.console.figures.Period;
import io.edgeward.console.web.Pages;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /console/?period=hour|day}: traffic, its outcomes over time, and the top values of each dimension. */
public final class OverviewController {

    private static final Logger log = LoggerFactory.getLogger(OverviewController.class);

    private final ConsoleFigures figures;
    private final Pages pages;

    public OverviewController(ConsoleFigures figures, Pages pages) {
        this.figures = figures;
        this.pages = pages;
    }

    /**
     * @param share      outcomes in the period shown
     * @param otherShare outcomes in the other period (the day beside the hour, and the other way round); null when
     *                   the figures could not give it
     */
    public record View(Period period, Overview overview, TimeChart series, ShareBar share, ShareBar otherShare,
                       List<BarList> tops, String problem) {

        public Period otherPeriod() {
            return period == Period.HOUR ? Period.DAY : Period.HOUR;
        }

        public static String title(Period p) {
            return p == Period.HOUR ? "last hour" : "last day";
        }
    }

    public void show(Context ctx, ConsoleSession session) {
        Period period = Period.fromQuery(ctx.queryParam("period"));
        View view;
        try {
            Overview overview = figures.overview(period);
            List<BarList> tops = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                tops.add(BarList.of(d.title(), overview.top().getOrDefault(d, List.of())));
            }
            view = new View(period, overview, TimeChart.of(overview.series()), ShareBar.of(overview.byAction()),
                    otherShare(period), tops, null);
        } catch (RuntimeException e) {
            log.warn("console.overview figures unavailable: {}", e.toString());
            view = new View(period, null, null, null, null, List.of(), Problems.figures(e));
        }
        pages.render(ctx, session, "overview", "Overview", view);
    }

    private ShareBar otherShare(Period shown) {
        try {
            return ShareBar.of(figures.overview(shown == Period.HOUR ? Period.DAY : Period.HOUR).byAction());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
