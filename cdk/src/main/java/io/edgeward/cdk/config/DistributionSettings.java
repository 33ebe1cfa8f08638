package io.edgeward.cdk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CloudFront side: a new distribution in front of an existing origin, or (with {@code attach}) only the edge
 * function versions and policies, for associating with a distribution managed elsewhere.
 *
 * @param attach               true: create no distribution; output the function version ARNs and policy ids
 *                             (see docs/deploy.md "Attaching to an existing distribution")
 * @param originDomain         domain name of the application origin (no scheme), required unless attaching
 * @param originProtocol       https-only (default), http-only or match-viewer
 * @param domainNames          alternate domain names; requires {@code certificateArn}
 * @param certificateArn       ACM certificate in us-east-1 for the alternate domain names
 * @param defaultMode          mode of the default behavior (default mitigate)
 * @param behaviors            additional behaviors, in CloudFront precedence order
 * @param originRequestHeaders headers forwarded to the origin (default all-viewer)
 * @param extraOriginHeaders   with edgeward-only: further viewer headers to forward (e.g. User-Agent)
 * @param inline               the inspecting origin; required when a behavior (or the default) is in inline mode
 */
public record DistributionSettings(
        boolean attach,
        String originDomain,
        String originProtocol,
        List<String> domainNames,
        String certificateArn,
        Mode defaultMode,
        List<BehaviorSettings> behaviors,
        OriginHeaders originRequestHeaders,
        List<String> extraOriginHeaders,
        InlineSettings inline) {

    /** CloudFront's default quota of headers in one origin request policy. */
    public static final int MAX_POLICY_HEADERS = 10;

    private static final Pattern HOSTNAME =
            Pattern.compile("(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)*[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?");
    private static final Set<String> PROTOCOLS = Set.of("https-only", "http-only", "match-viewer");

    @JsonCreator
    public DistributionSettings {
        originProtocol = originProtocol == null ? "https-only" : originProtocol;
        domainNames = domainNames == null ? List.of() : List.copyOf(domainNames);
        defaultMode = defaultMode == null ? Mode.MITIGATE : defaultMode;
        behaviors = behaviors == null ? List.of() : List.copyOf(behaviors);
        originRequestHeaders = originRequestHeaders == null ? OriginHeaders.ALL_VIEWER : originRequestHeaders;
        extraOriginHeaders = extraOriginHeaders == null ? List.of() : List.copyOf(extraOriginHeaders);

        if (attach) {
            SettingsException.require(originDomain == null && domainNames.isEmpty() && certificateArn == null,
                    "distribution.attach is true: originDomain, domainNames and certificateArn belong to the existing"
                            + " distribution and must not be set here");
        } else {
            SettingsException.require(originDomain != null && HOSTNAME.matcher(originDomain).matches(),
                    "distribution.originDomain must be a domain name without scheme or path (like app.example.com),"
                            + " was " + originDomain);
        }
        SettingsException.require(PROTOCOLS.contains(originProtocol),
                "distribution.originProtocol must be one of " + PROTOCOLS + ", was " + originProtocol);
        SettingsException.require(domainNames.isEmpty() || certificateArn != null,
                "distribution.domainNames " + domainNames + " need distribution.certificateArn (ACM, us-east-1)");
        if (certificateArn != null) {
            Arns.requireCertificateIn("distribution.certificateArn", certificateArn, "us-east-1");
        }
        Set<String> seen = new HashSet<>();
        for (BehaviorSettings behavior : behaviors) {
            SettingsException.require(seen.add(behavior.pathPattern()),
                    "distribution.behaviors has pathPattern " + behavior.pathPattern() + " twice");
        }
        for (String header : extraOriginHeaders) {
            SettingsException.require(header.matches("[A-Za-z0-9-]+"),
                    "distribution.extraOriginHeaders must be header names, was " + header);
        }
        boolean usesInline = defaultMode == Mode.INLINE || behaviors.stream().anyMatch(b -> b.mode() == Mode.INLINE);
        SettingsException.require(!usesInline || inline != null,
                "distribution: a behavior is in inline mode, so distribution.inline.inspectorDomain is required");
        SettingsException.require(!(usesInline && attach),
                "distribution.attach is true: inline mode needs the origin group of a distribution Edgeward creates;"
                        + " for an existing distribution add the origin group yourself (docs/inline.md)");
        SettingsException.require(originRequestHeaders == OriginHeaders.EDGEWARD_ONLY || extraOriginHeaders.isEmpty(),
                "distribution.extraOriginHeaders only applies with originRequestHeaders edgeward-only"
                        + " (all-viewer forwards every viewer header already)");
    }

    /** Without an inspecting origin (no inline behaviors). */
    public DistributionSettings(boolean attach, String originDomain, String originProtocol, List<String> domainNames,
            String certificateArn, Mode defaultMode, List<BehaviorSettings> behaviors,
            OriginHeaders originRequestHeaders, List<String> extraOriginHeaders) {
        this(attach, originDomain, originProtocol, domainNames, certificateArn, defaultMode, behaviors,
                originRequestHeaders, extraOriginHeaders, null);
    }

    /** A new distribution in front of {@code originDomain}, all paths in {@code defaultMode}. */
    public static DistributionSettings inFrontOf(String originDomain, Mode defaultMode, List<BehaviorSettings> behaviors) {
        return new DistributionSettings(false, originDomain, null, null, null, defaultMode, behaviors, null, null, null);
    }

    /** Whether any behavior (default included) is in {@code mode}. */
    public boolean uses(Mode mode) {
        return defaultMode == mode || behaviors.stream().anyMatch(b -> b.mode() == mode);
    }

    /** Whether any behavior (default included) carries the edge functions. */
    public boolean usesEdgeFunctions() {
        return defaultMode.hasEdgeFunctions() || behaviors.stream().anyMatch(b -> b.mode().hasEdgeFunctions());
    }
}
