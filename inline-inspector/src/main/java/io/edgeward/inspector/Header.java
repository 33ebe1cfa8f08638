package io.edgeward.inspector;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One header line as received or to be sent; names keep their case, matching ignores it. */
record Header(String name, String value) {

    /** Hop-by-hop headers and those java.net.http sets itself: never copied from one connection to the next. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "host",
            "expect", "http2-settings");

    boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    boolean forwardable() {
        return forwardable(name);
    }

    static boolean forwardable(String name) {
        return !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":");
    }

    static String first(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.is(name)) {
                return header.value();
            }
        }
        return null;
    }
}
