package io.edgeward.console.figures;

/** How often a rule fired in a period: detections, and those that published a decision. */
public record RuleFiring(String rule, long detections, long decisions) {
}
