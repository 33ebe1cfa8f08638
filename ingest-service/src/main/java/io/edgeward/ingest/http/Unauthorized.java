package io.edgeward.ingest.http;

/** No bearer token, or one that matches no configured key (401). */
public final class Unauthorized extends IngestException {

    public Unauthorized(String detail) {
        super(401, "unauthorized", detail);
    }
}
