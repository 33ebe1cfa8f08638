package io.edgeward.edge.shipper;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.port.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the shipper's sections of the edge configuration baked into the bundle. */
final class ConfigResource {

    private static final Logger LOG = LoggerFactory.getLogger(LogShipperHandler.class);

    private ConfigResource() {
    }

    /** The configuration, or null (logged as an error, with the reason but no secret) when missing or invalid. */
    static ShipperConfig loadOrNull(String name, JsonCodec json) {
        try (InputStream in = ConfigResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                LOG.error("{} is not on the class path: responses pass through unlogged", name);
                return null;
            }
            return ShipperConfig.fromJson(json.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            LOG.error("{} is unusable, responses pass through unlogged: {}", name, e.getMessage());
            return null;
        }
    }
}
