package io.edgeward.protector.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the decisions topic: for requests matching {@code scope}/{@code value}, do {@code action} until
 * {@code expiresAt} (null: no expiry). Allowlist entries carry {@link Action#ALLOW}.
 *
 * @param source who decided: {@code admin} or {@code detection:<rule>}
 */
public record Decision(
        String id,
        ListKind list,
        Scope scope,
        String value,
        Action action,
        String reason,
        String source,
        Instant createdAt,
        Instant expiresAt) {

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(createdAt, "createdAt");
        if (list == ListKind.ALLOWLIST && action != Action.ALLOW) {
            throw new InvalidDecisionException("allowlist entries must have action allow, was " + action.wireName());
        }
    }

    public DecisionKey key() {
        return new DecisionKey(list, scope, value);
    }

    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
