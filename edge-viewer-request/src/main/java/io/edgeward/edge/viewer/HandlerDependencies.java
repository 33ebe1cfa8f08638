package io.edgeward.edge.viewer;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.jvm.EdgeSetup;
import io.edgeward.edge.jvm.JvmPorts;
import java.util.function.Function;

/**
 * What the viewer-request and origin-request functions are built from: the configuration (or why there is none),
 * the ports, and the log of the responses they generate, made from the configuration.
 *
 * @param setup        the edge configuration, or the reason it is unusable (then every request passes unchanged)
 * @param ports        clock, HTTP, JSON, log...
 * @param generatedLog the log of generated block/challenge responses for a ready configuration
 */
public record HandlerDependencies(EdgeSetup<EdgeConfig> setup, EdgePorts ports,
                                  Function<EdgeConfig, GeneratedResponseLog> generatedLog) {

    /** Lambda@Edge: the bundled configuration, the JVM ports, generated responses shipped to its ingest. */
    public static HandlerDependencies bundled(String loggerName) {
        EdgePorts ports = JvmPorts.create(loggerName);
        return shipping(EdgeSetup.bundled(ports.json()), ports);
    }

    /** The local front, the inline inspector: generated responses shipped to the configured ingest. */
    public static HandlerDependencies of(EdgeConfig config, EdgePorts ports) {
        return shipping(EdgeSetup.ready(config), ports);
    }

    /** Tests: generated responses go to {@code log} (nothing is shipped). */
    public static HandlerDependencies of(EdgeConfig config, EdgePorts ports, GeneratedResponseLog log) {
        return new HandlerDependencies(EdgeSetup.ready(config), ports, config1 -> log);
    }

    /** A configuration from anywhere (a test's missing resource), generated responses shipped to its ingest. */
    public static HandlerDependencies shipping(EdgeSetup<EdgeConfig> setup, EdgePorts ports) {
        return new HandlerDependencies(setup, ports,
                config -> GeneratedResponseShipping.orNone(GeneratedResponseShipping.create(config, ports)));
    }
}
