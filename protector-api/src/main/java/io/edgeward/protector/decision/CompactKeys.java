package io.edgeward.protector.decision;

import io.edgeward.env.net.IpAddress;

import java.util.Base64;

/**
 * The in-memory key of a canonical decision value, as small as the value allows, and back:
 * an IPv4 address, an AS number and a campaign key are a {@link Long}; an IPv6 address and a session id of the
 * edge's format (22 base64url characters, 128 random bits) are a {@link Bits128}; anything else stays a String.
 * Each scope has its own map, so the key types never meet.
 */
final class CompactKeys {

    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();
    static final int SESSION_ID_CHARS = 22;

    private CompactKeys() {
    }

    /** The key of a canonical value of an exact-match scope (every scope but cidr and route). */
    static Object of(Scope scope, String canonical) {
        return switch (scope) {
            case IP -> address(IpAddress.parse(canonical).orElseThrow().bytes());
            case ASN -> Long.valueOf(canonical);
            case CAMPAIGN -> Long.parseUnsignedLong(canonical, 16);
            case SESSION -> session(canonical);
            default -> canonical;
        };
    }

    /** The canonical value of a key made by {@link #of}. */
    static String value(Scope scope, Object key) {
        return switch (scope) {
            case IP -> IpAddress.ofBytes(bytes(key)).toString();
            case ASN -> key.toString();
            case CAMPAIGN -> hex16((Long) key);
            case SESSION -> key instanceof Bits128 b ? URL_ENCODER.encodeToString(b.toBytes()) : (String) key;
            default -> (String) key;
        };
    }

    static Object address(byte[] address) {
        return address.length == 4 ? Long.valueOf(toInt(address) & 0xffffffffL) : Bits128.of(address);
    }

    static byte[] bytes(Object addressKey) {
        if (addressKey instanceof Bits128 b) {
            return b.toBytes();
        }
        long v = (Long) addressKey;
        return new byte[]{(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    /** A session id of the edge's own format becomes 128 bits; any other spelling is kept as it is. */
    static Object session(String id) {
        if (id.length() == SESSION_ID_CHARS) {
            try {
                byte[] raw = URL_DECODER.decode(id);
                if (raw.length == 16 && URL_ENCODER.encodeToString(raw).equals(id)) {
                    return Bits128.of(raw);
                }
            } catch (IllegalArgumentException notBase64) {
                // kept as text below
            }
        }
        return id;
    }

    static String hex16(long bits) {
        String hex = Long.toHexString(bits);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    private static int toInt(byte[] a) {
        return ((a[0] & 0xff) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
    }

    /** Rough heap bytes of a key, for the store's byte bound. */
    static int heapBytes(Object key) {
        if (key instanceof Long) {
            return 16;
        }
        if (key instanceof Bits128) {
            return 32;
        }
        if (key instanceof String s) {
            return 40 + s.length(); // String + byte[] (Latin-1); UTF-16 values are rare
        }
        return 64; // a route: its record and its strings
    }
}
