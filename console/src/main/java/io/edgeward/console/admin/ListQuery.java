package io.edgeward.console.admin;

/**
 * A list request (contract C2): {@code scope} and {@code value} filter exactly, {@code contains} is a
 * case-insensitive substring of value, reason or id; {@code limit} 0-1000 and {@code offset} page the answer.
 */
public record ListQuery(String scope, String value, String contains, int limit, int offset) {

    public ListQuery {
        if (limit < 0 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 0 to 1000, was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
    }

    /** Every active entry of one scope and value (the explain page). */
    public static ListQuery exactly(String scope, String value) {
        return new ListQuery(scope, value, null, 1000, 0);
    }
}
