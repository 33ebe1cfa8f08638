package io.edgeward.passive.parse;

/** The raw values of one log line by column: null when the field is absent, {@code -} or empty. */
@FunctionalInterface
public interface FieldValues {

    String get(Column column);
}
