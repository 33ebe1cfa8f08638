package io.edgeward.kafka.broker;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one real broker per test JVM into test methods, constructors and lifecycle methods that declare a
 * {@link KafkaBroker} parameter. The broker is started on first use and stopped when the test run ends; tests share
 * it, so each test uses topics of its own.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new SharedBroker(), SharedBroker.class)
                .broker;
    }

    @SuppressWarnings("deprecation")
    private static final class SharedBroker implements ExtensionContext.Store.CloseableResource {

        private final Path dataDir = Path.of("target", "kafka-broker-" + UUID.randomUUID()).toAbsolutePath();
        private final KafkaBroker broker = KafkaBroker.start(dataDir);

        @Override
        public void close() {
            broker.close();
            KafkaBroker.deleteDataDir(dataDir);
        }
    }
}
