package io.edgeward.bench.viewer;

import io.edgeward.edge.core.decision.EdgeResult;
import io.edgeward.edge.core.decision.GeneratedResponseLog;
import io.edgeward.edge.core.decision.ViewerPolicy;
import io.edgeward.edge.core.event.CfEvent;
import io.edgeward.edge.viewer.HandlerDependencies;
import io.edgeward.edge.viewer.ViewerRequestHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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

/**
 * The viewer-request decision for a visitor with a fresh valid cookie (no Protector call): through the whole
 * Lambda handler (bytes in, JSON parse, policy, JSON out) and through the policy alone (parsed event in, result out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ViewerDecisionBenchmark {

    private byte[] eventBytes;
    private CfEvent event;
    private ViewerRequestHandler handler;
    private ViewerPolicy policy;

    @Setup
    public void setUp() {
        BenchFixture fixture = new BenchFixture();
        String json = fixture.eventJson(fixture.freshCookiePair());
        eventBytes = json.getBytes(StandardCharsets.UTF_8);
        event = CfEvent.fromJson(fixture.ports.json().parseObject(json));
        handler = new ViewerRequestHandler(HandlerDependencies.of(fixture.config, fixture.ports,
                GeneratedResponseLog.NONE));
        policy = new ViewerPolicy(fixture.config, fixture.ports, fixture.tokens, GeneratedResponseLog.NONE);
        if (!(decideWithPolicy() instanceof EdgeResult.Forward forward) || !"valid".equals(forward.mark().cookieState())) {
            throw new IllegalStateException("the benchmark cookie is not read as valid");
        }
    }

    @Benchmark
    public byte[] throughHandler() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        handler.handleRequest(new ByteArrayInputStream(eventBytes), out, null);
        return out.toByteArray();
    }

    @Benchmark
    public Object decideWithPolicy() {
        EdgeResult[] result = new EdgeResult[1];
        policy.handle(event, r -> result[0] = r);
        return result[0];
    }

    @Benchmark
    public Map<String, Object> decideAndWriteRequest() {
        EdgeResult[] result = new EdgeResult[1];
        policy.handle(event, r -> result[0] = r);
        return ((EdgeResult.Forward) result[0]).request().toJson();
    }
}
