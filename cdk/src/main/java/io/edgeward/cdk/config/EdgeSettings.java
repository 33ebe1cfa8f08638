package io.edgeward.cdk.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;

/**
 * The edge half: the Lambda@Edge bundles, their baked-in configuration and the CloudFront distribution.
 *
 * <p>Lambda@Edge has no environment variables, so the Protector and ingest URLs and the keys are written into the
 * bundles at synth time: they must be known before the edge stack is synthesized (the services stack's load
 * balancer name or a custom domain pointing at it).
 *
 * @param protectorUrl         base URL of protector-api as the edge reaches it (https, unless allowPlainHttp)
 * @param ingestUrl            base URL of ingest-service as the edge reaches it
 * @param keysFile             JSON file with the edge keys ({@link EdgeKeys}); never commit it
 * @param viewerRequestBundle  directory holding the TeaVM viewer-request index.js
 *                             (default {@code <sourceRoot>/edge-node/target/lambda-edge/viewer-request})
 * @param originResponseBundle directory holding the TeaVM log shipper index.js
 *                             (default {@code <sourceRoot>/edge-node/target/lambda-edge/log-shipper})
 * @param memoryMiB            edge function memory (default 128)
 * @param timeoutSeconds       edge function timeout (default 5, the viewer-event limit)
 * @param tuning               overrides for the generated edgeward-edge.json (cookie, checkInterval, exclude,
 *                             protector, ingest, logging, challenge); URLs and keys are not tunable here
 * @param distribution         the distribution, or attach mode
 * @param originRequestBundle  directory holding the TeaVM origin-request index.js, which enforces the ja4, ja3,
 *                             country and asn scopes CloudFront shows only after viewer-request
 *                             (default {@code <sourceRoot>/edge-node/target/lambda-edge/origin-request})
 */
public record EdgeSettings(
        String protectorUrl,
        String ingestUrl,
        Path keysFile,
        Path viewerRequestBundle,
        Path originResponseBundle,
        Integer memoryMiB,
        Integer timeoutSeconds,
        ObjectNode tuning,
        DistributionSettings distribution,
        Path originRequestBundle) {

    public EdgeSettings {
        SettingsException.require(keysFile != null, "edge.keysFile is required");
        SettingsException.require(distribution != null, "edge.distribution is required");
        memoryMiB = memoryMiB == null ? 128 : memoryMiB;
        timeoutSeconds = timeoutSeconds == null ? 5 : timeoutSeconds;
        tuning = tuning == null ? JsonNodeFactory.instance.objectNode() : tuning.deepCopy();
        SettingsException.require(memoryMiB >= 128 && memoryMiB <= 10240,
                "edge.memoryMiB must be between 128 and 10240, was " + memoryMiB);
        SettingsException.require(timeoutSeconds >= 1 && timeoutSeconds <= 30,
                "edge.timeoutSeconds must be between 1 and 30, was " + timeoutSeconds);
    }

    /** Settings without an explicit origin-request bundle (the default is taken, see {@link #withDefaultBundles}). */
    public EdgeSettings(String protectorUrl, String ingestUrl, Path keysFile, Path viewerRequestBundle,
            Path originResponseBundle, Integer memoryMiB, Integer timeoutSeconds, ObjectNode tuning,
            DistributionSettings distribution) {
        this(protectorUrl, ingestUrl, keysFile, viewerRequestBundle, originResponseBundle, memoryMiB, timeoutSeconds,
                tuning, distribution, null);
    }

    /** Checks the endpoint URLs once it is known whether plain HTTP is allowed. */
    void validateUrls(boolean allowPlainHttp) {
        requireUrl("edge.protectorUrl", protectorUrl, allowPlainHttp);
        requireUrl("edge.ingestUrl", ingestUrl, allowPlainHttp);
    }

    /** Where edge-node's TeaVM build leaves the bundles, relative to the repository root. */
    public static final Path DEFAULT_VIEWER_REQUEST_BUNDLE = Path.of("edge-node/target/lambda-edge/viewer-request");
    public static final Path DEFAULT_LOG_SHIPPER_BUNDLE = Path.of("edge-node/target/lambda-edge/log-shipper");
    public static final Path DEFAULT_ORIGIN_REQUEST_BUNDLE = Path.of("edge-node/target/lambda-edge/origin-request");

    /** A copy with unset bundle directories taken from the repository's build output. */
    EdgeSettings withDefaultBundles(Path sourceRoot) {
        return new EdgeSettings(protectorUrl, ingestUrl, keysFile,
                viewerRequestBundle != null ? viewerRequestBundle : sourceRoot.resolve(DEFAULT_VIEWER_REQUEST_BUNDLE),
                originResponseBundle != null ? originResponseBundle : sourceRoot.resolve(DEFAULT_LOG_SHIPPER_BUNDLE),
                memoryMiB, timeoutSeconds, tuning, distribution,
                originRequestBundle != null ? originRequestBundle : sourceRoot.resolve(DEFAULT_ORIGIN_REQUEST_BUNDLE));
    }

    /** A copy with every relative path resolved against {@code base} (the deploy file's directory). */
    EdgeSettings resolvedAgainst(Path base) {
        return new EdgeSettings(protectorUrl, ingestUrl, base.resolve(keysFile).normalize(),
                base.resolve(viewerRequestBundle).normalize(), base.resolve(originResponseBundle).normalize(),
                memoryMiB, timeoutSeconds, tuning, distribution,
                originRequestBundle == null ? null : base.resolve(originRequestBundle).normalize());
    }

    private static void requireUrl(String name, String value, boolean allowPlainHttp) {
        SettingsException.require(value != null, name + " is required (the edge has no environment: the URL is"
                + " baked into the bundle at synth time)");
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(name + " must be an absolute URL, was " + value, e);
        }
        SettingsException.require(uri.getHost() != null && ("https".equals(uri.getScheme())
                        || ("http".equals(uri.getScheme()) && allowPlainHttp)),
                name + " must be an https:// URL (http only with services.allowPlainHttp), was " + value);
        SettingsException.require(uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null,
                name + " must not carry credentials, a query or a fragment");
    }
}
