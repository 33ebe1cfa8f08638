package io.edgeward.edge.core.decision;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.config.Exclusions;
import io.edgeward.edge.core.config.Mode;
import io.edgeward.edge.core.config.Route;
import java.util.List;

/** The mode for a path (longest matching route prefix, else the default) and whether the path is excluded. */
public final class RouteMatcher {

    private final Mode defaultMode;
    private final List<Route> routes;
    private final Exclusions exclusions;

    public RouteMatcher(EdgeConfig config) {
        this(config.mode(), config.routes(), config.exclude());
    }

    public RouteMatcher(Mode defaultMode, List<Route> routes, Exclusions exclusions) {
        this.defaultMode = defaultMode;
        this.routes = List.copyOf(routes);
        this.exclusions = exclusions;
    }

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

    /** Excluded by path prefix, or by the extension of the last path segment (case-insensitive). */
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
