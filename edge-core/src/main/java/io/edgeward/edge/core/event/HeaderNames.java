package io.edgeward.edge.core.event;

/**
 * The request's header names for the check request and the log record (docs/contracts.md C1, C8): lowercase, in
 * received order, comma-joined, without {@code cookie}, {@code cloudfront-*} and {@code x-edgeward-*} (values the
 * client does not choose, or ours), at most {@link #MAX_LENGTH} characters, cut at a comma.
 */
public final class HeaderNames {

    public static final int MAX_LENGTH = 512;

    private HeaderNames() {
    }

    public static String of(CfHeaders headers) {
        StringBuilder out = new StringBuilder();
        for (String name : headers.names()) {
            if (name.equals("cookie") || name.startsWith("cloudfront-") || name.startsWith("x-edgeward-")) {
                continue;
            }
            int needed = name.length() + (out.length() == 0 ? 0 : 1);
            if (out.length() + needed > MAX_LENGTH) {
                break;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(name);
        }
        return out.toString();
    }
}
