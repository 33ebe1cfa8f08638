package io.edgeward.detection.topology;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What reaches escalation through its repartition topic: a candidate, or a well-behaved session report for the
 * blast-radius estimate (exactly one is set).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToEscalation(Candidate candidate, GoodSession good) {
}
