package io.edgeward.cdk.config;

import java.net.URI;

/**
 * The inline-inspector service (docs/inline.md): runs the viewer-request policy and the log shipper on requests
 * CloudFront routes to it, and proxies them to the application origin. Behind its own load balancer, whose domain
 * is {@code edge.distribution.inline.inspectorDomain}.
 *
 * @param applicationOrigin base URL the inspector proxies to (the application origin, e.g. https://origin.shop.example)
 * @param certificateArn    ACM certificate (services region) for the inspector's HTTPS listener; without it the
 *                          listener is plain HTTP, allowed only with services.allowPlainHttp
 * @param size              tasks, CPU and memory (default 2 tasks, 512 CPU, 1024 MiB)
 */
public record InspectorSettings(String applicationOrigin, String certificateArn, ServiceSize size) {

    public InspectorSettings {
        URI uri;
        try {
            uri = applicationOrigin == null ? null : URI.create(applicationOrigin);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("services.inspector.applicationOrigin must be an http(s) URL, was "
                    + applicationOrigin, e);
        }
        SettingsException.require(uri != null && uri.getHost() != null
                        && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())),
                "services.inspector.applicationOrigin must be an http(s) URL, was " + applicationOrigin);
        size = (size == null ? new ServiceSize(null, null, null) : size).orElse(new ServiceSize(2, 512, 1024));
    }
}
