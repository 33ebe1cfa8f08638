package io.edgeward.detection.topology;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The network an address belongs to for network-scoped rules: its /24 (IPv4) or /64 (IPv6), in CIDR notation. */
final class Networks {

    private Networks() {
    }

    /** The network of an address literal, or null when it is not one (never a DNS lookup). */
    static String of(String ip) {
        if (ip.indexOf(':') >= 0) {
            for (int i = 0; i < ip.length(); i++) {
                if (Character.digit(ip.charAt(i), 16) < 0 && ip.charAt(i) != ':' && ip.charAt(i) != '.') {
                    return null;
                }
            }
            try {
                byte[] a = InetAddress.getByName(ip).getAddress();
                if (a.length != 16) {
                    return null;
                }
                return String.format("%x:%x:%x:%x::/64", word(a, 0), word(a, 2), word(a, 4), word(a, 6));
            } catch (UnknownHostException | IllegalArgumentException e) {
                return null;
            }
        }
        int dots = 0;
        for (int i = 0; i < ip.length(); i++) {
            char ch = ip.charAt(i);
            if (ch == '.') {
                dots++;
            } else if (ch < '0' || ch > '9') {
                return null;
            }
        }
        return dots == 3 ? ip.substring(0, ip.lastIndexOf('.')) + ".0/24" : null;
    }

    private static int word(byte[] a, int i) {
        return ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
    }
}
