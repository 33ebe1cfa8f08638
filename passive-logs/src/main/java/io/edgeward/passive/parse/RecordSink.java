package io.edgeward.passive.parse;

import io.edgeward.passive.record.LogRecord;

/** Where parsed records go, one at a time, in file order (a batching ingest sender, or a list in tests). */
@FunctionalInterface
public interface RecordSink {

    void accept(LogRecord record);
}
