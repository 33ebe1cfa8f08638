package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.config.AlwaysServed;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.Exclusions;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.config.Route;
import io.edgeward.edge.core.path.NormalisedPath;
import java.util.List;

/**
 * The mode for a path (longest matching route prefix, else the default), whether the path is excluded, and whether
 * it is always served. Every method takes the normalised path (PathNormaliser, DESIGN "One normalised path"): a
 * client cannot pick its mode by spelling, and a tricky path (a {@code ;} parameter, a dot segment, {@code //}, an
 * encoded separator) is never an excluded asset nor an always-served path, whatever it ends with.
 */
public final class RouteMatcher {

    private final Mode defaultMode;
    private final List<Route> routes;
    private final Exclusions exclusions;
    private final AlwaysServed alwaysServed;

    public RouteMatcher(EdgeConfig config) {
        this(config.mode(), config.routes(), config.exclude(), config.alwaysServed());
    }

    public RouteMatcher(Mode defaultMode, List<Route> routes, Exclusions exclusions) {
        this(defaultMode, routes, exclusions, AlwaysServed.none());
    }

    public RouteMatcher(Mode defaultMode, List<Route> routes, Exclusions exclusions, AlwaysServed alwaysServed) {
        this.defaultMode = defaultMode;
        this.routes = List.copyOf(routes);
        this.exclusions = exclusions;
        this.alwaysServed = alwaysServed;
    }

    /** Always forwarded, unchecked, even for a blocked client; never for a tricky path. */
    public boolean isAlwaysServed(NormalisedPath path) {
        return !path.tricky() && alwaysServed.contains(path.path());
    }

    /** Excluded from checks; never for a tricky path. */
    public boolean isExcluded(NormalisedPath path) {
        return !path.tricky() && isExcluded(path.path());
    }

    /** The mode for a normalised path. */
    public Mode modeFor(String path) {
        Route best = null;
        for (Route route : routes) {
            if (path.startsWith(route.pathPrefix())
                    && (best == null || route.pathPrefix().length() > best.pathPrefix().length())) {
                best = route;
            }
        }
        return best == null ? defaultMode : best.mode();
    }

    /**
     * Excluded by path prefix, or by the extension of the last path segment (case-insensitive). Takes a normalised
     * path; callers holding a request use {@link #isExcluded(NormalisedPath)}, which also refuses tricky paths.
     */
    public boolean isExcluded(String path) {
        for (String prefix : exclusions.pathPrefixes()) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        if (exclusions.extensions().isEmpty()) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash || dot == path.length() - 1) {
            return false;
        }
        String extension = path.substring(dot + 1);
        for (String excluded : exclusions.extensions()) {
            if (excluded.equalsIgnoreCase(extension)) {
                return true;
            }
        }
        return false;
    }
}
