package io.edgeward.edge.jvm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.port.JsonCodec;
import java.util.Map;

/** The JsonCodec port with Jackson: objects as {@code Map}, arrays as {@code List}. */
public final class JacksonJsonCodec implements JsonCodec {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final ObjectMapper mapper;

    public JacksonJsonCodec() {
        this(new ObjectMapper());
    }

    public JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Map<String, Object> parseObject(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON text");
        }
        try {
            Map<String, Object> value = mapper.readValue(json, OBJECT);
            if (value == null) {
                throw new IllegalArgumentException("JSON text is null, not an object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
        }
    }

    @Override
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage());
        }
    }
}
