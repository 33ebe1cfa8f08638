package io.edgeward.cdk.stacks;

import io.edgeward.cdk.config.EdgeKeys;
import io.edgeward.cdk.config.EdgeSettings;
import io.edgeward.cdk.config.Mode;
import io.edgeward.cdk.constructs.EdgeFunctions;
import io.edgeward.cdk.constructs.EdgewardPolicies;
import io.edgeward.cdk.constructs.ProtectedDistribution;
import io.edgeward.cdk.edgeconfig.EdgeConfigDocument;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.RealtimeLogConfig;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The edge half, always in us-east-1 (Lambda@Edge functions and CloudFront certificates live there): the edge
 * functions with their baked configuration, the CloudFront policies and, unless attaching, the distribution.
 * It references nothing in the services stack: the services' URLs and keys arrive as settings, because the edge
 * bundle must contain them at synth time.
 */
public final class EdgeStack extends Stack {

    public static final String REGION = "us-east-1";

    private final EdgeFunctions functions;
    private final ProtectedDistribution distribution;

    public EdgeStack(Construct scope, String id, String account, EdgeSettings edge) {
        this(scope, id, account, edge, null);
    }

    /**
     * @param passive with passive settings: standard logging to the passive log bucket and, with real-time logs, the
     *                real-time log configuration on passive behaviors (names from {@link PassiveLinks})
     */
    public EdgeStack(Construct scope, String id, String account, EdgeSettings edge, PassiveLinks passive) {
        super(scope, id, StackProps.builder()
                .env(Environment.builder().account(account).region(REGION).build())
                .description("Edgeward edge: Lambda@Edge functions and CloudFront distribution")
                .build());
        boolean protectsSomething = edge.distribution().usesEdgeFunctions();
        boolean inline = edge.distribution().uses(Mode.INLINE);
        EdgeKeys keys = protectsSomething || inline ? EdgeKeys.read(edge.keysFile()) : null;
        this.functions = protectsSomething
                ? new EdgeFunctions(this, "EdgeFunctions", edge, EdgeConfigDocument.build(edge, keys))
                : null;
        EdgewardPolicies policies = new EdgewardPolicies(this, "Policies", edge.distribution(),
                EdgeConfigDocument.cookieName(edge));
        this.distribution = edge.distribution().attach()
                ? null
                : new ProtectedDistribution(this, "Protected", edge.distribution(), functions, policies,
                        extras(edge, passive, keys));

        if (functions != null) {
            output("ViewerRequestVersionArn", functions.viewerRequest().getEdgeArn(),
                    "viewer-request association (include body) for each protected behavior");
            output("OriginRequestVersionArn", functions.originRequest().getEdgeArn(),
                    "origin-request association for each protected behavior (ja4, ja3, country, asn decisions)");
            output("LogShipperVersionArn", functions.logShipper().getEdgeArn(),
                    "viewer-response and origin-response associations for each protected behavior");
        }
        output("OriginRequestPolicyId", policies.originRequestPolicy().getOriginRequestPolicyId(),
                "origin request policy forwarding CloudFront-Viewer-* and x-edgeward-* headers");
        output("CachePolicyId", policies.cachePolicy().getCachePolicyId(),
                "cache policy leaving the session cookie out of the cache key");
        if (distribution != null) {
            output("DistributionId", distribution.distribution().getDistributionId(), "CloudFront distribution id");
            output("DistributionDomainName", distribution.distribution().getDistributionDomainName(),
                    "point your DNS (CNAME/alias) here");
        }
    }

    private ProtectedDistribution.Extras extras(EdgeSettings edge, PassiveLinks passive, EdgeKeys keys) {
        String originSecret = keys == null ? null : keys.originSecret();
        if (passive == null) {
            return new ProtectedDistribution.Extras(null, null, null, originSecret);
        }
        IBucket logBucket = passive.settings().standardLogs()
                ? Bucket.fromBucketAttributes(this, "PassiveLogBucket", BucketAttributes.builder()
                        .bucketName(passive.settings().logBucketName()).region(passive.region()).build())
                : null;
        RealtimeLogConfig realtime = passive.settings().realtime() && edge.distribution().uses(Mode.PASSIVE)
                ? passive.realtimeLogConfig(this) : null;
        if (realtime != null) {
            output("RealtimeLogConfigArn", realtime.getRealtimeLogConfigArn(),
                    "real-time log configuration of the passive behaviors");
        }
        return new ProtectedDistribution.Extras(logBucket, passive.settings().logPrefix(), realtime, originSecret);
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public EdgeFunctions functions() {
        return functions;
    }

    public ProtectedDistribution distribution() {
        return distribution;
    }
}
