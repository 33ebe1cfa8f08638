package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The body's Content-Encoding is neither gzip nor identity (415). */
public final class UnsupportedEncoding extends IngestException {

    public UnsupportedEncoding(String detail) {
        super(415, "unsupported_content_encoding", detail);
    }
}
