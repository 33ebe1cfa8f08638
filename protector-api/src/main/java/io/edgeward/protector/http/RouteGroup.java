package io.edgeward.protector.http;

import io.javalin.config.RoutesConfig;

/**
 * A set of routes added to the server at start-up, e.g. the challenge feature's {@code /v1/challenge/*}.
 * Authentication is already in place by path prefix: {@code /v1/check} and {@code /v1/challenge/*} need the
 * edge key, {@code /v1/admin/*} the admin token. Throw {@link ProblemException} for client errors.
 */
@FunctionalInterface
public interface RouteGroup {
    void addRoutes(RoutesConfig app);
}
