package io.edgeward.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real Lambda@Edge events of {@code ../shared/testdata/lambda-edge/events} (AWS documentation samples, CC BY-SA
 * 4.0; the directory comes from the {@code edgeward.testdata} system property the parent pom sets), read as mutable
 * JSON trees (maps and lists) and edited in place: the "with" methods change the event and return it.
 */
public final class CloudFrontEvents {

    public static final String VIEWER_REQUEST = "awsdocs_viewer-request.json";
    public static final String VIEWER_RESPONSE = "awsdocs_viewer-response.json";
    public static final String ORIGIN_RESPONSE = "awsdocs_origin-response.json";

    public static final ObjectMapper JSON = new ObjectMapper();

    private CloudFrontEvents() {
    }

    public static Path path(String name) {
        String dir = System.getProperty("edgeward.testdata");
        if (dir == null) {
            throw new IllegalStateException("system property edgeward.testdata is not set (the parent pom sets it)");
        }
        return Path.of(dir, "lambda-edge", "events", name);
    }

    public static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event as a mutable tree: objects are {@link LinkedHashMap}s, arrays {@link ArrayList}s. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String name) {
        try {
            return JSON.readValue(path(name).toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> viewerRequest() {
        return load(VIEWER_REQUEST);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> cf(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) ((List<Object>) event.get("Records")).get(0)).get("cf");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> request(Map<String, Object> event) {
        return (Map<String, Object>) cf(event).get("request");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> response(Map<String, Object> event) {
        return (Map<String, Object>) cf(event).get("response");
    }

    /** The {@code headers} object of a request or response, or null when it has none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> headers(Map<String, Object> requestOrResponse) {
        Object headers = requestOrResponse.get("headers");
        return headers instanceof Map ? (Map<String, Object>) headers : null;
    }

    /** The first value of a header (lower-case name) in a request or response object, or null. */
    @SuppressWarnings("unchecked")
    public static String header(Map<String, Object> requestOrResponse, String name) {
        Object entries = headers(requestOrResponse) == null ? null : headers(requestOrResponse).get(name);
        if (!(entries instanceof List) || ((List<Object>) entries).isEmpty()) {
            return null;
        }
        return (String) ((Map<String, Object>) ((List<Object>) entries).get(0)).get("value");
    }

    /** Sets a header of the event's request to this one value, in CloudFront's shape. */
    public static Map<String, Object> withRequestHeader(Map<String, Object> event, String key, String value) {
        putHeader(request(event), key, value);
        return event;
    }

    /** Sets a header of the event's response to this one value, in CloudFront's shape. */
    public static Map<String, Object> withResponseHeader(Map<String, Object> event, String key, String value) {
        putHeader(response(event), key, value);
        return event;
    }

    public static Map<String, Object> withUri(Map<String, Object> event, String uri) {
        request(event).put("uri", uri);
        return event;
    }

    public static Map<String, Object> withUri(Map<String, Object> event, String uri, String query) {
        request(event).put("uri", uri);
        request(event).put("querystring", query);
        return event;
    }

    /** The response's status, as CloudFront writes it: a string. */
    public static Map<String, Object> withStatus(Map<String, Object> event, int status) {
        response(event).put("status", String.valueOf(status));
        return event;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> withRequestId(Map<String, Object> event, String requestId) {
        ((Map<String, Object>) cf(event).get("config")).put("requestId", requestId);
        return event;
    }

    public static byte[] bytes(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putHeader(Map<String, Object> message, String key, String value) {
        List<Object> entries = new ArrayList<>();
        entries.add(new LinkedHashMap<>(Map.of("key", key, "value", value)));
        if (headers(message) == null) {
            message.put("headers", new LinkedHashMap<String, Object>());
        }
        headers(message).put(key.toLowerCase(Locale.ROOT), entries);
    }
}
