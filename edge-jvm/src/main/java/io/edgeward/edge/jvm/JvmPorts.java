package io.edgeward.edge.jvm;

import io.edgeward.edge.core.port.EdgeClock;
import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.EdgePorts;
import java.time.Clock;
import java.time.Duration;

/** The JVM implementations of the edge ports: system clock, SecureRandom, SHA-256, Jackson, java.net.http, SLF4J. */
public final class JvmPorts {

    /** Connect timeout of the shared HTTP client; each call's own budget still bounds the whole exchange. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private JvmPorts() {
    }

    public static EdgePorts create(String logName) {
        return create(Clock.systemUTC(), new JavaNetEdgeHttp(CONNECT_TIMEOUT), logName);
    }

    /** With another clock (tests move it) and HTTP client. */
    public static EdgePorts create(Clock clock, EdgeHttp http, String logName) {
        EdgeClock edgeClock = clock::millis;
        return new EdgePorts(edgeClock, new SecureRandomness(), new Sha256Digest(), new JacksonJsonCodec(), http,
                new Slf4jEdgeLog(logName));
    }
}
