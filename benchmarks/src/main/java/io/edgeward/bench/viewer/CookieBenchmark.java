package io.edgeward.bench.viewer;

import io.edgeward.edge.core.session.CookieRead;
import io.edgeward.edge.core.session.Session;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Minting (sign + Set-Cookie) and reading (find, verify HS256, claims, binding) the session cookie on the JVM. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CookieBenchmark {

    private BenchFixture fixture;
    private Session session;
    private List<String> cookieHeader;
    private long now;

    @Setup
    public void setUp() {
        fixture = new BenchFixture();
        now = fixture.ports.clock().nowMillis() / 1000;
        session = fixture.cookies.newSession(BenchFixture.UA, now, fixture.ports.randomness()).checkedGood(now + 3600);
        cookieHeader = List.of("_ga=GA1.1.123; " + fixture.freshCookiePair() + "; theme=dark");
        if (!fixture.cookies.read(cookieHeader, BenchFixture.UA, now).state().usable()) {
            throw new IllegalStateException("the benchmark cookie does not verify");
        }
    }

    @Benchmark
    public String mint() {
        return fixture.cookies.setCookie(session, now);
    }

    @Benchmark
    public CookieRead verify() {
        return fixture.cookies.read(cookieHeader, BenchFixture.UA, now);
    }
}
