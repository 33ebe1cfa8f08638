package io.edgeward.cdk.config;

/**
 * An additional CloudFront behavior: a path pattern and its integration mode.
 *
 * <p>The edge configuration routes requests by path prefix, so a pattern must be a prefix followed by one
 * trailing {@code *} ({@code /api/*}, {@code /login*}); CloudFront's other wildcards cannot be expressed there.
 *
 * @param pathPattern   CloudFront path pattern, e.g. {@code /api/*}
 * @param mode          integration mode for this behavior
 * @param cachePolicyId optional CloudFront cache policy id; default: the Edgeward cache policy (origin cache headers
 *                      decide, the session cookie is left out of the cache key)
 */
public record BehaviorSettings(String pathPattern, Mode mode, String cachePolicyId) {

    /** Reserved for the challenge verification endpoint served by the viewer-request function. */
    public static final String RESERVED_PATTERN = "/.edgeward/*";

    public BehaviorSettings {
        SettingsException.require(pathPattern != null && !pathPattern.isBlank(),
                "distribution.behaviors[].pathPattern is required");
        SettingsException.require(mode != null, "distribution.behaviors[" + pathPattern + "].mode is required");
        if (!pathPattern.startsWith("/")) {
            pathPattern = "/" + pathPattern;
        }
        int star = pathPattern.indexOf('*');
        SettingsException.require(star == pathPattern.length() - 1 && pathPattern.indexOf('?') < 0,
                "distribution.behaviors[].pathPattern must be a path prefix ending in one '*' (like /api/*), was "
                        + pathPattern);
        SettingsException.require(!pathPattern.startsWith("/.edgeward"),
                "distribution.behaviors[].pathPattern " + pathPattern + " overlaps " + RESERVED_PATTERN
                        + ", which Edgeward reserves for challenge verification");
    }

    public BehaviorSettings(String pathPattern, Mode mode) {
        this(pathPattern, mode, null);
    }

    /** The pattern as the edge configuration's {@code routes[].pathPrefix}: the pattern without its trailing '*'. */
    public String pathPrefix() {
        return pathPattern.substring(0, pathPattern.length() - 1);
    }
}
