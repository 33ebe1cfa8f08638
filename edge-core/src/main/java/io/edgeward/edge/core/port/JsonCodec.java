package io.edgeward.edge.core.port;

import java.util.Map;

/**
 * JSON in and out of the edge policy as plain Java values: {@code Map<String,Object>}, {@code List<Object>},
 * {@code String}, {@code Number} (callers must not assume Integer, Long or Double), {@code Boolean}, {@code null}.
 */
public interface JsonCodec {

    /** Parses a JSON object; throws {@link IllegalArgumentException} with a reason when the text is not one. */
    Map<String, Object> parseObject(String json);

    /** Writes a value made of the types above. */
    String write(Object value);
}
