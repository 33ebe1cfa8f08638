package io.edgeward.edge.core.event;

import java.util.List;
import java.util.Map;

/**
 * A Lambda@Edge event ({@code {"Records":[{"cf":{"config":…,"request":…,"response":…}}]}}) read from the plain
 * values of the JsonCodec port, so the JVM and Node targets share it. {@code response} is null for request events.
 */
public record CfEvent(CfConfig config, CfRequest request, CfResponse response) {

    public CfEvent {
        config = config == null ? CfConfig.EMPTY : config;
        if (request == null) {
            throw new IllegalArgumentException("request must not be null");
        }
    }

    /**
     * Reads an event. Tolerant of missing or mistyped fields inside {@code config}, {@code request} and
     * {@code response}.
     *
     * @throws MalformedEventException when there is no {@code Records[0].cf.request} object
     */
    public static CfEvent fromJson(Map<String, Object> root) {
        Map<String, Object> cf = cf(root);
        if (cf == null) {
            throw new MalformedEventException("no Records[0].cf object");
        }
        Map<String, Object> request = JsonValues.map(cf.get("request"));
        if (request == null) {
            throw new MalformedEventException("no Records[0].cf.request object");
        }
        Map<String, Object> response = JsonValues.map(cf.get("response"));
        return new CfEvent(CfConfig.fromJson(cf.get("config")), CfRequest.fromJson(request),
                response == null ? null : CfResponse.fromJson(response));
    }

    /** The event's request object exactly as received, or null; never throws (for the fail-open path). */
    public static Map<String, Object> rawRequest(Map<String, Object> root) {
        Map<String, Object> cf = cf(root);
        return cf == null ? null : JsonValues.map(cf.get("request"));
    }

    /** The event's response object exactly as received, or null; never throws. */
    public static Map<String, Object> rawResponse(Map<String, Object> root) {
        Map<String, Object> cf = cf(root);
        return cf == null ? null : JsonValues.map(cf.get("response"));
    }

    private static Map<String, Object> cf(Map<String, Object> root) {
        if (root == null) {
            return null;
        }
        List<Object> records = JsonValues.list(root.get("Records"));
        if (records == null || records.isEmpty()) {
            return null;
        }
        Map<String, Object> record = JsonValues.map(records.get(0));
        return record == null ? null : JsonValues.map(record.get("cf"));
    }
}
