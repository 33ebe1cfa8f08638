package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The body says gzip but does not decompress (400). */
public final class InvalidGzip extends IngestException {

    public InvalidGzip(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String error() {
        return "invalid_gzip";
    }
}
