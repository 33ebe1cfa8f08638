package io.edgeward.protector.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The wire form of a decision, shared by the decisions topic value and the admin API
 * (docs/contracts.md, "Kafka topics"). {@link #toDecision(String)} validates and canonicalizes. The qualifiers
 * {@code sessionless} and {@code route} (contract C4) are written only when set, so readers that predate them see
 * the records of before.
 */
public record DecisionJson(
        String id,
        String list,
        String scope,
        String value,
        String action,
        String reason,
        String source,
        String createdAt,
        String expiresAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean sessionless,
        @JsonInclude(JsonInclude.Include.NON_NULL) String route) {

    public static DecisionJson from(Decision d) {
        return new DecisionJson(d.id(), d.list().wireName(), d.scope().wireName(), d.value(), d.action().wireName(),
                d.reason(), d.source(), d.createdAt().toString(), d.expiresAt() == null ? null : d.expiresAt().toString(),
                d.sessionless() ? Boolean.TRUE : null, d.route() == null ? null : d.route().toString());
    }

    /**
     * @param fallbackId used when the record carries no id (e.g. a producer that only keys its records)
     * @throws InvalidDecisionException naming the bad field
     */
    public Decision toDecision(String fallbackId) {
        ListKind l = ListKind.fromWire(list == null ? "decision" : list)
                .orElseThrow(() -> new InvalidDecisionException("list must be decision, allowlist or allow-automation, was '" + list + "'"));
        Scope s = Scope.fromWire(scope)
                .orElseThrow(() -> new InvalidDecisionException("scope must be one of " + Scope.WIRE_NAMES + ", was '" + scope + "'"));
        Action a = action == null && l != ListKind.DECISION ? Action.ALLOW : Action.fromWire(action)
                .orElseThrow(() -> new InvalidDecisionException("action must be one of allow, challenge, block, monitor, was '" + action + "'"));
        String decisionId = id == null || id.isBlank() ? fallbackId : id;
        RouteSpec r = route == null ? null : RouteSpec.parse(route, "route");
        return new Decision(decisionId, l, s, ScopeValues.canonical(s, value), a, reason, source,
                createdAt == null ? Instant.EPOCH : instant("createdAt", createdAt),
                expiresAt == null ? null : instant("expiresAt", expiresAt), Boolean.TRUE.equals(sessionless), r);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidDecisionException(field + " must be an ISO-8601 UTC time, was '" + text + "'");
        }
    }
}
