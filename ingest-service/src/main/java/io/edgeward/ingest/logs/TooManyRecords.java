package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The batch holds more records than the configured maximum (413). */
public final class TooManyRecords extends IngestException {

    public TooManyRecords(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String error() {
        return "too_many_records";
    }
}
