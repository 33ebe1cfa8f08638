package io.edgeward.edge.core.config;

import java.util.Set;

/** A path prefix with its own mode; the longest matching prefix wins, otherwise the top-level {@code mode}. */
public record Route(String pathPrefix, Mode mode) {

    static final Set<String> KEYS = Set.of("pathPrefix", "mode");

    public Route {
        if (pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new ConfigException("routes[].pathPrefix must start with '/', was " + pathPrefix);
        }
        if (mode == null) {
            throw new ConfigException("routes[].mode is required");
        }
    }

    static Route read(int index, Object section) {
        ConfigReader reader = ConfigReader.section("routes[" + index + "]", section, KEYS);
        String prefix = reader.requiredString("pathPrefix");
        if (!prefix.startsWith("/")) {
            throw new ConfigException(reader.key("pathPrefix") + " must start with '/', was " + prefix);
        }
        return new Route(prefix, Mode.parse(reader.key("mode"), reader.requiredString("mode")));
    }
}
