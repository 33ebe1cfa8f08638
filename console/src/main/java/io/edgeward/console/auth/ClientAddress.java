package io.edgeward.console.auth;

import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address a login attempt is counted against. Behind a load balancer every connection comes from the balancer,
 * so counting by connection would let anyone lock every operator out with five wrong tokens. When the connection
 * comes from a trusted proxy, the client is the rightmost {@code X-Forwarded-For} hop that is not itself a trusted
 * proxy: proxies append, so the hops a client wrote itself stand to the left of it and cannot be chosen this way.
 */
public final class ClientAddress {

    private final List<Cidr> trustedProxies;

    public ClientAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public String of(String connection, String forwardedFor) {
        if (trustedProxies.isEmpty() || !trusted(connection) || forwardedFor == null) {
            return connection;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            Optional<IpAddress> address = IpAddress.parse(hop);
            if (address.isEmpty()) {
                return connection; // a hop no proxy of ours wrote: nothing to its left can be trusted either
            }
            if (!trusted(address.get())) {
                return address.get().toString();
            }
        }
        return connection;
    }

    private boolean trusted(String address) {
        return IpAddress.parse(address).map(this::trusted).orElse(false);
    }

    private boolean trusted(IpAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }
}
