package io.edgeward.inspector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lambda@Edge events as CloudFront builds them ({@code {"Records":[{"cf":{"config":…,"request":…}}]}}) and the
 * reading of what the edge functions return, so the unchanged JVM handlers run here as they run at the edge.
 */
final class CloudFrontEvents {

    /** Lambda@Edge exposes at most this much of a viewer request's body (include body). */
    static final int INCLUDE_BODY_LIMIT = 40 * 1024;

    private final String distributionId;

    CloudFrontEvents(String distributionId) {
        this.distributionId = distributionId;
    }

    ObjectNode viewerRequest(InspectedRequest request) {
        ObjectNode cf = cf("viewer-request", request);
        ObjectNode req = requestNode(cf, request);
        if (request.body().length > 0 || switch (request.method()) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        }) {
            boolean truncated = request.body().length > INCLUDE_BODY_LIMIT;
            byte[] exposed = truncated ? Arrays.copyOf(request.body(), INCLUDE_BODY_LIMIT) : request.body();
            req.putObject("body").put("inputTruncated", truncated).put("action", "read-only")
                    .put("encoding", "base64").put("data", Base64.getEncoder().encodeToString(exposed));
        }
        return wrap(cf);
    }

    /** origin-response for statuses of 400 and above, viewer-response below (the shipper's contract). */
    ObjectNode response(InspectedRequest request, InspectedResponse response) {
        ObjectNode cf = cf(response.status() >= 400 ? "origin-response" : "viewer-response", request);
        requestNode(cf, request);
        ObjectNode res = cf.putObject("response");
        res.set("headers", toJson(response.headers()));
        res.put("status", Integer.toString(response.status()));
        res.put("statusDescription", "");
        return wrap(cf);
    }

    static boolean isGeneratedResponse(JsonNode result) {
        return result.hasNonNull("status");
    }

    /** A function's response object; absent parts are taken from {@code fallback} (null for generated responses). */
    static InspectedResponse readResponse(JsonNode result, InspectedResponse fallback) {
        int status = fallback == null ? 200 : fallback.status();
        if (result.hasNonNull("status")) {
            status = Integer.parseInt(result.get("status").asText().trim());
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("status must be in 200..599, was " + status);
            }
        }
        List<Header> headers = result.has("headers") ? fromJson(result.get("headers"))
                : fallback == null ? List.of() : fallback.headers();
        byte[] body = fallback == null ? new byte[0] : fallback.body();
        if (result.hasNonNull("body")) {
            String text = result.get("body").asText();
            body = "base64".equals(result.path("bodyEncoding").asText("text")) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
        }
        return new InspectedResponse(status, headers, body);
    }

    /** The request a viewer-request function returned (it may add headers, e.g. x-edgeward-* in inject mode). */
    static InspectedRequest readRequest(JsonNode result, InspectedRequest original) {
        String uri = result.path("uri").asText(original.uri());
        if (!uri.startsWith("/")) {
            throw new IllegalArgumentException("uri must start with '/', was " + uri);
        }
        List<Header> headers = result.has("headers") ? fromJson(result.get("headers")) : original.headers();
        byte[] body = original.body();
        JsonNode bodyNode = result.get("body");
        if (bodyNode != null && "replace".equals(bodyNode.path("action").asText())) {
            String data = bodyNode.path("data").asText("");
            body = "text".equals(bodyNode.path("encoding").asText("base64")) ? data.getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(data);
        }
        return original.withEdits(uri, result.path("querystring").asText(original.querystring()), headers, body);
    }

    private ObjectNode cf(String eventType, InspectedRequest request) {
        ObjectNode cf = JsonNodeFactory.instance.objectNode();
        String host = Header.first(request.headers(), "host");
        cf.putObject("config")
                .put("distributionDomainName", host == null ? "inline-inspector" : host)
                .put("distributionId", distributionId)
                .put("eventType", eventType)
                .put("requestId", request.requestId());
        return cf;
    }

    private static ObjectNode requestNode(ObjectNode cf, InspectedRequest request) {
        ObjectNode req = cf.putObject("request");
        req.put("clientIp", request.clientIp());
        req.set("headers", toJson(request.headers()));
        req.put("method", request.method());
        req.put("querystring", request.querystring());
        req.put("uri", request.uri());
        return req;
    }

    private static ObjectNode wrap(ObjectNode cf) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.putArray("Records").addObject().set("cf", cf);
        return event;
    }

    /** CloudFront's header map: lower-case name → [{key, value}, …]. */
    static ObjectNode toJson(List<Header> headers) {
        Map<String, ArrayNode> byName = new LinkedHashMap<>();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Header header : headers) {
            ArrayNode values = byName.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), node::putArray);
            values.addObject().put("key", header.name()).put("value", header.value());
        }
        return node;
    }

    static List<Header> fromJson(JsonNode headers) {
        List<Header> list = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = headers.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            for (JsonNode entry : field.getValue()) {
                list.add(new Header(entry.path("key").asText(field.getKey()), entry.path("value").asText("")));
            }
        }
        return list;
    }
}
