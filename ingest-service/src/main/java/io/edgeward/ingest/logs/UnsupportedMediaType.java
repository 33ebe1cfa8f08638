package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The body's Content-Type is neither NDJSON nor JSON (415). */
public final class UnsupportedMediaType extends IngestException {

    public UnsupportedMediaType(String detail) {
        super(415, "unsupported_media_type", detail);
    }
}
