package io.edgeward.backtest;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A {@code cidr} decision's network ({@code a.b.c.0/24}, {@code x:x:x:x::/64}) and whether an address is in it. */
record NetworkMatch(byte[] network, int prefix) {

    static NetworkMatch parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return null;
        }
        byte[] network = literal(cidr.substring(0, slash));
        try {
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            return network == null || prefix < 0 || prefix > network.length * 8 ? null
                    : new NetworkMatch(network, prefix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null || a.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The address's bytes; only literals reach here (the parsers refused anything else), so no name lookup. */
    private static byte[] literal(String text) {
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.digit(c, 16) < 0 && c != '.' && c != ':') {
                return null;
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
