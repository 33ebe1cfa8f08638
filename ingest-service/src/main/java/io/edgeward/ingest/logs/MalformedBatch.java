package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The body is not parseable as the declared format, so no record can be told apart (400). */
public final class MalformedBatch extends IngestException {

    public MalformedBatch(String detail) {
        super(400, "malformed_json", detail);
    }
}
