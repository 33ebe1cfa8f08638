package io.edgeward.ingest.logs;

import java.util.Locale;

/** How a batch body is laid out, from its Content-Type. */
public enum BatchFormat {
    /** {@code application/x-ndjson}: one JSON object per line. */
    NDJSON,
    /** {@code application/json}: one JSON array of objects. */
    JSON_ARRAY;

    /**
     * The format of a Content-Type header value (parameters such as {@code charset=utf-8} are allowed; only UTF-8
     * is read).
     *
     * @throws UnsupportedMediaType for anything else, including a missing header
     */
    public static BatchFormat fromContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedMediaType("Content-Type is missing; send application/x-ndjson or application/json");
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=") && !param.equals("charset=utf-8") && !param.equals("charset=\"utf-8\"")) {
                throw new UnsupportedMediaType("only UTF-8 is accepted, was " + parts[i].strip());
            }
        }
        return switch (mediaType) {
            case "application/x-ndjson", "application/ndjson", "application/jsonl" -> NDJSON;
            case "application/json" -> JSON_ARRAY;
            default -> throw new UnsupportedMediaType("Content-Type " + parts[0].strip()
                    + " is not accepted; send application/x-ndjson or application/json");
        };
    }
}
