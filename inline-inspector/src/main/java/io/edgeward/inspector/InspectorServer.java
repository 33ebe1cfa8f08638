package io.edgeward.inspector;

import io.edgeward.emulator.EdgeEvents;
import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import io.edgeward.inspector.fronts.Admission;
import io.edgeward.inspector.fronts.TrustedFronts;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspector's HTTP side (Javalin): {@code /.edgeward/health} for load balancer, CDN pool and Route 53 health
 * checks (200 while the application origin answers, 503 when it cannot be reached: {@link OriginHealth}),
 * {@code /.edgeward/metrics} when a metrics token is configured, and every other path through {@link Inspection}.
 *
 * <p>Trust, with trusted fronts configured ({@link TrustedFronts}): a peer outside every front's ranges is refused
 * with 403 {@code untrusted_peer} (or served as its own client, by configuration); a front's peer has that front's
 * client-address header believed, and no other front's; {@code cloudfront-*} headers only from CloudFront's ranges.
 * With an origin secret configured, a request must also carry it in {@code x-edgeward-origin-secret} (compared in
 * constant time) or it is refused with 403: ranges say "some CloudFront distribution", the secret says "ours". The
 * secret header is removed before anything else sees it. Without fronts, the secret alone vouches for CloudFront:
 * without it too, {@code cloudfront-*} headers are dropped, since the edge policy here trusts them
 * ({@code trustCloudFrontHeaders}) and nothing says CloudFront set them.
 */
public final class InspectorServer implements AutoCloseable {

    public static final String HEALTH_PATH = "/.edgeward/health";
    public static final String METRICS_PATH = "/.edgeward/metrics";
    public static final String ORIGIN_SECRET_HEADER = "x-edgeward-origin-secret";
    static final String VIEWER_ADDRESS_HEADER = "cloudfront-viewer-address";

    private static final Logger LOG = LoggerFactory.getLogger(InspectorServer.class);
    private static final HandlerType[] METHODS = {HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS};

    private final InspectorConfig config;
    private final byte[] originSecret;
    private final EdgeFunctions functions;
    private final Inspection inspection;
    private final TrustedFronts fronts;
    private final OriginHealth originHealth;
    private final InspectorMetrics metrics = new InspectorMetrics();
    private final byte[] metricsToken;
    private final Javalin app;

    public InspectorServer(InspectorConfig config) {
        this.config = config;
        this.originSecret = config.originSecret() == null ? null
                : config.originSecret().getBytes(StandardCharsets.UTF_8);
        this.metricsToken = config.metricsToken() == null ? null
                : ("Bearer " + config.metricsToken()).getBytes(StandardCharsets.UTF_8);
        this.fronts = config.fronts();
        this.originHealth = new OriginHealth(config.origin(), config.originHealthPath(), config.healthTimeout(),
                config.healthCacheFor(), Clock.systemUTC());
        this.functions = new EdgeFunctions(config.edge());
        this.inspection = new Inspection(EdgeEvents.behindCloudFront("INLINE", "inline-inspector"), functions,
                new OriginProxy(config.origin(), config.originTimeout()));
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = 10L * 1024 * 1024;
            javalin.routes.get(HEALTH_PATH, this::health);
            javalin.routes.head(HEALTH_PATH, this::health);
            if (metricsToken != null) {
                javalin.routes.get(METRICS_PATH, this::metrics);
            }
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

    /** Open to anyone (monitors come from the VPC and from the CDN's own ranges): it tells nothing but up or down. */
    private void health(Context ctx) {
        boolean reachable = originHealth.reachable();
        metrics.originReachable(reachable);
        if (reachable) {
            ctx.json(Map.of("status", "ok", "origin", "reachable"));
        } else {
            ctx.status(503).json(Map.of("status", "unhealthy", "origin", "unreachable"));
        }
    }

    private void metrics(Context ctx) {
        String presented = ctx.header("Authorization");
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), metricsToken)) {
            ctx.header("WWW-Authenticate", "Bearer");
            problem(ctx, 401, "unauthorized", "a valid metrics token is required");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void inspect(Context ctx) throws IOException {
        Admission admission = null;
        if (fronts.enabled()) {
            admission = fronts.admit(ctx.ip(), name -> Collections.list(ctx.req().getHeaders(name)));
            metrics.admitted(admission);
            if (admission.refused()) {
                LOG.debug("untrusted peer refused: peer={} path={}", ctx.ip(), ctx.path());
                problem(ctx, 403, "untrusted_peer", "this origin answers its configured fronts only");
                return;
            }
        }
        String presented = ctx.header(ORIGIN_SECRET_HEADER);
        boolean fromCloudFront = originSecret != null && presented != null
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), originSecret);
        if (originSecret != null && !fromCloudFront) {
            problem(ctx, 403, "forbidden", "requests reach this origin through CloudFront only");
            return;
        }
        EdgeRequest request = admission == null
                ? request(ctx, fromCloudFront ? ViewerAddress.clientIp(ctx.header(VIEWER_ADDRESS_HEADER)) : null,
                        fromCloudFront, Set.of())
                : request(ctx, admission.clientIp(), admission.cloudFrontHeaders(), admission.dropHeaders());
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

    /**
     * @param viewerIp          the client address, or null for the peer's
     * @param cloudFrontHeaders whether {@code cloudfront-*} headers are CloudFront's own
     * @param dropHeaders       lower-case client-address headers no front vouches for on this request
     */
    private static EdgeRequest request(Context ctx, String viewerIp, boolean cloudFrontHeaders,
            Set<String> dropHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            if (name.equalsIgnoreCase(ORIGIN_SECRET_HEADER)) {
                continue; // never shown to the functions, the logs or the application
            }
            if (!cloudFrontHeaders && name.regionMatches(true, 0, "cloudfront-", 0, "cloudfront-".length())) {
                continue; // nothing says CloudFront set these, and the policy trusts them
            }
            if (dropHeaders.contains(name.toLowerCase(Locale.ROOT))) {
                continue; // a client-address header from a peer that is not its front: the application must not see it
            }
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
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
        metrics.close();
    }
}
