package io.edgeward.emulator;

/** A response travelling back through the emulated CloudFront: from the origin, the cache or a function. */
public record EdgeResponse(int status, String statusDescription, EventHeaders headers, byte[] body) {

    public EdgeResponse {
        statusDescription = statusDescription == null ? "" : statusDescription;
        headers = headers == null ? EventHeaders.empty() : headers;
        body = body == null ? new byte[0] : body;
    }

    public EdgeResponse withHeaders(EventHeaders newHeaders) {
        return new EdgeResponse(status, statusDescription, newHeaders, body);
    }

    public static EdgeResponse text(int status, String description, String text) {
        return new EdgeResponse(status, description,
                EventHeaders.empty().with("content-type", "text/plain; charset=utf-8"),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
