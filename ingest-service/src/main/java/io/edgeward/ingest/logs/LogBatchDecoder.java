package io.edgeward.ingest.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a decoded body into Kafka-ready records, or refuses the whole batch: a batch is accepted whole or not at
 * all, so one invalid record fails it with every invalid record listed ({@link InvalidRecords}).
 */
public final class LogBatchDecoder {

    /** A record's compact JSON may be at most this long (well under Kafka's default 1 MiB message limit). */
    static final int MAX_RECORD_BYTES = 64 * 1024;

    private final ObjectMapper mapper;
    private final LogBatchParser parser;
    private final LogRecordValidator validator;

    public LogBatchDecoder(ObjectMapper mapper, int maxRecords, Clock clock) {
        this.mapper = mapper;
        this.parser = new LogBatchParser(mapper, maxRecords);
        this.validator = new LogRecordValidator(clock);
    }

    public List<LogRecord> decode(byte[] body, BatchFormat format) {
        List<ParsedRecord> parsed = parser.parse(body, format);
        List<LogRecord> records = new ArrayList<>(parsed.size());
        List<RecordError> errors = new ArrayList<>();
        int invalid = 0;
        for (ParsedRecord record : parsed) {
            LogRecordValidator.Checked checked = record.json() == null ? null : validator.validate(record.json());
            List<String> problems = checked == null ? List.of(record.parseError()) : checked.errors();
            byte[] value = problems.isEmpty() ? serialize(record.json()) : null;
            if (value != null && value.length > MAX_RECORD_BYTES) {
                problems = List.of("record is " + value.length + " bytes; the limit is " + MAX_RECORD_BYTES);
            }
            if (!problems.isEmpty()) {
                invalid++;
                if (errors.size() < InvalidRecords.MAX_LISTED) {
                    errors.add(new RecordError(record.index(), record.line(), problems));
                }
            } else if (invalid == 0) {
                ObjectNode json = record.json();
                records.add(new LogRecord(json.get("clientIp").textValue(), checked.timeMillis(), value));
            }
        }
        if (invalid > 0) {
            throw new InvalidRecords(invalid, parsed.size(), errors);
        }
        return records;
    }

    private byte[] serialize(ObjectNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree failed to serialize", e);
        }
    }
}
