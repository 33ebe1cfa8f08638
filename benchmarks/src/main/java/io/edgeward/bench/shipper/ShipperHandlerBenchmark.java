package io.edgeward.bench.shipper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecordBuilder;
import io.edgeward.edge.core.port.EdgePorts;
import io.edgeward.edge.core.shipper.LogShipper;
import io.edgeward.edge.core.shipper.ResponseLogging;
import io.edgeward.edge.jvm.JvmPorts;
import io.edgeward.edge.shipper.LogShipperHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time the log shipper function spends per request on the JVM, with ingest a real HTTP server on loopback answering
 * 202 (so sends, answers and their threads compete for the same cores, as in the local stack).
 * <ul>
 *   <li>{@code passThrough}: what any JVM edge function pays anyway: parse the event with Jackson, write the response
 *       back. The baseline.</li>
 *   <li>{@code shipperHandler}: the whole {@link LogShipperHandler}: parse, once-only rule, record with masking,
 *       enqueue, a fire-and-forget POST every {@code batchSize} requests, write the response.</li>
 *   <li>{@code shipperPolicyOnly}: just the added part, {@link ResponseLogging#handle} on an event already parsed
 *       (once-only rule, record, masking, NDJSON line, enqueue, the amortised POST), with its own shipper.</li>
 * </ul>
 * The added time per request is {@code shipperPolicyOnly}, or the difference of the first two. Counters (accepted, dropped) are printed at tear-down: a drop means
 * the benchmark outran ingest's answers and the bound did its job rather than blocking.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShipperHandlerBenchmark {

    @Param({"50"})
    public int batchSize;

    private final ObjectMapper json = new ObjectMapper();
    private byte[] event;
    private HttpServer ingest;
    private ExecutorService ingestThreads;
    private LogShipperHandler handler;
    private LogShipper policyShipper;
    private ResponseLogging policy;
    private Map<String, Object> parsedEvent;

    @Setup(Level.Trial)
    public void start() throws IOException {
        event = SampleEvents.VIEWER_RESPONSE.getBytes(StandardCharsets.UTF_8);
        ingestThreads = Executors.newFixedThreadPool(2);
        ingest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ingest.createContext("/v1/logs", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(202, -1);
            }
        });
        ingest.setExecutor(ingestThreads);
        ingest.start();
        ShipperConfig config = new ShipperConfig(
                new ShipperConfig.Ingest("http://127.0.0.1:" + ingest.getAddress().getPort(), "bench-key", batchSize,
                        2000, 1000, 1000, 4),
                new ShipperConfig.Logging(List.of(), List.of("password", "token", "code", "session"),
                        List.of("password")));
        EdgePorts ports = JvmPorts.create("bench.shipper");
        handler = new LogShipperHandler(LogShipperHandler.Dependencies.of(config, ports));
        policyShipper = new LogShipper(config.ingest(), ports.http(), ports.json(), ports.clock(), ports.log());
        policy = new ResponseLogging(new LogRecordBuilder(config.logging(), ports.json()), policyShipper,
                ports.clock(), ports.log());
        parsedEvent = ports.json().parseObject(SampleEvents.VIEWER_RESPONSE);
    }

    @TearDown(Level.Trial)
    public void stop() {
        System.out.println();
        System.out.println("handler counters: " + handler.stats());
        System.out.println("policy counters: " + policyShipper.stats());
        ingest.stop(0);
        ingestThreads.shutdownNow();
    }

    @Benchmark
    public byte[] passThrough() throws IOException {
        JsonNode root = json.readTree(new ByteArrayInputStream(event));
        return json.writeValueAsBytes(root.path("Records").path(0).path("cf").path("response"));
    }

    @Benchmark
    public Map<String, Object> shipperPolicyOnly() {
        return policy.handle(parsedEvent);
    }

    @Benchmark
    public byte[] shipperHandler() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toByteArray();
    }
}
