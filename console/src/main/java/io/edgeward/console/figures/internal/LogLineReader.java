package io.edgeward.console.figures.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.edgeward.detection.topics.JsonSerde;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads log records with Jackson's streaming parser (every record passes here, at up to 10,000 a second): only the
 * fields the console shows are decoded, nested values skipped. A value that is not a JSON object, or has no
 * {@code clientIp}, is counted in {@link SkippedRecords} and read as null, which the processor drops.
 */
public final class LogLineReader implements Deserializer<LogLine> {

    private static final JsonFactory FACTORY = JsonSerde.MAPPER.getFactory();

    private final SkippedRecords skipped;

    public LogLineReader(SkippedRecords skipped) {
        this.skipped = skipped;
    }

    @Override
    public LogLine deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            LogLine line = read(bytes);
            if (line == null) {
                skipped.skip(topic, "not a log record object with a clientIp");
            }
            return line;
        } catch (IOException | RuntimeException e) {
            skipped.skip(topic, "not valid JSON");
            return null;
        }
    }

    static LogLine read(byte[] bytes) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String[] s = new String[14];
            int status = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                if ("status".equals(name)) {
                    status = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
                    continue;
                }
                int i = index(name);
                if (i >= 0) {
                    s[i] = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                }
            }
            if (s[1] == null || s[1].isEmpty()) {
                return null;
            }
            return new LogLine(s[0], s[1], s[2], s[3], s[4], s[5], s[6], status, s[7], s[8], s[9], s[10], s[11],
                    s[12], s[13]);
        }
    }

    private static int index(String name) {
        return switch (name) {
            case "requestId" -> 0;
            case "clientIp" -> 1;
            case "sessionId" -> 2;
            case "cookieState" -> 3;
            case "method" -> 4;
            case "host" -> 5;
            case "path" -> 6;
            case "userAgent" -> 7;
            case "country" -> 8;
            case "action" -> 9;
            case "reason" -> 10;
            case "decisionId" -> 11;
            case "mode" -> 12;
            case "source" -> 13;
            default -> -1;
        };
    }
}
