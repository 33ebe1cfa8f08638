package io.edgeward.inspector.fronts;

import java.util.Set;

/**
 * What the inspector makes of one connection: refused, or served with this client address.
 *
 * @param outcome           why (also the metric's {@code outcome} tag)
 * @param front             the front the peer belongs to, or {@code untrusted}
 * @param clientIp          the address the policy sees (the visitor's from the front's header, else the peer's);
 *                          null when refused
 * @param cloudFrontHeaders whether {@code CloudFront-*} headers may be believed (the peer is CloudFront)
 * @param dropHeaders       lower-case names of client-address headers nobody vouches for on this request: removed
 *                          before the policy, the logs or the application see them
 */
public record Admission(Outcome outcome, String front, String clientIp, boolean cloudFrontHeaders,
        Set<String> dropHeaders) {

    public static final String UNTRUSTED = "untrusted";

    public enum Outcome {
        /** A front's peer with a well-formed client-address header: the visitor is the header's address. */
        TRUSTED,
        /** A front's peer without its header: served, the peer is the client (as a front's own health check). */
        HEADER_MISSING,
        /** A front's peer whose header is malformed or repeated: served, the peer is the client. */
        HEADER_INVALID,
        /** A peer outside every front's ranges, refused (the default). */
        REFUSED,
        /** A peer outside every front's ranges, served as its own client ({@code EDGEWARD_UNTRUSTED_PEERS=peer}). */
        PASSED_AS_PEER;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Admission {
        dropHeaders = Set.copyOf(dropHeaders);
    }

    public boolean refused() {
        return outcome == Outcome.REFUSED;
    }
}
