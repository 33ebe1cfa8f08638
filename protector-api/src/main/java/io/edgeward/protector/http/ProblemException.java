package io.edgeward.protector.http;

/**
 * A request failed in a way the client should hear about; mapped once, in {@link HttpErrors}, to the status
 * and the problem shape. {@code detail} must never contain a secret.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String error;

    public ProblemException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad_request", detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not_found", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", detail);
    }

    public int status() {
        return status;
    }

    public Problem problem() {
        return new Problem(error, getMessage());
    }
}
