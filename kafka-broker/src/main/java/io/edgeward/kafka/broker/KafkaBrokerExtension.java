package io.edgeward.kafka.broker;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one real broker per test JVM into test methods, constructors and lifecycle methods that declare a
 * {@link KafkaBroker} parameter, and one broker with TLS listeners into those declaring a {@link TlsKafkaBroker}
 * (started only when asked for). Each is started on first use and stopped when the test run ends; tests share them,
 * so each test uses topics of its own.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaBroker.class || type == TlsKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (parameter.getParameter().getType() == TlsKafkaBroker.class) {
            return store.computeIfAbsent("tls-broker", key -> new SharedBroker(true), SharedBroker.class)
                    .tlsBroker;
        }
        return store.computeIfAbsent("broker", key -> new SharedBroker(false), SharedBroker.class).broker;
    }

    /** Closed by JUnit with the root store (JUnit closes AutoCloseable store values). */
    private static final class SharedBroker implements AutoCloseable {

        private final Path dataDir = Path.of("target", "kafka-broker-" + UUID.randomUUID()).toAbsolutePath();
        private final KafkaBroker broker;
        private final TlsKafkaBroker tlsBroker;

        SharedBroker(boolean tls) {
            if (tls) {
                TlsMaterial material = TlsMaterial.generate(dataDir.resolve("tls"));
                broker = KafkaBroker.startWithTls(dataDir, material);
                tlsBroker = new TlsKafkaBroker(broker, material);
            } else {
                broker = KafkaBroker.start(dataDir);
                tlsBroker = null;
            }
        }

        @Override
        public void close() {
            broker.close();
            KafkaBroker.deleteDataDir(dataDir);
        }
    }
}
