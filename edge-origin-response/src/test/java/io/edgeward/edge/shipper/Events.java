package io.edgeward.edge.shipper;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The real Lambda@Edge events of ../shared/testdata (AWS docs, CC BY-SA 4.0), as mutable JSON trees. */
final class Events {

    static final String VIEWER_RESPONSE = "awsdocs_viewer-response.json";
    static final String ORIGIN_RESPONSE = "awsdocs_origin-response.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String name) {
        Path path = Path.of(System.getProperty("edgeward.testdata"), "lambda-edge", "events", name);
        try {
            return JSON.readValue(path.toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cf(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) ((List<Object>) event.get("Records")).get(0)).get("cf");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> request(Map<String, Object> event) {
        return (Map<String, Object>) cf(event).get("request");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> response(Map<String, Object> event) {
        return (Map<String, Object>) cf(event).get("response");
    }

    static Map<String, Object> withStatus(Map<String, Object> event, int status) {
        response(event).put("status", String.valueOf(status));
        return event;
    }

    static Map<String, Object> withUri(Map<String, Object> event, String uri, String query) {
        request(event).put("uri", uri);
        request(event).put("querystring", query);
        return event;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withRequestId(Map<String, Object> event, String requestId) {
        ((Map<String, Object>) cf(event).get("config")).put("requestId", requestId);
        return event;
    }

    static Map<String, Object> withRequestHeader(Map<String, Object> event, String key, String value) {
        putHeader(request(event), key, value);
        return event;
    }

    static Map<String, Object> withResponseHeader(Map<String, Object> event, String key, String value) {
        putHeader(response(event), key, value);
        return event;
    }

    /** Sets the header to this one value, in CloudFront's shape. */
    @SuppressWarnings("unchecked")
    private static void putHeader(Map<String, Object> message, String key, String value) {
        List<Object> entries = new ArrayList<>();
        entries.add(new LinkedHashMap<>(Map.of("key", key, "value", value)));
        ((Map<String, Object>) message.get("headers")).put(key.toLowerCase(java.util.Locale.ROOT), entries);
    }

    static byte[] bytes(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
