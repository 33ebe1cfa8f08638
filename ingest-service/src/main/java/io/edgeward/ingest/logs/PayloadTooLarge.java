package io.edgeward.ingest.logs;

import io.edgeward.ingest.http.IngestException;

/** The body, as sent or decompressed, exceeds its configured bound (413); nothing of it is read further. */
public final class PayloadTooLarge extends IngestException {

    public PayloadTooLarge(String detail) {
        super(413, "payload_too_large", detail);
    }
}
