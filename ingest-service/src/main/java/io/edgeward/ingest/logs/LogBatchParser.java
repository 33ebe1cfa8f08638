package io.edgeward.ingest.logs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a decoded body into records. NDJSON is read line by line, so one broken line is reported against its own
 * index and line; a JSON array that does not parse has no reliable record boundaries and fails as a whole. Stops
 * with {@link TooManyRecords} as soon as the batch passes {@code maxRecords}.
 */
final class LogBatchParser {

    private static final int MAX_MESSAGE = 200;

    private final ObjectMapper mapper;
    /** Reads one element of an array in place: the rest of the array is not "trailing content". */
    private final ObjectReader elementReader;
    private final int maxRecords;

    LogBatchParser(ObjectMapper mapper, int maxRecords) {
        this.mapper = mapper;
        this.elementReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.maxRecords = maxRecords;
    }

    List<ParsedRecord> parse(byte[] body, BatchFormat format) {
        return format == BatchFormat.NDJSON ? parseNdjson(body) : parseArray(body);
    }

    private List<ParsedRecord> parseNdjson(byte[] body) {
        List<ParsedRecord> records = new ArrayList<>();
        int start = 0;
        int lineNumber = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '\n', start);
            int next = end + 1;
            lineNumber++;
            if (end > start && body[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(body, start, end)) {
                int index = records.size();
                checkCount(index + 1);
                records.add(parseLine(body, start, end - start, index, lineNumber));
            }
            start = next;
        }
        return records;
    }

    private ParsedRecord parseLine(byte[] body, int offset, int length, int index, int line) {
        try {
            JsonNode node = mapper.readTree(body, offset, length);
            if (node instanceof ObjectNode object) {
                return new ParsedRecord(index, line, object, null);
            }
            return new ParsedRecord(index, line, null, "record must be a JSON object, was " + node.getNodeType());
        } catch (JsonProcessingException e) {
            return new ParsedRecord(index, line, null, "not valid JSON" + at(e.getLocation()) + ": " + message(e));
        } catch (IOException e) {
            return new ParsedRecord(index, line, null, "not valid JSON: " + e.getMessage());
        }
    }

    private List<ParsedRecord> parseArray(byte[] body) {
        List<ParsedRecord> records = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedBatch("an application/json body must be a JSON array of log records, was "
                        + (first == null ? "empty" : first.asString() == null ? first.name() : first.asString()));
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new MalformedBatch("body ends before the JSON array is closed");
                }
                int index = records.size();
                checkCount(index + 1);
                JsonNode node = elementReader.readTree(parser);
                records.add(node instanceof ObjectNode object
                        ? new ParsedRecord(index, null, object, null)
                        : new ParsedRecord(index, null, null, "record must be a JSON object, was " + node.getNodeType()));
            }
            if (parser.nextToken() != null) {
                throw new MalformedBatch("unexpected content after the JSON array" + at(parser.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            throw new MalformedBatch("body is not valid JSON" + at(e.getLocation()) + ": " + message(e));
        } catch (IOException e) {
            throw new MalformedBatch("body is not valid JSON: " + e.getMessage());
        }
        return records;
    }

    private void checkCount(int count) {
        if (count > maxRecords) {
            throw new TooManyRecords("batch holds more than " + maxRecords + " records; split it");
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String message(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage()).replace('\n', ' ');
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
