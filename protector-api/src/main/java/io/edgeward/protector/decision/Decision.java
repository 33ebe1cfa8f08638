package io.edgeward.protector.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the decisions topic: for requests matching {@code scope}/{@code value}, do {@code action} until
 * {@code expiresAt} (null: no expiry). Allowlist entries carry {@link Action#ALLOW}.
 *
 * <p>Qualifiers (contract C4) narrow where it applies: {@code sessionless} only to requests without an established
 * session in good standing; {@code route} only to requests matching that route. Both are part of the key, so
 * one value may carry several decisions that differ only by qualifiers.
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
        Instant expiresAt,
        boolean sessionless,
        RouteSpec route) {

    public static final String ADMIN_SOURCE = "admin";

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(createdAt, "createdAt");
        if (list != ListKind.DECISION && action != Action.ALLOW) {
            throw new InvalidDecisionException(list.wireName() + " entries must have action allow, was "
                    + action.wireName());
        }
    }

    /** A decision without qualifiers. */
    public Decision(String id, ListKind list, Scope scope, String value, Action action, String reason, String source,
                    Instant createdAt, Instant expiresAt) {
        this(id, list, scope, value, action, reason, source, createdAt, expiresAt, false, null);
    }

    public DecisionKey key() {
        return new DecisionKey(list, scope, value, sessionless, route);
    }

    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    public boolean fromAdmin() {
        return ADMIN_SOURCE.equals(source);
    }
}
