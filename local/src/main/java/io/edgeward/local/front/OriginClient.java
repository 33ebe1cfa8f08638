package io.edgeward.local.front;

import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;

/**
 * Forwards a request to the origin as CloudFront does: same method, path, query and body; the viewer's headers
 * except hop-by-hop ones; {@code X-Forwarded-For} with the client IP appended and a {@code Via}. Redirects are
 * passed back, never followed. An unreachable or timed-out origin gives the 502/504 CloudFront would send.
 */
final class OriginClient implements Origin {

    private static final Logger LOG = LoggerFactory.getLogger(OriginClient.class);

    /** Hop-by-hop headers and those java.net.http sets itself. */
    static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "proxy-authorization",
            "proxy-authenticate", "x-forwarded-for", "via");

    private final FrontConfig config;
    private final HttpClient http;
    private final String originBase;

    OriginClient(FrontConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String base = config.origin().toString();
        this.originBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public EdgeResponse forward(EdgeRequest request, String via) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(originBase + request.pathAndQuery()))
                .timeout(config.originTimeout())
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().asMap().forEach((name, list) -> {
            if (!NOT_FORWARDED.contains(name)) {
                list.forEach(h -> builder.header(h.key(), h.value()));
            }
        });
        String forwardedFor = request.headers().first("x-forwarded-for")
                .map(existing -> existing + ", " + request.clientIp()).orElse(request.clientIp());
        builder.header("X-Forwarded-For", forwardedFor);
        builder.header("Via", via);
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            EventHeaders headers = EventHeaders.fromWire(response.headers().map())
                    .withoutAll(Set.of("connection", "keep-alive", "transfer-encoding", "content-length"));
            return new EdgeResponse(response.statusCode(), "", headers, response.body());
        } catch (HttpTimeoutException e) {
            LOG.warn("origin timed out: requestId={} path={}", request.requestId(), request.uri());
            return EdgeResponse.text(504, "Gateway Timeout", "Origin did not answer in time\n");
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("origin unreachable: requestId={} path={} error={}", request.requestId(), request.uri(),
                    e.toString());
            return EdgeResponse.text(502, "Bad Gateway", "Origin unreachable\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EdgeResponse.text(502, "Bad Gateway", "Interrupted\n");
        }
    }
}
