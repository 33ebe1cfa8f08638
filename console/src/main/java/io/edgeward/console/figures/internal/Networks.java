package io.edgeward.console.figures.internal;

import io.edgeward.env.net.Cidr;
import io.edgeward.env.net.IpAddress;
import java.util.Optional;

/** How the console groups and keys addresses: /24 for IPv4 and /64 for IPv6, as the networks dimension ranks. */
public final class Networks {

    private Networks() {
    }

    /** The network ranked for {@code clientIp}, or null when it is not an address. */
    public static String of(String clientIp) {
        Optional<IpAddress> address = IpAddress.parse(clientIp);
        if (address.isEmpty()) {
            return null;
        }
        IpAddress a = address.get();
        return a.network(a.isIpv4() ? 24 : 64).toString();
    }

    /** The canonical text of an address as typed, or the text itself when it is not one. */
    public static String canonicalAddress(String text) {
        return IpAddress.canonical(text).orElse(text);
    }

    /** The key detections are stored and looked up by: scope and canonical value. */
    public static String detectionKey(String scope, String value) {
        String v = value;
        if ("ip".equals(scope)) {
            v = canonicalAddress(value);
        } else if ("cidr".equals(scope)) {
            try {
                v = Cidr.parse(value).toString();
            } catch (RuntimeException e) {
                v = value;
            }
        }
        return scope + "|" + v;
    }
}
