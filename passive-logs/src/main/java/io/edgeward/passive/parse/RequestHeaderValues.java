package io.edgeward.passive.parse;

import java.util.Locale;

/**
 * The few request headers a record carries, read from a real-time log's {@code cs-headers} field (URL-encoded
 * {@code Name:value} lines). CloudFront adds the JA3/JA4 fingerprint headers to a request when an origin request
 * policy asks for them, which is how they reach this field.
 */
record RequestHeaderValues(String accept, String acceptLanguage, String ja3, String ja4) {

    private static final RequestHeaderValues NONE = new RequestHeaderValues(null, null, null, null);

    static RequestHeaderValues parse(String csHeaders) {
        if (csHeaders == null) {
            return NONE;
        }
        String accept = null;
        String acceptLanguage = null;
        String ja3 = null;
        String ja4 = null;
        for (String line : Percent.decode(csHeaders).split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = line.substring(colon + 1).trim();
            switch (line.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
                case "accept" -> accept = accept == null ? value : accept;
                case "accept-language" -> acceptLanguage = acceptLanguage == null ? value : acceptLanguage;
                case "cloudfront-viewer-ja3-fingerprint" -> ja3 = value;
                case "cloudfront-viewer-ja4-fingerprint" -> ja4 = value;
                default -> { }
            }
        }
        return new RequestHeaderValues(accept, acceptLanguage, ja3, ja4);
    }
}
