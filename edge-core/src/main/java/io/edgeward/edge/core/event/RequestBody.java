package io.edgeward.edge.core.event;

import io.edgeward.edge.core.text.Base64Codec;
import io.edgeward.edge.core.text.Utf8;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request body CloudFront exposes when the trigger has include-body: {@code data} is base64 when
 * {@code encoding} is {@code base64}, and cut at the trigger's limit when {@code inputTruncated}.
 */
public record RequestBody(boolean inputTruncated, String action, String encoding, String data) {

    public RequestBody {
        action = action == null ? "read-only" : action;
        encoding = encoding == null ? "base64" : encoding;
        data = data == null ? "" : data;
    }

    static RequestBody fromJson(Object value) {
        Map<String, Object> map = JsonValues.map(value);
        if (map == null) {
            return null;
        }
        return new RequestBody(JsonValues.bool(map, "inputTruncated"), JsonValues.text(map, "action", null),
                JsonValues.text(map, "encoding", null), JsonValues.text(map, "data", null));
    }

    /** The body's bytes, or null when {@code data} is not valid base64. */
    public byte[] bytes() {
        if (!"base64".equals(encoding)) {
            return Utf8.encode(data);
        }
        try {
            return Base64Codec.decodeBasic(data);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputTruncated", inputTruncated);
        json.put("action", action);
        json.put("encoding", encoding);
        json.put("data", data);
        return json;
    }
}
