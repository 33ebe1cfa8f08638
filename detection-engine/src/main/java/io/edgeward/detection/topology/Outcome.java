package io.edgeward.detection.topology;

import io.edgeward.detection.topics.Decision;
import io.edgeward.detection.topics.Detection;

/** An escalated detection and the decision it publishes (null when that decision had already expired). */
record Outcome(Detection detection, Decision decision) {
}
