package io.edgeward.edge.core.path;

/**
 * A request path in the one normalised form the edge, detection and the log record share (DESIGN "One normalised
 * path"). {@code tricky} says the raw path used a form that origins resolve differently from how it reads
 * ({@code ;} parameters, dot segments, duplicate slashes, backslashes, encoded separators, a last segment that is
 * only a dot name such as {@code .png}): such a path is never an excluded asset nor an always-served path.
 */
public record NormalisedPath(String path, boolean tricky) {

    public NormalisedPath {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("a normalised path starts with '/'");
        }
    }
}
