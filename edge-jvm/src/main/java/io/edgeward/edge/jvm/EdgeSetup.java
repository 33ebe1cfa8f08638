package io.edgeward.edge.jvm;

import io.edgeward.edge.core.config.EdgeConfig;
import io.edgeward.edge.core.port.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What a JVM edge function has to work with: a usable configuration ({@link Ready}), or the reason it has none
 * ({@link Unusable}). Every edge function treats {@code Unusable} the same way: it fails open (requests and responses
 * pass unchanged) and says why once, when it is built ({@link #reported}). Building never throws, so a bad bundle
 * never fails a Lambda@Edge cold start.
 *
 * <p>{@link #bundled} is the one loader of the configuration baked into the bundle ({@value #RESOURCE}; Lambda@Edge
 * has no environment variables), used by the viewer-request, origin-request and log-shipper functions alike.
 *
 * @param <C> what the function derives from the configuration (the configuration, the shipper's sections, the
 *            policy built from it)
 */
public sealed interface EdgeSetup<C> permits EdgeSetup.Ready, EdgeSetup.Unusable {

    /** The edge configuration's class path resource in every edge function's bundle. */
    String RESOURCE = "edgeward-edge.json";

    /** A usable configuration, or what was built from one. */
    record Ready<C>(C config) implements EdgeSetup<C> {
        public Ready {
            Objects.requireNonNull(config, "config");
        }
    }

    /** No usable configuration; {@code reason} names the key or the resource at fault, never key material. */
    record Unusable<C>(String reason) implements EdgeSetup<C> {
    }

    static <C> EdgeSetup<C> ready(C config) {
        return new Ready<>(config);
    }

    /** The bundled {@value #RESOURCE}, parsed and validated. */
    static EdgeSetup<EdgeConfig> bundled(JsonCodec json) {
        return fromResource(RESOURCE, json);
    }

    /** A configuration resource on the class path (tests name another one). */
    static EdgeSetup<EdgeConfig> fromResource(String name, JsonCodec json) {
        String text;
        try (InputStream in = EdgeSetup.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                return new Unusable<>(name + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new Unusable<>("cannot read " + name + ": " + e.getMessage());
        }
        return new Ready<>(text).map(document -> EdgeConfig.fromJson(document, json));
    }

    /**
     * What {@code derive} builds from a ready configuration; a failure there (a section that does not validate, a
     * key that cannot be decoded) makes it {@link Unusable} too, with the failure's message.
     */
    default <D> EdgeSetup<D> map(Function<? super C, ? extends D> derive) {
        if (this instanceof Ready<C> ready) {
            try {
                return new Ready<>(derive.apply(ready.config()));
            } catch (RuntimeException e) {
                return new Unusable<>(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return new Unusable<>(((Unusable<C>) this).reason());
    }

    /** Logs an unusable setup once, as an error with {@code consequence} ("passing every request through"). */
    default EdgeSetup<C> reported(Logger log, String consequence) {
        if (this instanceof Unusable<C> unusable) {
            log.error("edge configuration unusable, {}: {}", consequence, unusable.reason());
        }
        return this;
    }
}
