package io.edgeward.edge.core.session;

/** The outcome of reading the cookie: {@code session} is present only when the state is usable. */
public record CookieRead(CookieState state, Session session) {

    public static CookieRead rejected(CookieState state) {
        return new CookieRead(state, null);
    }
}
