package io.edgeward.inspector.fronts;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides, from the connection's peer address, which front (if any) a request came through, and so which single
 * client-address header is believed. A Cloudflare peer cannot assert {@code CloudFront-Viewer-Address}, a CloudFront
 * peer cannot assert {@code CF-Connecting-IP}, and a peer outside every range asserts nothing.
 *
 * <p>Load balancers in between ({@code proxies}, e.g. the VPC's range behind an ALB): when the peer is one of them,
 * the front's address is the last entry of {@code X-Forwarded-For}, the one the load balancer appended itself.
 * Entries before it were written by whoever connected to the front, and are never read.
 *
 * <p>With no fronts configured ({@link #none()}) the inspector keeps its older rule (the origin secret alone).
 */
public final class TrustedFronts {

    /** What happens to a peer outside every front's ranges. */
    public enum Untrusted {
        REFUSE, PEER;

        public static Untrusted parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("untrusted peers must be refuse or peer, was " + value);
            }
        }
    }

    private static final String FORWARDED_FOR = "x-forwarded-for";
    /** Client-address headers some CDN sets: dropped unless the peer's own front vouches for that one. */
    private static final Set<String> KNOWN_HEADERS = Set.of(TrustedFront.CLOUDFRONT_VIEWER_ADDRESS,
            "cf-connecting-ip", "cf-connecting-ipv6", "true-client-ip");

    private final List<TrustedFront> fronts;
    private final AddressRanges proxies;
    private final Untrusted untrusted;
    private final Set<String> frontHeaders;

    public TrustedFronts(List<TrustedFront> fronts, AddressRanges proxies, Untrusted untrusted) {
        this.fronts = List.copyOf(fronts);
        this.proxies = proxies;
        this.untrusted = untrusted;
        Set<String> headers = this.fronts.stream().map(TrustedFront::header).collect(Collectors.toSet());
        headers.addAll(KNOWN_HEADERS);
        this.frontHeaders = Set.copyOf(headers);
    }

    public static TrustedFronts none() {
        return new TrustedFronts(List.of(), AddressRanges.of(List.of()), Untrusted.REFUSE);
    }

    public boolean enabled() {
        return !fronts.isEmpty();
    }

    public List<TrustedFront> fronts() {
        return fronts;
    }

    public Untrusted untrusted() {
        return untrusted;
    }

    /**
     * @param peer    the TCP peer's address
     * @param headers a request header's values by lower-case name (empty list when absent)
     */
    public Admission admit(String socketPeer, Function<String, List<String>> headers) {
        String peer = socketAddress(socketPeer);
        String frontPeer = peer;
        if (proxies.contains(peer)) {
            List<String> forwarded = headers.apply(FORWARDED_FOR);
            frontPeer = forwarded.isEmpty() ? peer : lastEntry(forwarded.get(forwarded.size() - 1));
        }
        for (TrustedFront front : fronts) {
            if (front.ranges().contains(frontPeer)) {
                return admitted(front, frontPeer, headers.apply(front.header()));
            }
        }
        Set<String> drop = new HashSet<>(frontHeaders);
        String client = AddressRanges.canonical(frontPeer).orElse(peer);
        return untrusted == Untrusted.REFUSE
                ? new Admission(Admission.Outcome.REFUSED, Admission.UNTRUSTED, null, false, drop)
                : new Admission(Admission.Outcome.PASSED_AS_PEER, Admission.UNTRUSTED, client, false, drop);
    }

    private Admission admitted(TrustedFront front, String frontPeer, List<String> values) {
        Set<String> drop = new HashSet<>(frontHeaders);
        drop.remove(front.header());
        String peer = AddressRanges.canonical(frontPeer).orElse(frontPeer);
        if (values.isEmpty()) {
            return new Admission(Admission.Outcome.HEADER_MISSING, front.name(), peer,
                    front.vouchesForCloudFrontHeaders(), drop);
        }
        // Two values mean someone upstream of the front added one: believe neither.
        String client = values.size() == 1 ? front.clientIp(values.get(0)).orElse(null) : null;
        if (client == null) {
            drop.add(front.header());
            return new Admission(Admission.Outcome.HEADER_INVALID, front.name(), peer,
                    front.vouchesForCloudFrontHeaders(), drop);
        }
        return new Admission(Admission.Outcome.TRUSTED, front.name(), client, front.vouchesForCloudFrontHeaders(),
                drop);
    }

    /** The servlet container may write an IPv6 peer bracketed or with its scope: the address alone. */
    private static String socketAddress(String peer) {
        String address = peer == null ? "" : peer.trim();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int scope = address.indexOf('%');
        return scope < 0 ? address : address.substring(0, scope);
    }

    private static String lastEntry(String forwardedFor) {
        int comma = forwardedFor.lastIndexOf(',');
        return (comma < 0 ? forwardedFor : forwardedFor.substring(comma + 1)).trim();
    }
}
