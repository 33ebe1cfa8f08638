package io.edgeward.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lambda@Edge events as CloudFront builds them ({@code {"Records":[{"cf":{"config":…,"request":…,"response":…}}]}})
 * and the reading of what a function returns. Field names and types follow the AWS event structure
 * (status is a string; querystring has no '?'; the body is base64 with include-body semantics).
 */
public final class EdgeEvents {

    public static final String VIEWER_REQUEST = "viewer-request";
    public static final String ORIGIN_REQUEST = "origin-request";
    public static final String ORIGIN_RESPONSE = "origin-response";
    public static final String VIEWER_RESPONSE = "viewer-response";

    /** Lambda@Edge exposes at most this much of a viewer request's body (include body, viewer events). */
    public static final int INCLUDE_BODY_LIMIT = 40 * 1024;

    private final String distributionId;
    private final Function<EdgeRequest, String> distributionDomainName;
    private final int includeBodyLimit;
    private final URI origin;
    private final Duration originTimeout;

    private EdgeEvents(String distributionId, Function<EdgeRequest, String> distributionDomainName,
                       int includeBodyLimit, URI origin, Duration originTimeout) {
        if (includeBodyLimit < 0) {
            throw new IllegalArgumentException("includeBodyLimit must be >= 0, was " + includeBodyLimit);
        }
        this.distributionId = Objects.requireNonNull(distributionId, "distributionId");
        this.distributionDomainName = distributionDomainName;
        this.includeBodyLimit = includeBodyLimit;
        this.origin = origin;
        this.originTimeout = originTimeout;
    }

    /**
     * Events of one distribution with a custom origin: origin-facing events carry {@code request.origin.custom}
     * built from {@code origin} (its host, port, protocol and path) and {@code originTimeout} (readTimeout).
     */
    public static EdgeEvents forDistribution(String distributionDomainName, String distributionId,
                                             int includeBodyLimit, URI origin, Duration originTimeout) {
        Objects.requireNonNull(distributionDomainName, "distributionDomainName");
        return new EdgeEvents(distributionId, request -> distributionDomainName, includeBodyLimit,
                Objects.requireNonNull(origin, "origin"), Objects.requireNonNull(originTimeout, "originTimeout"));
    }

    /**
     * Events for a process that sits behind CloudFront and does not know the distribution's name: the domain name is
     * the request's Host ({@code fallbackDomainName} without one), and events carry no origin object.
     */
    public static EdgeEvents behindCloudFront(String distributionId, String fallbackDomainName) {
        return new EdgeEvents(distributionId,
                request -> request.headers().first("host").orElse(fallbackDomainName), INCLUDE_BODY_LIMIT, null, null);
    }

    public ObjectNode viewerRequest(EdgeRequest request) {
        ObjectNode cf = cf(VIEWER_REQUEST, request);
        ObjectNode req = requestNode(cf, request);
        if (hasBody(request)) {
            byte[] body = request.body();
            boolean truncated = body.length > includeBodyLimit;
            byte[] exposed = truncated ? Arrays.copyOf(body, includeBodyLimit) : body;
            req.putObject("body")
                    .put("inputTruncated", truncated)
                    .put("action", "read-only")
                    .put("encoding", "base64")
                    .put("data", Base64.getEncoder().encodeToString(exposed));
        }
        return wrap(cf);
    }

    /** An origin-request event (no body: the association does not include it), with the custom origin. */
    public ObjectNode originRequest(EdgeRequest request) {
        ObjectNode cf = cf(ORIGIN_REQUEST, request);
        originNode(requestNode(cf, request));
        return wrap(cf);
    }

    public ObjectNode originResponse(EdgeRequest request, EdgeResponse response) {
        ObjectNode cf = cf(ORIGIN_RESPONSE, request);
        originNode(requestNode(cf, request));
        responseNode(cf, response);
        return wrap(cf);
    }

    public ObjectNode viewerResponse(EdgeRequest request, EdgeResponse response) {
        ObjectNode cf = cf(VIEWER_RESPONSE, request);
        requestNode(cf, request);
        responseNode(cf, response);
        return wrap(cf);
    }

    /**
     * The event the log shipper gets for a response when both response triggers go to it: origin-response from 400
     * (CloudFront runs no viewer-response on errors), viewer-response below.
     */
    public ObjectNode shipperEvent(EdgeRequest request, EdgeResponse response) {
        return response.status() >= 400 ? originResponse(request, response) : viewerResponse(request, response);
    }

    /** A viewer- or origin-request result that is a response (it has a status) rather than the request to forward. */
    public static boolean isGeneratedResponse(JsonNode result) {
        return result.hasNonNull("status");
    }

    /**
     * A response object returned by a function. Headers, status and body are taken when present; otherwise the
     * {@code fallback}'s are kept ({@code fallback} is null for a generated response).
     *
     * @throws IllegalArgumentException when the status is not a number in 200..599 or the body is not valid base64
     */
    public static EdgeResponse readResponse(JsonNode result, EdgeResponse fallback) {
        int status = fallback == null ? 0 : fallback.status();
        if (result.hasNonNull("status")) {
            status = parseStatus(result.get("status").asText());
        }
        String description = result.hasNonNull("statusDescription") ? result.get("statusDescription").asText()
                : fallback == null ? "" : fallback.statusDescription();
        EventHeaders headers = result.has("headers") ? EventHeaders.fromJson(result.get("headers"))
                : fallback == null ? EventHeaders.empty() : fallback.headers();
        byte[] body = fallback == null ? new byte[0] : fallback.body();
        if (result.hasNonNull("body")) {
            String text = result.get("body").asText();
            boolean base64 = "base64".equals(result.path("bodyEncoding").asText("text"));
            body = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        return new EdgeResponse(status, description, headers, body);
    }

    /**
     * The request a request function returned. The uri must start with '/'; a body is replaced only when its action
     * is {@code replace}.
     *
     * @throws IllegalArgumentException on an unusable uri or body
     */
    public static EdgeRequest readRequest(JsonNode result, EdgeRequest original) {
        String uri = result.path("uri").asText(original.uri());
        if (!uri.startsWith("/")) {
            throw new IllegalArgumentException("uri must start with '/', was " + uri);
        }
        String query = result.path("querystring").asText(original.querystring());
        EventHeaders headers = result.has("headers") ? EventHeaders.fromJson(result.get("headers"))
                : original.headers();
        byte[] body = original.body();
        JsonNode bodyNode = result.get("body");
        if (bodyNode != null && "replace".equals(bodyNode.path("action").asText())) {
            String data = bodyNode.path("data").asText("");
            body = "text".equals(bodyNode.path("encoding").asText("base64"))
                    ? data.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(data);
        }
        return original.withEdits(uri, query, headers, body);
    }

    private void originNode(ObjectNode req) {
        if (origin == null) {
            return;
        }
        boolean https = "https".equalsIgnoreCase(origin.getScheme());
        int port = origin.getPort() > 0 ? origin.getPort() : https ? 443 : 80;
        ObjectNode custom = req.putObject("origin").putObject("custom");
        custom.putObject("customHeaders");
        custom.put("domainName", origin.getHost()).put("keepaliveTimeout", 5)
                .put("path", origin.getRawPath() == null ? "" : stripTrailingSlash(origin.getRawPath()))
                .put("port", port).put("protocol", https ? "https" : "http")
                .put("readTimeout", originTimeout.toSeconds());
        custom.putArray("sslProtocols").add("TLSv1.2");
    }

    private ObjectNode cf(String eventType, EdgeRequest request) {
        ObjectNode cf = JsonNodeFactory.instance.objectNode();
        cf.putObject("config")
                .put("distributionDomainName", distributionDomainName.apply(request))
                .put("distributionId", distributionId)
                .put("eventType", eventType)
                .put("requestId", request.requestId());
        return cf;
    }

    private static ObjectNode requestNode(ObjectNode cf, EdgeRequest request) {
        ObjectNode req = cf.putObject("request");
        req.put("clientIp", request.clientIp());
        req.set("headers", request.headers().toJson());
        req.put("method", request.method());
        req.put("querystring", request.querystring());
        req.put("uri", request.uri());
        return req;
    }

    private static void responseNode(ObjectNode cf, EdgeResponse response) {
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

    private static boolean hasBody(EdgeRequest request) {
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
