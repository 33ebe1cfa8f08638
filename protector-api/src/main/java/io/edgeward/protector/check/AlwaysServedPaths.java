package io.edgeward.protector.check;

import io.edgeward.edge.core.path.NormalisedPath;
import io.edgeward.edge.core.path.PathNormaliser;

/**
 * {@code /robots.txt} and {@code /.well-known/*}: crawlers and protocols (ACME, security.txt) must reach them, so
 * request rules never challenge them; the edge serves them without asking Protector too. Never for a path that was
 * dressed up: a raw path that is tricky by the shared normaliser (contract C5, e.g. {@code /.well-known/..;/admin})
 * gets no such favour.
 */
final class AlwaysServedPaths {

    private AlwaysServedPaths() {
    }

    static boolean contains(CheckRequest r) {
        String raw = r.rawPath() != null ? r.rawPath() : r.path();
        if (raw == null) {
            return false;
        }
        NormalisedPath p = PathNormaliser.normalise(raw);
        return !p.tricky() && (p.path().equals("/robots.txt") || p.path().startsWith("/.well-known/"));
    }
}
