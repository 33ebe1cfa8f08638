package io.edgeward.edge.core.net;

/**
 * The canonical text of an IP address, written here without libraries (TeaVM), to the rules the services share
 * through {@code io.edgeward.env.net.IpAddress} (docs/ip-addresses.md; edge-core's {@code ip-vectors.json} holds
 * the cases both pass):
 * IPv4 is four dotted decimal parts 0-255 without leading zeros; IPv6 is RFC 4291 text (any case, at most four hex
 * digits a group, one {@code ::}, an optional dotted IPv4 tail under the IPv4 rule), written back in RFC 5952 form;
 * an IPv4-mapped address ({@code ::ffff:1.2.3.4}) is its IPv4 address; zone ids, brackets, ports, prefixes and
 * whitespace make the text no address.
 */
public final class IpText {

    private static final int MAX_LENGTH = 45;

    private IpText() {
    }

    /** The canonical text of the address {@code text} spells, or null when it is not an accepted literal. */
    public static String canonical(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            int[] parts = new int[4];
            return ipv4(text, 0, text.length(), parts) ? ipv4Text(parts[0], parts[1], parts[2], parts[3]) : null;
        }
        int[] groups = ipv6(text);
        if (groups == null) {
            return null;
        }
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return ipv4Text(groups[6] >>> 8, groups[6] & 0xff, groups[7] >>> 8, groups[7] & 0xff);
        }
        return ipv6Text(groups);
    }

    /** Whether {@code text} is an accepted IP literal. */
    public static boolean isAddress(String text) {
        return canonical(text) != null;
    }

    /** Reads {@code text[from, to)} as a dotted quad into {@code parts}. */
    private static boolean ipv4(String text, int from, int to, int[] parts) {
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part == 4) {
                    return false;
                }
                parts[part++] = value;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits == 1 && value == 0) {
                    return false; // leading zero: octal to inet_aton, decimal to others
                }
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return part == 4;
    }

    /** The eight groups of an RFC 4291 text, or null. */
    private static int[] ipv6(String text) {
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            return null;
        }
        int[] head = new int[8];
        int[] tail = new int[8];
        int headCount;
        int tailCount;
        if (compressed < 0) {
            headCount = groups(text, 0, text.length(), head);
            tailCount = 0;
            if (headCount != 8) {
                return null;
            }
        } else {
            headCount = compressed == 0 ? 0 : groups(text, 0, compressed, head);
            tailCount = compressed + 2 == text.length() ? 0 : groups(text, compressed + 2, text.length(), tail);
            if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
                return null;
            }
        }
        int[] out = new int[8];
        System.arraycopy(head, 0, out, 0, headCount);
        System.arraycopy(tail, 0, out, 8 - tailCount, tailCount);
        return out;
    }

    /**
     * Reads colon-separated groups of {@code text[from, to)} into {@code out}; the last group of the whole text
     * may be a dotted quad (two groups). Returns how many groups, or -1.
     */
    private static int groups(String text, int from, int to, int[] out) {
        int count = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && text.charAt(i) != ':') {
                continue;
            }
            if (i == start || count == 8) {
                return -1;
            }
            int dot = text.indexOf('.', start);
            if (i == to && to == text.length() && dot >= 0) {
                int[] parts = new int[4];
                if (count > 6 || !ipv4(text, start, to, parts)) {
                    return -1;
                }
                out[count++] = (parts[0] << 8) | parts[1];
                out[count++] = (parts[2] << 8) | parts[3];
                return count;
            }
            int group = hexGroup(text, start, i);
            if (group < 0) {
                return -1;
            }
            out[count++] = group;
            start = i + 1;
        }
        return count;
    }

    /** One to four hex digits, or -1. */
    private static int hexGroup(String text, int from, int to) {
        if (to - from < 1 || to - from > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static String ipv4Text(int a, int b, int c, int d) {
        return a + "." + b + "." + c + "." + d;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::} (the first). */
    private static String ipv6Text(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
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
}
