package io.edgeward.detection.rules;

/** Bit flags describing one request, as kept in per-actor state. */
public final class Signals {
    public static final int PAGE = 1;
    public static final int ASSET = 1 << 1;
    public static final int API = 1 << 2;
    public static final int LOGIN_ATTEMPT = 1 << 3;
    public static final int LOGIN_FAIL = 1 << 4;
    public static final int SIGNUP = 1 << 5;
    public static final int PAYMENT_FAIL = 1 << 6;
    public static final int CART_ADD = 1 << 7;
    public static final int PROBE = 1 << 8;
    public static final int ERROR = 1 << 9;
    public static final int NO_ACCEPT_LANGUAGE = 1 << 10;
    public static final int AUTOMATION_UA = 1 << 11;
    /** The request came without a usable cookie although the edge issues them. */
    public static final int COOKIE_NEW = 1 << 12;
    /** Marker, not a request: a session minted for this client came back with its cookie. */
    public static final int RETURNED = 1 << 13;
    public static final int NUMERIC_ID = 1 << 14;

    /**
     * What is kept about a request that cannot be attributed to a session: per-request facts only. Page and path
     * facts are dropped because the first page of every new visitor looks like this, and many visitors share an
     * address and user agent.
     */
    public static final int UNATTRIBUTED_MASK = LOGIN_ATTEMPT | LOGIN_FAIL | SIGNUP | PAYMENT_FAIL | CART_ADD
            | PROBE | ERROR | NO_ACCEPT_LANGUAGE | AUTOMATION_UA | COOKIE_NEW | ASSET;

    private Signals() {
    }

    public static boolean has(int flags, int signal) {
        return (flags & signal) != 0;
    }
}
