package io.edgeward.edge.viewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real CloudFront events from ../shared/testdata (AWS docs, CC BY-SA 4.0), read and edited as plain maps. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    static String text(String name) throws IOException {
        return Files.readString(Path.of(System.getProperty("edgeward.testdata"), "lambda-edge", "events", name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String name) throws IOException {
        return JSON.readValue(text(name), Map.class);
    }

    static Map<String, Object> viewerRequest() throws IOException {
        return read("awsdocs_viewer-request.json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> request(Map<String, Object> event) {
        Map<String, Object> record = (Map<String, Object>) ((List<Object>) event.get("Records")).get(0);
        return (Map<String, Object>) ((Map<String, Object>) record.get("cf")).get("request");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> headers(Map<String, Object> requestOrResponse) {
        Object headers = requestOrResponse.get("headers");
        return headers instanceof Map ? (Map<String, Object>) headers : null;
    }

    /** Replaces a header of the event's request. */
    static Map<String, Object> withHeader(Map<String, Object> event, String key, String value) {
        List<Object> entries = new ArrayList<>();
        entries.add(new java.util.LinkedHashMap<>(Map.of("key", key, "value", value)));
        Map<String, Object> request = request(event);
        if (headers(request) == null) {
            request.put("headers", new java.util.LinkedHashMap<String, Object>());
        }
        headers(request).put(key.toLowerCase(java.util.Locale.ROOT), entries);
        return event;
    }

    static Map<String, Object> withUri(Map<String, Object> event, String uri) {
        request(event).put("uri", uri);
        return event;
    }

    /** The first value of a header in a request or response object, or null. */
    @SuppressWarnings("unchecked")
    static String header(Map<String, Object> requestOrResponse, String name) {
        Object entries = headers(requestOrResponse) == null ? null : headers(requestOrResponse).get(name);
        if (!(entries instanceof List) || ((List<Object>) entries).isEmpty()) {
            return null;
        }
        return (String) ((Map<String, Object>) ((List<Object>) entries).get(0)).get("value");
    }
}
