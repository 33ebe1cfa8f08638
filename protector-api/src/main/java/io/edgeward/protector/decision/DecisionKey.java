package io.edgeward.protector.decision;

import java.util.Objects;

/**
 * The identity of a decision in the compacted topic: {@code <list>|<scope>|<value>}, value in canonical form
 * (see {@link ScopeValues}), then {@code |sessionless} when the decision is sessionless and {@code |route=<route>}
 * when it has a route (contract C4; absent qualifiers give the key of before). A newer record with the same key
 * replaces the older one; a tombstone removes it.
 */
public record DecisionKey(ListKind list, Scope scope, String value, boolean sessionless, RouteSpec route) {

    static final String SESSIONLESS = "|sessionless";
    static final String ROUTE = "|route=";

    public DecisionKey {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
    }

    public DecisionKey(ListKind list, Scope scope, String value) {
        this(list, scope, value, false, null);
    }

    public String toKafkaKey() {
        return list.wireName() + "|" + scope.wireName() + "|" + value + (sessionless ? SESSIONLESS : "")
                + (route == null ? "" : ROUTE + route);
    }

    /**
     * Parses a topic key and canonicalizes its value, so keys written by other producers in another spelling
     * (an uncompressed IPv6 address, a lowercase country) still address the same entry. Qualifiers are read from
     * the end: a route never contains {@code |}; a user agent that itself ends in {@code |sessionless} is read as
     * the qualifier (the codec then finds key and value disagreeing and rejects the record).
     *
     * @throws InvalidDecisionException when the key is not {@code <list>|<scope>|<value>[|sessionless][|route=...]}
     *                                  or a part is invalid
     */
    public static DecisionKey parse(String kafkaKey) {
        if (kafkaKey == null) {
            throw new InvalidDecisionException("key is missing");
        }
        int first = kafkaKey.indexOf('|');
        int second = first < 0 ? -1 : kafkaKey.indexOf('|', first + 1);
        if (second < 0) {
            throw new InvalidDecisionException("key must be <list>|<scope>|<value>, was '" + kafkaKey + "'");
        }
        String listName = kafkaKey.substring(0, first);
        String scopeName = kafkaKey.substring(first + 1, second);
        ListKind list = ListKind.fromWire(listName)
                .orElseThrow(() -> new InvalidDecisionException("unknown list '" + listName + "' in key"));
        Scope scope = Scope.fromWire(scopeName)
                .orElseThrow(() -> new InvalidDecisionException("unknown scope '" + scopeName + "' in key"));
        String rest = kafkaKey.substring(second + 1);
        RouteSpec route = null;
        int routeAt = rest.lastIndexOf(ROUTE);
        if (routeAt >= 0 && rest.indexOf('|', routeAt + 1) < 0) {
            route = RouteSpec.parse(rest.substring(routeAt + ROUTE.length()), "route in key");
            rest = rest.substring(0, routeAt);
        }
        boolean sessionless = rest.endsWith(SESSIONLESS);
        if (sessionless) {
            rest = rest.substring(0, rest.length() - SESSIONLESS.length());
        }
        return new DecisionKey(list, scope, ScopeValues.canonical(scope, rest), sessionless, route);
    }
}
