package io.edgeward.inspector.fronts;

import java.util.Locale;
import java.util.Optional;

/**
 * A CDN (or load balancer) allowed to connect to the inspector, the one header through which it names the visitor,
 * and the address ranges it connects from. Only a peer inside {@code ranges} has {@code header} believed.
 *
 * @param name   a short lower-case name for logs and metrics ({@code cloudfront}, {@code cloudflare})
 * @param header the client-address header, lower case: {@code cloudfront-viewer-address} carries
 *               {@code address:port}, any other a bare address ({@code cf-connecting-ip}, {@code true-client-ip})
 * @param ranges the front's published ranges
 */
public record TrustedFront(String name, String header, AddressRanges ranges) {

    public static final String CLOUDFRONT_VIEWER_ADDRESS = "cloudfront-viewer-address";

    public TrustedFront {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a trusted front needs a name");
        }
        header = header == null ? null : header.trim().toLowerCase(Locale.ROOT);
        if (header == null || header.isEmpty()) {
            throw new IllegalArgumentException("front " + name + " needs a client-address header");
        }
        if (header.equals("x-forwarded-for") || header.equals("forwarded")) {
            // A list every hop appends to: its first entry is whatever the client wrote.
            throw new IllegalArgumentException("front " + name + ": " + header
                    + " cannot name the visitor (the client writes its first entry); use the front's own header");
        }
        if (ranges == null || ranges.size() == 0) {
            throw new IllegalArgumentException("front " + name + " has no address ranges");
        }
    }

    /** The visitor's address from this front's header value, canonical; empty when the value is malformed. */
    public Optional<String> clientIp(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String address = header.equals(CLOUDFRONT_VIEWER_ADDRESS)
                ? withoutPort(headerValue.trim()) : headerValue;
        return address == null ? Optional.empty() : AddressRanges.canonical(address);
    }

    /** {@code 198.51.100.7:443}, {@code 2001:db8::7:443} or {@code [2001:db8::7]:443} to the address; null if no port. */
    private static String withoutPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return null;
        }
        for (int i = colon + 1; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return null;
            }
        }
        String address = value.substring(0, colon);
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
    }

    /** Only CloudFront sets {@code CloudFront-*} headers (country, TLS fingerprints) that the edge policy reads. */
    public boolean vouchesForCloudFrontHeaders() {
        return header.equals(CLOUDFRONT_VIEWER_ADDRESS);
    }
}
