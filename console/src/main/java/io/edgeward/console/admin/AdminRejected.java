package io.edgeward.console.admin;

/** Protector refused the request (4xx): {@code detail} is its problem's detail, meant for the operator. */
public final class AdminRejected extends RuntimeException {

    private final int status;

    public AdminRejected(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
