package io.edgeward.edge.core.block;

/**
 * A block the edge enforces without asking Protector: carried in the visitor's cookie or remembered for its address.
 * {@code reason} is what the mark and the log record say.
 */
public record HeldBlock(String source, String scope, long until) {

    public static final String COOKIE = "cookie";
    public static final String ADDRESS_CACHE = "cache";

    public String reason() {
        return "block held (" + source + (scope == null ? "" : ", " + scope) + ")";
    }
}
