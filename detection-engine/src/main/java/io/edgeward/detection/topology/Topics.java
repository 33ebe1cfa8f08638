package io.edgeward.detection.topology;

/** The topics the engine reads and writes. */
public record Topics(String logs, String detections, String decisions) {

    public static Topics defaults() {
        return new Topics("edgeward.logs", "edgeward.detections", "edgeward.decisions");
    }
}
