package io.edgeward.console.figures;

import java.time.Instant;

/** Requests in one bucket by edge action; {@code total} includes those with no or another action. */
public record SeriesPoint(Instant start, long total, long allow, long challenge, long block, long monitor) {
}
