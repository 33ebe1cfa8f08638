package io.edgeward.protector.goodbots;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's resolver (and its own cache, {@code networkaddress.cache.ttl}). The JDK returns one PTR name per
 * address, which is what the search engines' verification instructions use.
 */
public final class SystemDnsResolver implements DnsResolver {

    @Override
    public List<String> reverse(byte[] address) throws IOException {
        InetAddress ip = InetAddress.getByAddress(address);
        String host = ip.getCanonicalHostName();
        // The JDK answers the literal itself when there is no PTR record (or it does not confirm).
        return host.equals(ip.getHostAddress()) ? List.of() : List.of(host);
    }

    @Override
    public List<byte[]> forward(String hostName) throws IOException {
        try {
            List<byte[]> out = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(hostName)) {
                out.add(a.getAddress());
            }
            return out;
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
