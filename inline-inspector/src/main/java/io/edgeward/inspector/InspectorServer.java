package io.edgeward.inspector;

import io.edgeward.emulator.EdgeEvents;
import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspector's HTTP side (Javalin): {@code /.edgeward/health} for CloudFront's origin group, load balancer and
 * Route 53 health checks, and every other path through {@link Inspection}.
 *
 * <p>Trust: with an origin secret configured, a request must carry it in {@code x-edgeward-origin-secret} (compared
 * in constant time) or it is refused with 403: only CloudFront knows it, so only then is
 * {@code CloudFront-Viewer-Address} the viewer's address. The secret header is removed before anything else sees it.
 * Without a secret configured, {@code cloudfront-*} headers are dropped: the edge policy here trusts them
 * ({@code trustCloudFrontHeaders}), and nothing says CloudFront set them.
 */
public final class InspectorServer implements AutoCloseable {

    public static final String HEALTH_PATH = "/.edgeward/health";
    public static final String ORIGIN_SECRET_HEADER = "x-edgeward-origin-secret";
    static final String VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

    private static final Logger LOG = LoggerFactory.getLogger(InspectorServer.class);
    private static final HandlerType[] METHODS = {HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS};

    private final InspectorConfig config;
    private final byte[] originSecret;
    private final EdgeFunctions functions;
    private final Inspection inspection;
    private final Javalin app;

    public InspectorServer(InspectorConfig config) {
        this.config = config;
        this.originSecret = config.originSecret() == null ? null
                : config.originSecret().getBytes(StandardCharsets.UTF_8);
        this.functions = new EdgeFunctions(config.edge());
        this.inspection = new Inspection(EdgeEvents.behindCloudFront("INLINE", "inline-inspector"), functions,
                new OriginProxy(config.origin(), config.originTimeout()));
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = 10L * 1024 * 1024;
            javalin.routes.get(HEALTH_PATH, this::health);
            javalin.routes.head(HEALTH_PATH, this::health);
            for (HandlerType method : METHODS) {
                javalin.routes.addHttpHandler(method, "/", this::inspect);
                javalin.routes.addHttpHandler(method, "/<path>", this::inspect);
            }
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("request failed: path={} error={}", ctx.path(), e.toString());
                problem(ctx, 500, "internal", "the inspector failed");
            });
        });
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start() {
        app.start(config.bind(), config.port());
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** Sends aged log batches; the composition root calls it on a timer. */
    public void flushDue() {
        functions.flushDue();
    }

    private void health(Context ctx) {
        ctx.json(Map.of("status", "ok"));
    }

    private void inspect(Context ctx) throws IOException {
        String presented = ctx.header(ORIGIN_SECRET_HEADER);
        boolean fromCloudFront = originSecret != null && presented != null
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), originSecret);
        if (originSecret != null && !fromCloudFront) {
            problem(ctx, 403, "forbidden", "requests reach this origin through CloudFront only");
            return;
        }
        EdgeRequest request = request(ctx, fromCloudFront);
        EdgeResponse response;
        try {
            response = inspection.serve(request);
        } catch (IOException e) {
            // CloudFront's origin group fails over to the application origin on 502.
            LOG.warn("application origin unreachable: requestId={} error={}", request.requestId(), e.toString());
            problem(ctx, 502, "origin_unreachable", "the application origin did not answer");
            return;
        }
        ctx.status(response.status());
        response.headers().asMap().forEach((name, values) -> {
            if (ForwardedHeaders.forwardable(name)) {
                values.forEach(header -> ctx.res().addHeader(header.key(), header.value()));
            }
        });
        if (!"HEAD".equals(ctx.method().name())) {
            ctx.result(response.body());
        }
    }

    private static EdgeRequest request(Context ctx, boolean fromCloudFront) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            if (name.equalsIgnoreCase(ORIGIN_SECRET_HEADER)) {
                continue; // never shown to the functions, the logs or the application
            }
            if (!fromCloudFront && name.regionMatches(true, 0, "cloudfront-", 0, "cloudfront-".length())) {
                continue; // without the secret nothing says CloudFront set these: the policy trusts them
            }
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        String viewerIp = fromCloudFront ? ViewerAddress.clientIp(ctx.header(VIEWER_ADDRESS_HEADER)) : null;
        String cfId = ctx.header("x-amz-cf-id");
        String query = ctx.queryString();
        return new EdgeRequest(cfId != null && !cfId.isBlank() ? cfId : UUID.randomUUID().toString(),
                viewerIp != null ? viewerIp : ctx.ip(), ctx.method().name(), ctx.path(),
                query == null ? "" : query, EventHeaders.fromWire(headers), ctx.bodyAsBytes());
    }

    private static void problem(Context ctx, int status, String error, String detail) {
        ctx.status(status).json(Map.of("error", error, "detail", detail));
    }

    @Override
    public void close() {
        app.stop();
        functions.close();
    }
}
