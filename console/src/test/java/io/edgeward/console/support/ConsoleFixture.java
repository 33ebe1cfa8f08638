package io.edgeward.console.support;

import io.edgeward.console.ConsoleConfig;
import io.edgeward.console.ConsoleServer;
import io.edgeward.env.net.Cidr;
import io.edgeward.testing.TestClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A started console in front of a stand-in Protector and in-memory figures; one per test, closed after it. */
public final class ConsoleFixture implements AutoCloseable {

    public static final String TOKEN = "admin-token-for-console-tests-0123456789";

    public final TestClock clock = new TestClock(Instant.now());
    public final InMemoryFigures figures = new InMemoryFigures();
    public final StandInProtector protector;
    public final ConsoleServer server;

    public ConsoleFixture() {
        this(new StandInProtector(TOKEN), List.of());
    }

    private ConsoleFixture(StandInProtector protector, List<Cidr> trustedProxies) {
        this.protector = protector;
        this.server = ConsoleServer.start(ConsoleConfig.of(TOKEN, URI.create(protector.url()))
                .withTrustedProxies(trustedProxies), figures, clock);
    }

    /** A console behind load balancers in {@code ranges}. */
    public static ConsoleFixture behindProxies(String... ranges) {
        return new ConsoleFixture(new StandInProtector(TOKEN), List.of(ranges).stream().map(Cidr::parse).toList());
    }

    /** A console whose Protector is not listening at all. */
    public static ConsoleServer withProtectorDown(InMemoryFigures figures) {
        return ConsoleServer.start(ConsoleConfig.of(TOKEN, URI.create("http://127.0.0.1:9")), figures);
    }

    public ConsoleClient client() {
        return new ConsoleClient(server.port());
    }

    public ConsoleClient signedIn() {
        ConsoleClient client = client();
        if (client.login(TOKEN).statusCode() != 303 || client.session == null) {
            throw new AssertionError("login failed");
        }
        return client;
    }

    @Override
    public void close() {
        server.close();
        protector.close();
    }
}
