package io.edgeward.inspector;

import java.util.Locale;
import java.util.Set;

/** Which headers the inspector passes from one connection to the next (to the origin, back to CloudFront). */
final class ForwardedHeaders {

    /** Hop-by-hop headers and those java.net.http sets itself: never copied from one connection to the next. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "host",
            "expect", "http2-settings");

    private ForwardedHeaders() {
    }

    static boolean forwardable(String name) {
        return !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":");
    }
}
