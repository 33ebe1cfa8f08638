package io.edgeward.edge.core.port;

import java.util.Map;

/**
 * Compact JWS HS256 with a {@code kid} header: signs with the configured signing key, verifies with any configured
 * key. On the JVM this is Nimbus JOSE+JWT; on Node, {@code node:crypto}. Both produce the same format.
 */
public interface TokenCodec {

    /** Signs the claims (values: String, Number, Boolean) with the signing key. */
    String sign(Map<String, Object> claims);

    /** Verifies a compact JWS; never throws. */
    VerifiedToken verify(String compact);

    /** The outcome of {@link #verify}: claims only when {@code status} is {@code VALID}. */
    record VerifiedToken(Status status, Map<String, Object> claims) {

        public enum Status { VALID, MALFORMED, FOREIGN_KEY, TAMPERED }

        public static VerifiedToken valid(Map<String, Object> claims) {
            return new VerifiedToken(Status.VALID, claims);
        }

        public static VerifiedToken rejected(Status status) {
            return new VerifiedToken(status, Map.of());
        }
    }
}
