package io.edgeward.local.front;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Lambda@Edge events as CloudFront builds them ({@code {"Records":[{"cf":{"config":…,"request":…,"response":…}}]}})
 * and the reading of what a function returns. Field names and types follow the AWS event structure
 * (status is a string; querystring has no '?'; the body is base64 with include-body semantics).
 */
final class EdgeEvents {

    static final String VIEWER_REQUEST = "viewer-request";
    static final String ORIGIN_REQUEST = "origin-request";
    static final String ORIGIN_RESPONSE = "origin-response";
    static final String VIEWER_RESPONSE = "viewer-response";

    private final FrontConfig config;

    EdgeEvents(FrontConfig config) {
        this.config = config;
    }

    ObjectNode viewerRequest(FrontRequest request) {
        ObjectNode cf = cf(VIEWER_REQUEST, request.requestId());
        ObjectNode req = requestNode(cf, request);
        if (hasBody(request)) {
            byte[] body = request.body();
            boolean truncated = body.length > config.includeBodyLimit();
            byte[] exposed = truncated ? Arrays.copyOf(body, config.includeBodyLimit()) : body;
            req.putObject("body")
                    .put("inputTruncated", truncated)
                    .put("action", "read-only")
                    .put("encoding", "base64")
                    .put("data", Base64.getEncoder().encodeToString(exposed));
        }
        return wrap(cf);
    }

    /** An origin-request event (no body: the association does not include it), with the custom origin. */
    ObjectNode originRequest(FrontRequest request) {
        ObjectNode cf = cf(ORIGIN_REQUEST, request.requestId());
        originNode(requestNode(cf, request));
        return wrap(cf);
    }

    ObjectNode originResponse(FrontRequest request, FrontResponse response) {
        ObjectNode cf = cf(ORIGIN_RESPONSE, request.requestId());
        originNode(requestNode(cf, request));
        responseNode(cf, response);
        return wrap(cf);
    }

    private void originNode(ObjectNode req) {
        URI origin = config.origin();
        boolean https = "https".equalsIgnoreCase(origin.getScheme());
        int port = origin.getPort() > 0 ? origin.getPort() : https ? 443 : 80;
        ObjectNode custom = req.putObject("origin").putObject("custom");
        custom.putObject("customHeaders");
        custom.put("domainName", origin.getHost()).put("keepaliveTimeout", 5)
                .put("path", origin.getRawPath() == null ? "" : stripTrailingSlash(origin.getRawPath()))
                .put("port", port).put("protocol", https ? "https" : "http")
                .put("readTimeout", config.originTimeout().toSeconds());
        custom.putArray("sslProtocols").add("TLSv1.2");
    }

    ObjectNode viewerResponse(FrontRequest request, FrontResponse response) {
        ObjectNode cf = cf(VIEWER_RESPONSE, request.requestId());
        requestNode(cf, request);
        responseNode(cf, response);
        return wrap(cf);
    }

    /** A viewer- or origin-request result that is a response (it has a status) rather than the request to forward. */
    static boolean isGeneratedResponse(JsonNode result) {
        return result.hasNonNull("status");
    }

    /**
     * A response object returned by a function. Headers, status and body are taken when present; otherwise the
     * {@code fallback}'s are kept.
     *
     * @throws IllegalArgumentException when the status is not a number in 200..599 or the body is not valid base64
     */
    static FrontResponse readResponse(JsonNode result, FrontResponse fallback) {
        int status = fallback == null ? 0 : fallback.status();
        if (result.hasNonNull("status")) {
            status = parseStatus(result.get("status").asText());
        }
        String description = result.hasNonNull("statusDescription") ? result.get("statusDescription").asText()
                : fallback == null ? "" : fallback.statusDescription();
        CfHeaders headers = result.has("headers") ? CfHeaders.fromJson(result.get("headers"))
                : fallback == null ? CfHeaders.empty() : fallback.headers();
        byte[] body = fallback == null ? new byte[0] : fallback.body();
        if (result.hasNonNull("body")) {
            String text = result.get("body").asText();
            boolean base64 = "base64".equals(result.path("bodyEncoding").asText("text"));
            body = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        return new FrontResponse(status, description, headers, body);
    }

    /**
     * The request a viewer-request function returned. The uri must start with '/'; a body is replaced only when
     * its action is {@code replace}.
     *
     * @throws IllegalArgumentException on an unusable uri or body
     */
    static FrontRequest readRequest(JsonNode result, FrontRequest original) {
        String uri = result.path("uri").asText(original.uri());
        if (!uri.startsWith("/")) {
            throw new IllegalArgumentException("uri must start with '/', was " + uri);
        }
        String query = result.path("querystring").asText(original.querystring());
        CfHeaders headers = result.has("headers") ? CfHeaders.fromJson(result.get("headers")) : original.headers();
        byte[] body = original.body();
        JsonNode bodyNode = result.get("body");
        if (bodyNode != null && "replace".equals(bodyNode.path("action").asText())) {
            String data = bodyNode.path("data").asText("");
            body = "text".equals(bodyNode.path("encoding").asText("base64"))
                    ? data.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(data);
        }
        return original.withEdits(uri, query, headers, body);
    }

    static Optional<Integer> statusOf(JsonNode result) {
        return result.hasNonNull("status") ? Optional.of(parseStatus(result.get("status").asText()))
                : Optional.empty();
    }

    private ObjectNode cf(String eventType, String requestId) {
        ObjectNode cf = JsonNodeFactory.instance.objectNode();
        cf.putObject("config")
                .put("distributionDomainName", config.distributionDomainName())
                .put("distributionId", config.distributionId())
                .put("eventType", eventType)
                .put("requestId", requestId);
        return cf;
    }

    private static ObjectNode requestNode(ObjectNode cf, FrontRequest request) {
        ObjectNode req = cf.putObject("request");
        req.put("clientIp", request.clientIp());
        req.set("headers", request.headers().toJson());
        req.put("method", request.method());
        req.put("querystring", request.querystring());
        req.put("uri", request.uri());
        return req;
    }

    private static void responseNode(ObjectNode cf, FrontResponse response) {
        ObjectNode res = cf.putObject("response");
        res.set("headers", response.headers().toJson());
        res.put("status", Integer.toString(response.status()));
        res.put("statusDescription", response.statusDescription());
    }

    private static ObjectNode wrap(ObjectNode cf) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.putArray("Records").addObject().set("cf", cf);
        return event;
    }

    private static boolean hasBody(FrontRequest request) {
        return request.body().length > 0 || switch (request.method()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    private static int parseStatus(String text) {
        int status;
        try {
            status = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("status must be a number, was " + text, e);
        }
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be in 200..599, was " + status);
        }
        return status;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
