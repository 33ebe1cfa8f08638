package io.edgeward.protector.decision;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP literals without DNS: a value that is not a literal is rejected, never resolved. IPv4-mapped IPv6
 * addresses become IPv4. The canonical text is dotted quad for IPv4 and RFC 5952 for IPv6
 * (lowercase, longest zero run compressed).
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The address bytes (4 or 16), or empty when {@code text} is not an IP literal. */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return Optional.ofNullable(parseV4(text));
        }
        if (text.indexOf('%') >= 0 || text.indexOf('[') >= 0) {
            return Optional.empty();
        }
        try {
            // With a ':' in it, InetAddress parses a literal or throws; it never queries DNS.
            InetAddress address = InetAddress.getByName(text);
            if (address instanceof Inet4Address && !text.contains(".")) {
                return Optional.empty();
            }
            return Optional.of(address.getAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] parseV4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null; // leading zero: ambiguous (octal in some parsers)
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    public static String format(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** The canonical text of an IP literal, or empty when it is not one. */
    public static Optional<String> canonical(String text) {
        return parse(text).map(IpAddresses::format);
    }
}
