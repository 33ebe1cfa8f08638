package io.edgeward.console.figures;

import java.util.List;

/** Challenge figures for a period, one entry per provider seen, most issued first. */
public record ChallengeStats(Period period, List<ProviderStats> providers) {
}
