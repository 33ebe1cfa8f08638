package io.edgeward.local.front;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import io.edgeward.env.net.IpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP adapter of the front: turns a viewer's exchange into a {@link EdgeRequest} the way CloudFront presents it
 * to a viewer-request function (client IP, viewer headers without hop-by-hop and CloudFront-reserved ones), with the
 * {@code cloudfront-viewer-*} headers CloudFront adds after that event set aside, and writes the
 * {@link EdgeResponse} back.
 *
 * <p>Test headers stand in for what only a real TLS handshake or geo lookup gives: {@code x-test-country} (else the
 * configured default), {@code x-test-asn}, {@code x-test-ja3} and {@code x-test-ja4} become
 * {@code cloudfront-viewer-country}, {@code -asn}, {@code -ja3-fingerprint} and {@code -ja4-fingerprint}.
 */
final class FrontHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrontHttpHandler.class);
    /** Bodies above this are refused with 413, as CloudFront refuses bodies over its own limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "upgrade", "expect", "x-real-ip",
            "x-forwarded-proto", "x-cache");
    private static final Set<String> RESPONSE_SKIP = Set.of("content-length", "transfer-encoding", "connection");

    private final FrontConfig config;
    private final Distribution distribution;
    private final SecureRandom random = new SecureRandom();

    FrontHttpHandler(FrontConfig config, Distribution distribution) {
        this.config = config;
        this.distribution = distribution;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                write(exchange, EdgeResponse.text(413, "Request Entity Too Large", "Request body too large\n"));
                return;
            }
            write(exchange, distribution.serve(toFrontRequest(exchange, body)));
        } catch (RuntimeException e) {
            LOG.error("front failed on a request: path={}", exchange.getRequestURI().getRawPath(), e);
        }
    }

    private EdgeRequest toFrontRequest(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> wire = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> wire.put(EventHeaders.canonical(name), values));
        EventHeaders viewer = EventHeaders.fromWire(wire);
        String clientIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        if (config.trustForwardedFor()) {
            String first = viewer.first("x-forwarded-for").map(v -> v.split(",")[0].trim()).orElse("");
            Optional<String> forwarded = IpAddress.canonical(first);
            if (forwarded.isPresent()) {
                clientIp = forwarded.get();
            } else if (!first.isEmpty()) {
                LOG.debug("ignoring X-Forwarded-For that is not an IP address");
            }
        }
        EventHeaders headers = viewer.withoutAll(HOP_BY_HOP)
                .withoutPrefix("cloudfront-")
                .withoutPrefix("x-amz-cf-")
                .withoutPrefix("x-edge-")
                .withoutAll(Set.of("x-test-country", "x-test-asn", "x-test-ja3", "x-test-ja4"));
        String query = exchange.getRequestURI().getRawQuery();
        return new EdgeRequest(newRequestId(), clientIp, exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), query == null ? "" : query, headers, body,
                cloudFrontViewerHeaders(viewer));
    }

    /** What CloudFront adds after the viewer-request event (origin request policy "CloudFront headers"). */
    private EventHeaders cloudFrontViewerHeaders(EventHeaders viewer) {
        EventHeaders added = EventHeaders.empty()
                .with("cloudfront-viewer-country", viewer.first("x-test-country").orElse(config.defaultCountry()));
        for (String[] pair : new String[][] {{"x-test-asn", "cloudfront-viewer-asn"},
                {"x-test-ja3", "cloudfront-viewer-ja3-fingerprint"}, {"x-test-ja4", "cloudfront-viewer-ja4-fingerprint"}}) {
            String value = viewer.first(pair[0]).orElse(null);
            if (value != null) {
                added = added.with(pair[1], value);
            }
        }
        return added;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }

    private static void write(HttpExchange exchange, EdgeResponse response) throws IOException {
        response.headers().asMap().forEach((name, list) -> {
            if (!RESPONSE_SKIP.contains(name)) {
                List<String> values = new ArrayList<>();
                list.forEach(h -> values.add(h.value()));
                exchange.getResponseHeaders().put(EventHeaders.canonical(name), values);
            }
        });
        boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.status() == 204
                || response.status() == 304 || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** 42 random bytes, base64url: the length and alphabet of CloudFront's x-amz-cf-id. */
    private String newRequestId() {
        byte[] bytes = new byte[42];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
