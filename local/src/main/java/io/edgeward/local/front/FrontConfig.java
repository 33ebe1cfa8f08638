package io.edgeward.local.front;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the CloudFront-like front. Validated on construction; the message names the bad value.
 *
 * @param bindAddress       address to listen on (default 127.0.0.1)
 * @param port              port to listen on; 0 picks a free one
 * @param origin            base URL of the protected origin (http or https)
 * @param trustForwardedFor take the client IP from the first X-Forwarded-For address (off by default: any client
 *                          could claim any IP)
 * @param defaultCountry    two-letter country put in {@code cloudfront-viewer-country} unless the request carries the
 *                          test header {@code x-test-country}
 * @param includeBodyLimit  how much of a request body the viewer-request function sees (40 KB at viewer events)
 * @param originTimeout     how long to wait for the origin's response (CloudFront's default read timeout is 30 s)
 * @param threads           request threads
 */
public record FrontConfig(String bindAddress, int port, URI origin, boolean trustForwardedFor, String defaultCountry,
                          String distributionDomainName, String distributionId, String edgeLocation,
                          int includeBodyLimit, Duration originTimeout, int threads) {

    public FrontConfig {
        Objects.requireNonNull(bindAddress, "front.bindAddress must be set");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("front.port must be in 0..65535, was " + port);
        }
        Objects.requireNonNull(origin, "front.origin must be set");
        String scheme = origin.getScheme() == null ? "" : origin.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || origin.getHost() == null) {
            throw new IllegalArgumentException("front.origin must be an http(s) URL with a host, was " + origin);
        }
        if (defaultCountry == null || !defaultCountry.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("front.defaultCountry must be two capital letters, was " + defaultCountry);
        }
        if (includeBodyLimit < 0) {
            throw new IllegalArgumentException("front.includeBodyLimit must be >= 0, was " + includeBodyLimit);
        }
        if (originTimeout == null || originTimeout.isNegative() || originTimeout.isZero()) {
            throw new IllegalArgumentException("front.originTimeout must be > 0, was " + originTimeout);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("front.threads must be >= 1, was " + threads);
        }
    }

    /** Defaults for everything but the port and the origin. */
    public static FrontConfig of(int port, URI origin) {
        return new FrontConfig("127.0.0.1", port, origin, false, "US", "d111111abcdef8.cloudfront.net",
                "EDFDVBD6EXAMPLE", "LOCAL1-C1", 40 * 1024, Duration.ofSeconds(30), 32);
    }

    public FrontConfig withTrustForwardedFor(boolean trust) {
        return new FrontConfig(bindAddress, port, origin, trust, defaultCountry, distributionDomainName,
                distributionId, edgeLocation, includeBodyLimit, originTimeout, threads);
    }

    public FrontConfig withDefaultCountry(String country) {
        return new FrontConfig(bindAddress, port, origin, trustForwardedFor, country, distributionDomainName,
                distributionId, edgeLocation, includeBodyLimit, originTimeout, threads);
    }

    public FrontConfig withBindAddress(String address) {
        return new FrontConfig(address, port, origin, trustForwardedFor, defaultCountry, distributionDomainName,
                distributionId, edgeLocation, includeBodyLimit, originTimeout, threads);
    }

    public FrontConfig withOrigin(URI newOrigin) {
        return new FrontConfig(bindAddress, port, newOrigin, trustForwardedFor, defaultCountry, distributionDomainName,
                distributionId, edgeLocation, includeBodyLimit, originTimeout, threads);
    }
}
