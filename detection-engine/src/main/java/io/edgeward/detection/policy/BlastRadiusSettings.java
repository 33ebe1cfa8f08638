package io.edgeward.detection.policy;

import java.time.Duration;

/**
 * How wide a decision on a shared attribute (user agent, JA4, network, ASN, country, campaign) may be. A session
 * counts as well-behaved once it has come back with its cookie for at least {@code minAge}, loaded assets, and
 * tripped no rule; the engine keeps the newest {@code maxTrackedSessions} of them seen within {@code window}.
 * A decision is too wide when it would touch more than {@code maxShare} of them, or {@code maxSessions} or more
 * of them (the absolute cap for large sites); it is then narrowed to a route, or refused. With fewer than
 * {@code minSample} well-behaved sessions tracked (a new deployment, a quiet hour) nothing can be weighed, and a
 * decision without a route is refused rather than published on an unknown population. A decision that has a route
 * always keeps it: the attacker's route is the narrowest scope that stops it (DESIGN "Decide narrowly").
 */
public record BlastRadiusSettings(Duration window, Duration minAge, Double maxShare, Integer maxSessions,
                                  Integer maxTrackedSessions, Integer minSample) {

    public BlastRadiusSettings(Duration window, Duration minAge, Double maxShare, Integer maxSessions,
                               Integer maxTrackedSessions) {
        this(window, minAge, maxShare, maxSessions, maxTrackedSessions, null);
    }

    /** {@code minSample}, 50 when the policy leaves it out. */
    public int minSampleOrDefault() {
        return minSample == null ? 50 : minSample;
    }
}
