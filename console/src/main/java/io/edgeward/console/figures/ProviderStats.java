package io.edgeward.console.figures;

import java.util.Map;

/**
 * @param solveMillisP50 median time from issue to a passing verification (null: none passed)
 * @param failureReasons failed verifications by reason
 */
public record ProviderStats(String provider, long issued, long passed, long failed, long blocked, long limited,
                            Long solveMillisP50, Long solveMillisP90, Map<String, Long> failureReasons) {
}
