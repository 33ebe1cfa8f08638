package io.edgeward.local.simulate;

import java.util.List;
import java.util.Locale;

/** What one scenario's visitors met: how many were challenged or blocked, and after how many requests. */
record ScenarioReport(String scenario, int sessions, int requests, int challenged, int blocked,
                      List<Integer> requestsToFirstAction, List<Long> millisToFirstAction) {

    static ScenarioReport of(String scenario, List<SimulatedVisitor> visitors) {
        int requests = 0;
        int challenged = 0;
        int blocked = 0;
        for (SimulatedVisitor v : visitors) {
            requests += v.requests();
            if ("challenge".equals(v.firstAction())) {
                challenged++;
            } else if ("block".equals(v.firstAction())) {
                blocked++;
            }
        }
        List<Integer> firsts = visitors.stream().filter(v -> v.firstAction() != null)
                .map(SimulatedVisitor::firstActionAt).sorted().toList();
        List<Long> millis = visitors.stream().filter(v -> v.firstAction() != null)
                .map(SimulatedVisitor::firstActionMillis).sorted().toList();
        return new ScenarioReport(scenario, visitors.size(), requests, challenged, blocked, firsts, millis);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-10s %8s %9s %11s %8s   %s   %s", "scenario", "sessions", "requests",
                "challenged", "blocked", "requests before the first challenge/block (min / median / max)",
                "ms from the first request to it (median / p95 / max)");
    }

    String line() {
        String after = requestsToFirstAction.isEmpty() ? "-" : requestsToFirstAction.get(0) + " / "
                + requestsToFirstAction.get(requestsToFirstAction.size() / 2) + " / "
                + requestsToFirstAction.get(requestsToFirstAction.size() - 1);
        String millis = millisToFirstAction.isEmpty() ? "-" : percentile(0.5) + " / " + percentile(0.95) + " / "
                + millisToFirstAction.get(millisToFirstAction.size() - 1);
        return String.format(Locale.ROOT, "%-10s %8d %9d %11d %8d   %-24s   %s", scenario, sessions, requests,
                challenged, blocked, after, millis);
    }

    private long percentile(double p) {
        int index = (int) Math.ceil(p * millisToFirstAction.size()) - 1;
        return millisToFirstAction.get(Math.max(0, Math.min(index, millisToFirstAction.size() - 1)));
    }
}
