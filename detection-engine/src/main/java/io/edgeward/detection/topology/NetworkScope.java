package io.edgeward.detection.topology;

import io.edgeward.env.net.IpAddress;

/**
 * The network an address belongs to for network-scoped rules: its /24 (IPv4) or /64 (IPv6), in the canonical CIDR
 * text of the shared parser (docs/ip-addresses.md), so a {@code cidr} decision built from it is stored by Protector
 * exactly as written.
 */
final class NetworkScope {

    static final int IPV4_PREFIX = 24;
    static final int IPV6_PREFIX = 64;

    private NetworkScope() {
    }

    /** The network of an address literal, or null when it is not one (never a DNS lookup). */
    static String of(String ip) {
        return IpAddress.parse(ip)
                .map(a -> a.network(a.isIpv4() ? IPV4_PREFIX : IPV6_PREFIX).toString())
                .orElse(null);
    }
}
