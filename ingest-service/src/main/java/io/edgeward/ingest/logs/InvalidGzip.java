package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The body says gzip but does not decompress (400). */
public final class InvalidGzip extends IngestException {

    public InvalidGzip(String detail) {
        super(400, "invalid_gzip", detail);
    }
}
