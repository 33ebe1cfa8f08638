package io.edgeward.passive.parse;

/** The raw values of one log line by column: null when the field is absent, {@code -} or empty. */
@FunctionalInterface
public interface FieldValues {

    String get(Column column);

    /**
     * Whether the line's layout has the column at all, so that a missing value means the request lacked it.
     * Without a layout only a value present shows the source carries the field.
     */
    default boolean carries(Column column) {
        return get(column) != null;
    }
}
