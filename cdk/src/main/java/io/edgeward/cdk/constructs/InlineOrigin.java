package io.edgeward.cdk.constructs;

import io.edgeward.cdk.config.InlineSettings;
import io.edgeward.cdk.config.SettingsException;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudfront.IOrigin;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.OriginGroup;

/**
 * The origin group of inline behaviors: the inspecting origin first, the application origin when the inspector
 * fails (connection failure, timeout, or one of {@link InlineSettings#FAILOVER_STATUSES}). CloudFront adds the
 * origin secret header on every request to the inspector; the inspector trusts CloudFront-Viewer-Address only with it.
 */
final class InlineOrigin {

    private InlineOrigin() {
    }

    static IOrigin inspector(InlineSettings inline, String originSecret) {
        SettingsException.require(originSecret != null,
                "inline behaviors need keys.originSecret in edge.keysFile (the services' <prefix>/origin-secret):"
                        + " without it the inspector cannot tell CloudFront from anyone else");
        return HttpOrigin.Builder.create(inline.inspectorDomain())
                .protocolPolicy("http-only".equals(inline.inspectorProtocol()) ? OriginProtocolPolicy.HTTP_ONLY
                        : OriginProtocolPolicy.HTTPS_ONLY)
                .connectionTimeout(Duration.seconds(inline.connectionTimeoutSeconds()))
                .connectionAttempts(inline.connectionAttempts())
                .readTimeout(Duration.seconds(inline.readTimeoutSeconds()))
                .customHeaders(Map.of(InlineSettings.ORIGIN_SECRET_HEADER, originSecret))
                .build();
    }

    static IOrigin group(IOrigin inspector, IOrigin application) {
        return OriginGroup.Builder.create()
                .primaryOrigin(inspector)
                .fallbackOrigin(application)
                .fallbackStatusCodes(InlineSettings.FAILOVER_STATUSES.stream().map(Number.class::cast).toList())
                .build();
    }
}
