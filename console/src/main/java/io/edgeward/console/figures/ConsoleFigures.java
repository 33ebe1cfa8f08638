package io.edgeward.console.figures;

import java.util.List;

/**
 * What the console's pages show, answered from the console's own Kafka Streams state stores (interactive queries):
 * nothing here reads Kafka or Protector on the request path.
 */
public interface ConsoleFigures {

    /** Requests, their outcomes over time and the top values of each dimension, for the period ending now. */
    Overview overview(Period period);

    /** Detections, newest first, as {@code query} narrows them. */
    List<DetectionRow> detections(DetectionQuery query);

    /** What the stream holds about one session, address or request: its requests, detections and challenges. */
    Explanation explain(ExplainKey key);

    /** Challenges issued, passed and failed by provider, and solve times, for the period ending now. */
    ChallengeStats challenges(Period period);

    /** How often each rule fired in the period ending now, most first. */
    List<RuleFiring> ruleFirings(Period period);

    /** Whether the stores can be queried (the streams application is running and restored). */
    boolean ready();
}
