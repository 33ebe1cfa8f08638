package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;
import java.util.List;
import java.util.Map;

/** Some records of the batch break the log record schema (400); the whole batch is refused. */
public final class InvalidRecords extends IngestException {

    /** The most record errors listed in one answer; the detail gives the total. */
    static final int MAX_LISTED = 100;

    private final List<RecordError> records;

    public InvalidRecords(int invalid, int total, List<RecordError> records) {
        super(400, "invalid_records", invalid + " of " + total
                + " records are invalid; nothing of this batch was accepted"
                + (records.size() < invalid ? " (the first " + records.size() + " are listed)" : ""));
        this.records = List.copyOf(records);
    }

    public List<RecordError> records() {
        return records;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("records", records);
    }
}
