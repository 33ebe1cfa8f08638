package io.edgeward.passive.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Paths to leave out by extension ({@code css}, {@code png}, …), matched case-insensitively on the last path
 * segment. Empty by default: whether a client loads a page's assets is itself a detection signal.
 */
public final class StaticExtensions {

    private final Set<String> extensions = new HashSet<>();

    public StaticExtensions(List<String> extensions) {
        for (String extension : extensions) {
            this.extensions.add(extension.toLowerCase(Locale.ROOT));
        }
    }

    public boolean isStatic(String path) {
        if (extensions.isEmpty()) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && dot < path.length() - 1
                && extensions.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
