package io.edgeward.edge.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths the edge always forwards, unchecked and never challenged or blocked, but logged (issue 11 item 9): the rules
 * crawlers must be able to read even from a blocked address. An entry ending in {@code /} (or {@code *}, dropped) is
 * a prefix; any other entry is one exact path. Entries are compared with the normalised path, and a tricky path
 * (PathNormaliser) never qualifies, so {@code /robots.txt/..;/admin} is not served on this ground.
 * Default {@code ["/robots.txt", "/.well-known/"]}; a configured list replaces it ({@code []} for none).
 */
public record AlwaysServed(List<String> exact, List<String> prefixes) {

    public static final List<String> DEFAULT = List.of("/robots.txt", "/.well-known/");

    public AlwaysServed {
        exact = List.copyOf(exact);
        prefixes = List.copyOf(prefixes);
    }

    public static AlwaysServed defaults() {
        return of("alwaysServed", DEFAULT);
    }

    public static AlwaysServed none() {
        return new AlwaysServed(List.of(), List.of());
    }

    static AlwaysServed of(String key, List<String> entries) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.startsWith("/") || entry.indexOf('?') >= 0 || entry.indexOf(';') >= 0
                    || entry.indexOf('%') >= 0 || entry.indexOf('\\') >= 0 || entry.indexOf("//") >= 0) {
                throw new ConfigException(key + " entries must be plain paths starting with '/', was " + entry);
            }
            if (entry.endsWith("*")) {
                prefixes.add(entry.substring(0, entry.length() - 1));
            } else if (entry.endsWith("/")) {
                prefixes.add(entry);
            } else {
                exact.add(entry);
            }
        }
        return new AlwaysServed(exact, prefixes);
    }

    /** Whether this normalised, non-tricky path is always served. */
    public boolean contains(String normalisedPath) {
        if (exact.contains(normalisedPath)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (normalisedPath.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
