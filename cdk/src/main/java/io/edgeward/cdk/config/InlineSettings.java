package io.edgeward.cdk.config;

import java.util.Set;

/**
 * The inspecting origin of behaviors in {@code inline} mode: CloudFront sends their requests to an origin group whose
 * primary origin is the inspector (inline-inspector behind its load balancer) and whose fallback is the application
 * origin. CloudFront fails over on connection failures, timeouts and the statuses in {@link #FAILOVER_STATUSES}, so
 * a broken inspector costs the site one connection timeout per request, not an outage (docs/inline.md).
 *
 * @param inspectorDomain          domain name of the inspector's load balancer or custom domain (no scheme), required
 * @param inspectorProtocol        https-only (default) or http-only (test deployments: the origin secret then crosses
 *                                 the internet in clear text)
 * @param connectionTimeoutSeconds CloudFront's connection timeout to the inspector, 1–10 (default 2): the time a dead
 *                                 inspector adds before failover
 * @param connectionAttempts       connection attempts to the inspector before failover, 1–3 (default 1)
 * @param readTimeoutSeconds       response timeout of the inspector, 1–180 (default 30); a timeout fails over
 */
public record InlineSettings(
        String inspectorDomain,
        String inspectorProtocol,
        Integer connectionTimeoutSeconds,
        Integer connectionAttempts,
        Integer readTimeoutSeconds) {

    /** Statuses from the inspector on which CloudFront retries the application origin. */
    public static final java.util.List<Integer> FAILOVER_STATUSES = java.util.List.of(500, 502, 503, 504);
    /** The origin custom header CloudFront adds and the inspector checks (docs/inline.md "Trusting CloudFront"). */
    public static final String ORIGIN_SECRET_HEADER = "x-edgeward-origin-secret";

    private static final Set<String> PROTOCOLS = Set.of("https-only", "http-only");

    public InlineSettings {
        SettingsException.require(inspectorDomain != null && inspectorDomain.matches("[A-Za-z0-9.-]{1,253}"),
                "distribution.inline.inspectorDomain must be a domain name without scheme or path, was "
                        + inspectorDomain);
        inspectorProtocol = inspectorProtocol == null ? "https-only" : inspectorProtocol;
        SettingsException.require(PROTOCOLS.contains(inspectorProtocol),
                "distribution.inline.inspectorProtocol must be one of " + PROTOCOLS + ", was " + inspectorProtocol);
        connectionTimeoutSeconds = connectionTimeoutSeconds == null ? 2 : connectionTimeoutSeconds;
        connectionAttempts = connectionAttempts == null ? 1 : connectionAttempts;
        readTimeoutSeconds = readTimeoutSeconds == null ? 30 : readTimeoutSeconds;
        SettingsException.require(connectionTimeoutSeconds >= 1 && connectionTimeoutSeconds <= 10,
                "distribution.inline.connectionTimeoutSeconds must be between 1 and 10, was " + connectionTimeoutSeconds);
        SettingsException.require(connectionAttempts >= 1 && connectionAttempts <= 3,
                "distribution.inline.connectionAttempts must be between 1 and 3, was " + connectionAttempts);
        SettingsException.require(readTimeoutSeconds >= 1 && readTimeoutSeconds <= 180,
                "distribution.inline.readTimeoutSeconds must be between 1 and 180, was " + readTimeoutSeconds);
    }

    public static InlineSettings to(String inspectorDomain) {
        return new InlineSettings(inspectorDomain, null, null, null, null);
    }
}
