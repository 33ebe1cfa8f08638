package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.BehaviorSettings;
import io.edgeward.cdk.config.DistributionSettings;
import io.edgeward.cdk.config.Mode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.EdgeLambda;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.ICachePolicy;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.IRealtimeLogConfig;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.cloudfront.LambdaEdgeEventType;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.constructs.Construct;

/**
 * A new CloudFront distribution in front of the application origin, with the edge functions on every behavior
 * whose mode is not {@code passive}:
 * viewer-request (with the body, for challenge verification), origin-request (the ja4, ja3, country and asn scopes,
 * on cache misses), and the log shipper at viewer-response (statuses below 400) and origin-response (400 and above,
 * which viewer-response never sees).
 *
 * <p>A {@code /.edgeward/*} behavior (all methods, no caching) receives the challenge answers the viewer-request
 * function verifies; it exists whenever some behavior is protected.
 */
public final class ProtectedDistribution extends Construct {

    private final Distribution distribution;

    /**
     * What passive and inline modes add, each optional (null).
     *
     * @param logBucket    standard (legacy) logging to this bucket under {@code logPrefix}
     * @param realtimeLog  real-time log configuration for the behaviors in passive mode
     * @param originSecret value of the x-edgeward-origin-secret header sent to the inspecting origin
     */
    public record Extras(IBucket logBucket, String logPrefix, IRealtimeLogConfig realtimeLog, String originSecret) {
        public static final Extras NONE = new Extras(null, null, null, null);
    }

    public ProtectedDistribution(Construct scope, String id, DistributionSettings settings, EdgeFunctions functions,
            EdgewardPolicies policies) {
        this(scope, id, settings, functions, policies, Extras.NONE);
    }

    public ProtectedDistribution(Construct scope, String id, DistributionSettings settings, EdgeFunctions functions,
            EdgewardPolicies policies, Extras extras) {
        super(scope, id);
        IOrigin application = HttpOrigin.Builder.create(settings.originDomain())
                .protocolPolicy(protocol(settings.originProtocol()))
                .build();
        IOrigin inspector = settings.inline() == null ? null
                : InlineOrigin.inspector(settings.inline(), extras.originSecret());
        Origins origins = new Origins(application,
                inspector == null ? null : InlineOrigin.group(inspector, application), extras.realtimeLog());

        Map<String, BehaviorOptions> additional = new LinkedHashMap<>();
        if (settings.usesEdgeFunctions()) {
            additional.put(BehaviorSettings.RESERVED_PATTERN,
                    behavior(origins, Mode.MITIGATE, CachePolicy.CACHING_DISABLED, functions, policies));
        } else if (inspector != null) {
            // Challenge answers are POSTs, which origin-group behaviors refuse: they go to the inspector directly.
            additional.put(BehaviorSettings.RESERVED_PATTERN, BehaviorOptions.builder()
                    .origin(inspector)
                    .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                    .allowedMethods(AllowedMethods.ALLOW_ALL)
                    .cachePolicy(CachePolicy.CACHING_DISABLED)
                    .originRequestPolicy(policies.originRequestPolicy())
                    .build());
        }
        for (BehaviorSettings behavior : settings.behaviors()) {
            additional.put(behavior.pathPattern(), behavior(origins, behavior.mode(),
                    cachePolicy(behavior, policies), functions, policies));
        }

        Distribution.Builder builder = Distribution.Builder.create(this, "Distribution")
                .comment("Edgeward protected distribution for " + settings.originDomain())
                .defaultBehavior(behavior(origins, settings.defaultMode(), policies.cachePolicy(), functions, policies))
                .additionalBehaviors(additional)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021);
        if (settings.certificateArn() != null) {
            builder.certificate(Certificate.fromCertificateArn(this, "Certificate", settings.certificateArn()))
                    .domainNames(settings.domainNames());
        }
        if (extras.logBucket() != null) {
            builder.enableLogging(true).logBucket(extras.logBucket()).logFilePrefix(extras.logPrefix())
                    .logIncludesCookies(false);
        }
        this.distribution = builder.build();
    }

    /** The application origin, the origin group of inline behaviors (or null), the real-time log of passive ones. */
    private record Origins(IOrigin application, IOrigin inlineGroup, IRealtimeLogConfig realtimeLog) {
    }

    public Distribution distribution() {
        return distribution;
    }

    private BehaviorOptions behavior(Origins origins, Mode mode, ICachePolicy cachePolicy, EdgeFunctions functions,
            EdgewardPolicies policies) {
        BehaviorOptions.Builder builder = BehaviorOptions.builder()
                .origin(mode == Mode.INLINE ? origins.inlineGroup() : origins.application())
                // __Host- cookies are Secure-only: a plain-HTTP visitor could never keep a session.
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                // CloudFront refuses POST, PUT, PATCH and DELETE on behaviors whose origin is an origin group.
                .allowedMethods(mode == Mode.INLINE ? AllowedMethods.ALLOW_GET_HEAD_OPTIONS : AllowedMethods.ALLOW_ALL)
                .cachePolicy(cachePolicy)
                .originRequestPolicy(policies.originRequestPolicy())
                .edgeLambdas(mode.hasEdgeFunctions() ? edgeLambdas(functions) : List.of());
        if (mode == Mode.PASSIVE && origins.realtimeLog() != null) {
            builder.realtimeLogConfig(origins.realtimeLog());
        }
        return builder.build();
    }

    /** The associations every protected behavior carries (also listed in docs/deploy.md for attach mode). */
    static List<EdgeLambda> edgeLambdas(EdgeFunctions functions) {
        return List.of(
                EdgeLambda.builder().eventType(LambdaEdgeEventType.VIEWER_REQUEST)
                        .functionVersion(functions.viewerRequest()).includeBody(true).build(),
                // CloudFront adds CloudFront-Viewer-JA4/JA3/Country/ASN after viewer-request: decided here.
                EdgeLambda.builder().eventType(LambdaEdgeEventType.ORIGIN_REQUEST)
                        .functionVersion(functions.originRequest()).build(),
                EdgeLambda.builder().eventType(LambdaEdgeEventType.VIEWER_RESPONSE)
                        .functionVersion(functions.logShipper()).build(),
                EdgeLambda.builder().eventType(LambdaEdgeEventType.ORIGIN_RESPONSE)
                        .functionVersion(functions.logShipper()).build());
    }

    private ICachePolicy cachePolicy(BehaviorSettings behavior, EdgewardPolicies policies) {
        return behavior.cachePolicyId() == null ? policies.cachePolicy()
                : CachePolicy.fromCachePolicyId(this, "Cache" + Integer.toHexString(behavior.pathPattern().hashCode()),
                        behavior.cachePolicyId());
    }

    private static OriginProtocolPolicy protocol(String name) {
        return switch (name) {
            case "http-only" -> OriginProtocolPolicy.HTTP_ONLY;
            case "match-viewer" -> OriginProtocolPolicy.MATCH_VIEWER;
            default -> OriginProtocolPolicy.HTTPS_ONLY;
        };
    }
}
