package io.edgeward.local.front;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpServer;
import io.edgeward.emulator.EdgeFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A CloudFront-like front on one machine: every HTTP request becomes Lambda@Edge events run by the JVM targets of
 * the edge functions (viewer-request, origin-request on cache misses, and one log shipper associated with both
 * origin-response and viewer-response), with a small cache and the origin behind it.
 *
 * <p>The handlers are invoked concurrently from the request threads, so they must be thread-safe; the same
 * shipper instance receives both response events, as with one Lambda function associated with two triggers.
 */
public final class CloudFrontFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudFrontFront.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final EdgeFunction viewerRequest;
    private final EdgeFunction originRequest;
    private final EdgeFunction shipper;

    private CloudFrontFront(HttpServer server, ExecutorService executor, EdgeFunction viewerRequest,
                            EdgeFunction originRequest, EdgeFunction shipper) {
        this.server = server;
        this.executor = executor;
        this.viewerRequest = viewerRequest;
        this.originRequest = originRequest;
        this.shipper = shipper;
    }

    /** Viewer-request and the log shipper; no origin-request association. */
    public static CloudFrontFront start(FrontConfig config, RequestStreamHandler viewerRequestHandler,
                                        RequestStreamHandler shipperHandler, Clock clock) {
        return start(config, viewerRequestHandler, null, shipperHandler, clock);
    }

    /** The three associations of a protected behavior; {@code originRequestHandler} may be null (none). */
    public static CloudFrontFront start(FrontConfig config, RequestStreamHandler viewerRequestHandler,
                                        RequestStreamHandler originRequestHandler,
                                        RequestStreamHandler shipperHandler, Clock clock) {
        EdgeFunction viewerRequest = new EdgeFunction("edgeward-viewer-request", viewerRequestHandler);
        EdgeFunction originRequest = originRequestHandler == null ? EdgeFunction.none("origin-request")
                : new EdgeFunction("edgeward-origin-request", originRequestHandler);
        EdgeFunction shipper = new EdgeFunction("edgeward-log-shipper", shipperHandler);
        return start(config, viewerRequest, originRequest, shipper, new OriginClient(config), clock);
    }

    /**
     * A behavior in inline mode: no edge functions, an origin group whose primary is the inspecting origin (sent
     * {@code secretHeader: originSecret} and {@code CloudFront-Viewer-Address}) and whose secondary is
     * {@code config.origin()}, the application.
     */
    public static CloudFrontFront startInline(FrontConfig config, URI inspector, String secretHeader,
                                              String originSecret, Clock clock) {
        Origin group = new OriginGroup(new OriginClient(config.withOrigin(inspector)), new OriginClient(config),
                secretHeader, originSecret);
        return start(config, EdgeFunction.none("viewer-request"), EdgeFunction.none("origin-request"),
                EdgeFunction.none("log-shipper"), group, clock);
    }

    private static CloudFrontFront start(FrontConfig config, EdgeFunction viewerRequest, EdgeFunction originRequest,
                                         EdgeFunction shipper, Origin origin, Clock clock) {
        Distribution distribution = new Distribution(config, viewerRequest, originRequest, shipper,
                new ResponseCache(clock, 10_000), origin);
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus delayed ACKs can add
        // ~40 ms to small responses. Read once, when the server class first loads; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        ExecutorService executor = Executors.newFixedThreadPool(config.threads());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 128);
            server.createContext("/", new FrontHttpHandler(config, distribution));
            server.setExecutor(executor);
            server.start();
            LOG.info("front listening: port={} origin={}", server.getAddress().getPort(), config.origin());
            return new CloudFrontFront(server, executor, viewerRequest, originRequest, shipper);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("front could not listen on " + config.bindAddress() + ":" + config.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Faults of the edge functions since start (exceptions, empty or non-JSON output), for tests and diagnostics. */
    public long functionFaults() {
        return viewerRequest.faults() + originRequest.faults() + shipper.faults();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("front stopped");
    }
}
