package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.config.OriginHeaders;
import io.edgeward.cdk.config.SettingsException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestCookieBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestQueryStringBehavior;
import software.constructs.Construct;

/**
 * The CloudFront policies of protected behaviors.
 *
 * <p>Origin requests carry the viewer country and TLS fingerprints (for the log shipper at origin-response and for
 * the origin) and the x-edgeward-* marks: the mark and cookie for the log shipper, the decision headers for
 * {@code inject} mode. The cache key leaves the session cookie out, so every visitor's fresh cookie does not split
 * the cache; the origin still receives all cookies.
 */
public final class EdgewardPolicies extends Construct {

    /** CloudFront headers Edgeward reads; added after viewer-request, so origin-facing functions see them. */
    public static final List<String> CLOUDFRONT_HEADERS = List.of("CloudFront-Viewer-Country",
            "CloudFront-Viewer-JA3-Fingerprint", "CloudFront-Viewer-JA4-Fingerprint");
    /**
     * The viewer's network, for {@code asn} decisions at origin-request. With {@code edgeward-only} it takes a slot
     * of the policy's 10 only when one is left after the extra headers; otherwise asn decisions are not enforced at
     * the edge, and the synth says so.
     */
    public static final String ASN_HEADER = "CloudFront-Viewer-ASN";
    /** Request marks set by the viewer-request function (docs/contracts.md "Request marks"). */
    public static final List<String> MARK_HEADERS = List.of("x-edgeward-mark", "x-edgeward-set-cookie",
            "x-edgeward-action", "x-edgeward-reason", "x-edgeward-session");

    private final OriginRequestPolicy originRequestPolicy;
    private final CachePolicy cachePolicy;

    public EdgewardPolicies(Construct scope, String id, DistributionSettings distribution, String cookieName) {
        super(scope, id);
        this.originRequestPolicy = OriginRequestPolicy.Builder.create(this, "OriginRequest")
                .comment("Edgeward: viewer country, ASN, JA3/JA4 and x-edgeward-* marks to the origin")
                .headerBehavior(headers(this, distribution))
                .queryStringBehavior(OriginRequestQueryStringBehavior.all())
                .cookieBehavior(OriginRequestCookieBehavior.all())
                .build();
        this.cachePolicy = CachePolicy.Builder.create(this, "Cache")
                .comment("Edgeward: origin Cache-Control decides; the session cookie is not part of the key")
                .defaultTtl(Duration.seconds(0))
                .minTtl(Duration.seconds(0))
                .maxTtl(Duration.days(365))
                .cookieBehavior(CacheCookieBehavior.denyList(cookieName))
                .headerBehavior(CacheHeaderBehavior.none())
                .queryStringBehavior(CacheQueryStringBehavior.all())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();
    }

    /** The viewer's address and port: the inline inspector's client IP (docs/inline.md). */
    public static final String VIEWER_ADDRESS_HEADER = "CloudFront-Viewer-Address";

    private static OriginRequestHeaderBehavior headers(Construct scope, DistributionSettings distribution) {
        List<String> cloudFront = new ArrayList<>(CLOUDFRONT_HEADERS);
        if (distribution.uses(Mode.INLINE)) {
            cloudFront.add(VIEWER_ADDRESS_HEADER);
        }
        if (distribution.originRequestHeaders() == OriginHeaders.ALL_VIEWER) {
            cloudFront.add(ASN_HEADER);
            return OriginRequestHeaderBehavior.all(cloudFront.toArray(String[]::new));
        }
        List<String> headers = new ArrayList<>(cloudFront);
        headers.addAll(MARK_HEADERS);
        headers.addAll(distribution.extraOriginHeaders());
        SettingsException.require(headers.size() <= DistributionSettings.MAX_POLICY_HEADERS,
                "distribution.extraOriginHeaders " + distribution.extraOriginHeaders() + " make " + headers.size()
                        + " headers; an origin request policy holds " + DistributionSettings.MAX_POLICY_HEADERS
                        + " by default (ask AWS for more, or use originRequestHeaders all-viewer)");
        if (headers.size() < DistributionSettings.MAX_POLICY_HEADERS) {
            headers.add(ASN_HEADER);
        } else {
            Annotations.of(scope).addWarningV2("edgeward:asnNotForwarded", "the origin request policy is full: "
                    + ASN_HEADER + " is not forwarded, so asn decisions are not enforced at the edge (drop an extra"
                    + " origin header or use originRequestHeaders all-viewer)");
        }
        return OriginRequestHeaderBehavior.allowList(headers.toArray(String[]::new));
    }

    public OriginRequestPolicy originRequestPolicy() {
        return originRequestPolicy;
    }

    public CachePolicy cachePolicy() {
        return cachePolicy;
    }
}
