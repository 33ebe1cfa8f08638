package io.edgeward.passive.ingest;

import java.util.List;

/** One record ingest refused: its 0-based index in the batch that was sent, and ingest's reasons. */
public record RecordRejection(int index, List<String> errors) {

    public RecordRejection {
        errors = List.copyOf(errors);
    }
}
