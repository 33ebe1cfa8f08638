package io.edgeward.cdk.constructs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeward.cdk.config.EdgeSettings;
import io.edgeward.cdk.edgeconfig.EdgeBundleStager;
import java.nio.file.Path;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.services.cloudfront.experimental.EdgeFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.IVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The three Lambda@Edge functions, each a TeaVM-built Node bundle with the same {@code edgeward-edge.json} baked in:
 * the viewer-request function (policy, challenge, verification), the origin-request function (decisions on the ja4,
 * ja3, country and asn scopes, whose CloudFront-Viewer-* headers exist only after viewer-request) and the log
 * shipper (viewer-response and origin-response). Must live in a us-east-1 stack.
 *
 * <p>The runtime is Node.js 22.x: CDK does not check edge runtimes, and a JVM runtime would synthesize and only
 * fail at deploy.
 */
public final class EdgeFunctions extends Construct {

    public static final Runtime RUNTIME = Runtime.NODEJS_22_X;

    private final EdgeFunction viewerRequest;
    private final EdgeFunction originRequest;
    private final EdgeFunction logShipper;

    public EdgeFunctions(Construct scope, String id, EdgeSettings edge, ObjectNode edgeConfig) {
        super(scope, id);
        Path staging = Path.of(Stage.of(this).getAssetOutdir(), "edgeward-staging");
        this.viewerRequest = function("ViewerRequest", "Edgeward viewer-request: session cookie, Protector check,"
                        + " challenge", EdgeBundleStager.stage(edge.viewerRequestBundle(), "edge.viewerRequestBundle",
                        edgeConfig, staging.resolve("viewer-request")), edge);
        this.originRequest = function("OriginRequest", "Edgeward origin-request: ja4, ja3, country and asn"
                        + " decisions on cache misses", EdgeBundleStager.stage(edge.originRequestBundle(),
                        "edge.originRequestBundle", edgeConfig, staging.resolve("origin-request")), edge);
        this.logShipper = function("LogShipper", "Edgeward log shipper: viewer-response and origin-response",
                EdgeBundleStager.stage(edge.originResponseBundle(), "edge.originResponseBundle", edgeConfig,
                        staging.resolve("origin-response")), edge);
    }

    private EdgeFunction function(String id, String description, Path bundle, EdgeSettings edge) {
        return EdgeFunction.Builder.create(this, id)
                .runtime(RUNTIME)
                .handler("index.handler")
                .code(Code.fromAsset(bundle.toString()))
                .memorySize(edge.memoryMiB())
                .timeout(Duration.seconds(edge.timeoutSeconds()))
                .description(description)
                .build();
    }

    /** The current version of the viewer-request function (Lambda@Edge needs a numbered version). */
    public IVersion viewerRequest() {
        return viewerRequest.getCurrentVersion();
    }

    /** The current version of the origin-request function. */
    public IVersion originRequest() {
        return originRequest.getCurrentVersion();
    }

    /** The current version of the log shipper. */
    public IVersion logShipper() {
        return logShipper.getCurrentVersion();
    }
}
