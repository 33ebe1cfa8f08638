package io.edgeward.edge.viewer;

import io.edgeward.edge.core.config.ConfigException;
import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.port.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the edge configuration baked into the bundle (Lambda@Edge has no environment variables). */
final class EdgeConfigResource {

    static final String DEFAULT_NAME = "edgeward-edge.json";

    private EdgeConfigResource() {
    }

    /** @throws ConfigException when the resource is missing or invalid */
    static EdgeConfig load(String name, JsonCodec json) {
        try (InputStream in = EdgeConfigResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigException(name + " is not on the class path");
            }
            return EdgeConfig.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
