package io.edgeward.protector.decision;

import java.util.Objects;

/**
 * The identity of a decision in the compacted topic: {@code <list>|<scope>|<value>}, value in canonical form
 * (see {@link ScopeValues}). A newer record with the same key replaces the older one; a tombstone removes it.
 */
public record DecisionKey(ListKind list, Scope scope, String value) {

    public DecisionKey {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(value, "value");
    }

    public String toKafkaKey() {
        return list.wireName() + "|" + scope.wireName() + "|" + value;
    }

    /**
     * Parses a topic key and canonicalizes its value, so keys written by other producers in another spelling
     * (an uncompressed IPv6 address, a lowercase country) still address the same entry.
     *
     * @throws InvalidDecisionException when the key is not {@code <list>|<scope>|<value>} or the value is invalid
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
        return new DecisionKey(list, scope, ScopeValues.canonical(scope, kafkaKey.substring(second + 1)));
    }
}
