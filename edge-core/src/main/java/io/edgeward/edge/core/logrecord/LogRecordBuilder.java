package io.edgeward.edge.core.logrecord;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.event.CfConfig;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.CfResponse;
import io.edgeward.edge.core.event.RequestBody;
import io.edgeward.edge.core.mark.RequestMark;
import io.edgeward.edge.core.path.NormalisedPath;
import io.edgeward.edge.core.path.PathNormaliser;
import io.edgeward.edge.core.port.JsonCodec;
import io.edgeward.edge.core.text.Ascii;
import io.edgeward.edge.core.text.Utf8;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the log record of one request from what a Lambda@Edge event carries. Cookies and authorization are never
 * read; the query, the referer's query and a request body are masked ({@link Masking}). Paths whose extension is in
 * {@code logging.skipExtensions} give no record.
 */
public final class LogRecordBuilder {

    /** Sources named by the contract for records written at the edge. */
    public static final String SOURCE_EDGE = "edge";
    public static final String SOURCE_VIEWER_REQUEST = "edge-viewer-request";

    static final int BODY_LIMIT = 1024;
    static final int TEXT_LIMIT = 8192;
    static final int ID_LIMIT = 256;

    private final Set<String> skipExtensions;
    private final Masking masking;

    public LogRecordBuilder(ShipperConfig.Logging logging, JsonCodec json) {
        this.skipExtensions = new HashSet<>(logging.skipExtensions());
        this.masking = Masking.from(logging);
    }

    /**
     * Whether requests for this raw path are left unlogged (a configured static-asset extension of the normalised
     * path). A tricky path is always logged: {@code /products/3;.css} is a page dressed as an asset.
     */
    public boolean skips(String rawPath) {
        if (skipExtensions.isEmpty()) {
            return false;
        }
        NormalisedPath normalised = PathNormaliser.normalise(rawPath);
        if (normalised.tricky()) {
            return false;
        }
        String path = normalised.path();
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && dot < path.length() - 1
                && skipExtensions.contains(Ascii.lowerCase(path.substring(dot + 1)));
    }

    /**
     * The record for one request, or empty when its path is skipped.
     *
     * @param source     {@link #SOURCE_EDGE} or {@link #SOURCE_VIEWER_REQUEST}
     * @param mark       the viewer-request decision, or null when none is known
     * @param nowMillis  from the injected clock: the record's {@code time}
     */
    public Optional<LogRecord> build(String source, CfConfig config, CfRequest request, CfResponse response,
                                     RequestMark mark, long nowMillis) {
        if (skips(request.uri())) {
            return Optional.empty();
        }
        String query = request.querystring().isEmpty() ? null : masking.maskQuery(request.querystring());
        String referer = request.header("referer");
        String rawPath = request.uri().isEmpty() ? "/" : request.uri();
        String path = PathNormaliser.normalise(rawPath).path();
        // From the mark only: at origin-response the request is CloudFront's origin request, whose header names
        // are not the viewer's.
        String headerNames = mark == null ? null : mark.headerNames();
        return Optional.of(new LogRecord(IsoTime.format(nowMillis),
                config.requestId().isEmpty() ? "-" : cap(config.requestId(), ID_LIMIT), source,
                request.clientIp(), request.method(), cap(request.header("host")), cap(path), cap(query),
                response.status(), bytes(response), cap(mediaType(response.header("content-type"))),
                cap(request.header("user-agent")), cap(referer == null ? null : masking.maskUrl(referer)),
                cap(request.header("accept")), cap(request.header("accept-language")),
                mark == null ? null : cap(mark.sessionId()), mark == null ? null : mark.cookieState(),
                mark == null ? null : mark.action(), mark == null ? null : cap(mark.reason()),
                mark == null ? null : mark.mode(), mark == null ? null : cap(mark.decisionId()),
                cap(edgeLocation(response)), cap(request.header("cloudfront-viewer-country")),
                cap(request.header("cloudfront-viewer-ja3-fingerprint")),
                cap(request.header("cloudfront-viewer-ja4-fingerprint")),
                number(request.header("cloudfront-viewer-asn")), body(request),
                path.equals(rawPath) ? null : cap(rawPath), headerNames == null || headerNames.isEmpty() ? null : cap(headerNames),
                mark == null ? null : mark.challengePasses(), mark == null ? null : mark.sessionIssuedAt()));
    }

    /** Ingest refuses a batch with a text over 8,192 characters (a query may be 128 KB): cut, never refused. */
    private static String cap(String text) {
        return cap(text, TEXT_LIMIT);
    }

    private static String cap(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

    /** The mark the viewer-request function left on the request, or null when absent or unreadable. */
    public static RequestMark markOf(CfRequest request) {
        return RequestMark.parseOrNull(request.header(RequestMark.HEADER));
    }

    private String body(CfRequest request) {
        RequestBody body = request.body();
        if (body == null || body.data().isEmpty()) {
            return null;
        }
        byte[] bytes = body.bytes();
        if (bytes == null) {
            return null;
        }
        String masked = masking.maskBody(Utf8.decode(bytes), request.header("content-type"), body.inputTruncated());
        return masked == null || masked.length() <= BODY_LIMIT ? masked : masked.substring(0, BODY_LIMIT);
    }

    private static Long bytes(CfResponse response) {
        Long declared = number(response.header("content-length"));
        if (declared != null || response.body() == null) {
            return declared;
        }
        if ("base64".equals(response.bodyEncoding())) {
            return (long) (response.body().length() / 4 * 3);
        }
        return (long) Utf8.encodedLength(response.body());
    }

    /** CloudFront names its point of presence in {@code x-amz-cf-pop} on responses it has already handled. */
    private static String edgeLocation(CfResponse response) {
        return response.header("x-amz-cf-pop");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.isEmpty() ? null : Ascii.lowerCase(type);
    }

    private static Long number(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
