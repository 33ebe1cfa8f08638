package io.edgeward.edge.core.shipper;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.port.JsonCodec;
import java.util.Map;

/** The JsonCodec port over Jackson for edge-core tests (edge-jvm's codec cannot be used here: it depends on us). */
public final class TestJson implements JsonCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Map<String, Object> parseObject(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
        }
    }

    @Override
    public String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
