package io.edgeward.local.front;

/** A response travelling back through the emulated CloudFront: from the origin, the cache or a function. */
public record FrontResponse(int status, String statusDescription, CfHeaders headers, byte[] body) {

    FrontResponse withHeaders(CfHeaders newHeaders) {
        return new FrontResponse(status, statusDescription, newHeaders, body);
    }

    static FrontResponse text(int status, String description, String text) {
        return new FrontResponse(status, description,
                CfHeaders.empty().with("content-type", "text/plain; charset=utf-8"),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
