package io.edgeward.console.support;

import io.edgeward.console.figures.ChallengeEvent;
import io.edgeward.console.figures.ChallengeStats;
import io.edgeward.console.figures.ConsoleFigures;
import io.edgeward.console.figures.DetectionQuery;
import io.edgeward.console.figures.DetectionRow;
import io.edgeward.console.figures.Dimension;
import io.edgeward.console.figures.ExplainKey;
import io.edgeward.console.figures.Explanation;
import io.edgeward.console.figures.Overview;
import io.edgeward.console.figures.Period;
import io.edgeward.console.figures.ProviderStats;
import io.edgeward.console.figures.RuleFiring;
import io.edgeward.console.figures.SeenRequest;
import io.edgeward.console.figures.SeriesPoint;
import io.edgeward.console.figures.TopEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Figures held in lists the test fills; answers computed from them the simple way. */
public final class InMemoryFigures implements ConsoleFigures {

    public final List<DetectionRow> detections = new CopyOnWriteArrayList<>();
    public final List<SeenRequest> requests = new CopyOnWriteArrayList<>();
    public final List<ChallengeEvent> challenges = new CopyOnWriteArrayList<>();
    public final Map<Dimension, List<TopEntry>> top = new EnumMap<>(Dimension.class);
    public volatile boolean failing;

    private void check() {
        if (failing) {
            throw new IllegalStateException("stores not ready");
        }
    }

    @Override
    public Overview overview(Period period) {
        check();
        Instant to = Instant.now();
        Instant from = to.minus(period.length());
        List<SeriesPoint> series = new ArrayList<>();
        long buckets = period.length().dividedBy(period.bucket());
        for (int i = 0; i < buckets; i++) {
            series.add(new SeriesPoint(from.plus(period.bucket().multipliedBy(i)), i % 7, i % 5, i % 3, i % 2, 0));
        }
        Map<String, Long> byAction = Map.of("allow", 900L, "challenge", 60L, "block", 30L, "monitor", 10L, "other", 0L);
        return new Overview(period, from, to, 1000, 1000.0 / period.length().toSeconds(), byAction, series,
                new EnumMap<>(top));
    }

    @Override
    public List<DetectionRow> detections(DetectionQuery query) {
        check();
        return detections.stream()
                .filter(d -> query.after() == null || d.detectedAt().isAfter(query.after()))
                .filter(d -> query.rule() == null || query.rule().equals(d.rule()))
                .filter(d -> query.contains() == null
                        || d.value().toLowerCase(Locale.ROOT).contains(query.contains().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing(DetectionRow::detectedAt).reversed())
                .limit(query.limit()).toList();
    }

    @Override
    public Explanation explain(ExplainKey key) {
        check();
        List<SeenRequest> seen = requests.stream().filter(r -> switch (key.kind()) {
            case ADDRESS -> key.value().equals(r.clientIp());
            case SESSION -> key.value().equals(r.sessionId());
            case REQUEST -> key.value().equals(r.requestId());
        }).toList();
        List<DetectionRow> rows = detections.stream().filter(d -> key.value().equals(d.value())).toList();
        List<ChallengeEvent> events = challenges.stream()
                .filter(c -> key.value().equals(c.clientIp()) || key.value().equals(c.sessionId())).toList();
        return new Explanation(key, seen, rows, events);
    }

    @Override
    public ChallengeStats challenges(Period period) {
        check();
        return new ChallengeStats(period, List.of(
                new ProviderStats("pow", 120, 100, 12, 3, 5, 850L, 2400L, Map.of("wrong_answer", 9L, "expired", 3L)),
                new ProviderStats("turnstile", 40, 38, 2, 0, 0, 1900L, 4100L, Map.of("wrong_answer", 2L))));
    }

    @Override
    public List<RuleFiring> ruleFirings(Period period) {
        check();
        return List.of(new RuleFiring("scraping.breadth", 42, 17), new RuleFiring("rate.route", 5, 5));
    }

    @Override
    public boolean ready() {
        return !failing;
    }

    public static DetectionRow detection(Instant at, String rule, String scope, String value, String reason,
                                         Map<String, Object> evidence, String decisionId, String notPublished) {
        return new DetectionRow(at, rule, scope, value, "block", "PT10M", reason, evidence, decisionId, 1,
                at.plusSeconds(600), false, null, notPublished);
    }
}
