package io.edgeward.ingest.logs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What is wrong with one record: {@code index} is its 0-based position in the batch; {@code line} (NDJSON only) is
 * its 1-based line in the body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordError(int index, Integer line, List<String> errors) {

    public RecordError {
        errors = List.copyOf(errors);
    }
}
