package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The batch holds more records than the configured maximum (413). */
public final class TooManyRecords extends IngestException {

    public TooManyRecords(String detail) {
        super(413, "too_many_records", detail);
    }
}
