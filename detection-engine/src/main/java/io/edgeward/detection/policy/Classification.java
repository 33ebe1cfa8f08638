package io.edgeward.detection.policy;

import java.util.List;
import java.util.Set;

/**
 * How a log record is classified into the signals rules count. Paths are compared exactly (lowercase, without
 * query); {@code probePaths} entries ending in {@code /} match as prefixes; user agents match by case-insensitive
 * substring.
 */
public record Classification(Set<String> assetExtensions, List<String> apiPathPrefixes,
                             Set<String> loginPaths, Set<Integer> loginFailureStatuses,
                             Set<String> signupPaths, Set<String> paymentPaths, Set<Integer> paymentFailureStatuses,
                             Set<String> cartAddPaths, List<String> probePaths, List<String> automationUserAgents) {
}
