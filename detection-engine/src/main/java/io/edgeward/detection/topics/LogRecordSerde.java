package io.edgeward.detection.topics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads log records with Jackson's streaming parser: every record of the stream passes through here, and binding
 * the ~20 fields detection uses directly costs a fraction of data binding a record class. Unknown fields and
 * nested values are skipped; a value that is not a JSON object raises {@link SerializationException} (the engine
 * logs it and sends it to the dead-letter topic). Writing uses ordinary data binding (tests and tools only).
 */
public final class LogRecordSerde implements Serde<LogRecord> {

    private static final JsonFactory FACTORY = JsonSerde.MAPPER.getFactory();

    @Override
    public Serializer<LogRecord> serializer() {
        return new JsonSerde<>(LogRecord.class).serializer();
    }

    @Override
    public Deserializer<LogRecord> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
    }

    static LogRecord read(String topic, byte[] bytes) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SerializationException("record on " + topic + " is not a JSON object");
            }
            Integer v = null;
            Integer status = null;
            Integer passes = null;
            Long issuedAt = null;
            String[] s = new String[17];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "v" -> v = integer(p, t);
                    case "status" -> status = integer(p, t);
                    case "challengePasses" -> passes = integer(p, t);
                    case "sessionIssuedAt" -> issuedAt = longValue(p, t);
                    default -> {
                        int i = index(name);
                        if (i >= 0) {
                            s[i] = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                        }
                    }
                }
            }
            return new LogRecord(v, s[0], s[1], s[2], status, s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10],
                    s[11], s[12], s[13], s[14], passes, issuedAt, s[15], s[16]);
        } catch (IOException e) {
            throw new SerializationException("record on " + topic + " is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** A number, or a string holding one (some log sources quote numbers); anything else is absent. */
    private static Integer integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Integer.valueOf(p.getText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Long longValue(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.valueOf(p.getText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Where a field detection reads goes, or -1 for a field it skips (its value is never decoded). */
    private static int index(String name) {
        return switch (name) {
            case "clientIp" -> 0;
            case "method" -> 1;
            case "path" -> 2;
            case "userAgent" -> 3;
            case "acceptLanguage" -> 4;
            case "sessionId" -> 5;
            case "cookieState" -> 6;
            case "action" -> 7;
            case "reason" -> 8;
            case "ja4" -> 9;
            case "accept" -> 10;
            case "country" -> 11;
            case "asn" -> 12;
            case "headerNames" -> 13;
            case "rawPath" -> 14;
            case "source" -> 15;
            case "observed" -> 16;
            default -> -1;
        };
    }
}
