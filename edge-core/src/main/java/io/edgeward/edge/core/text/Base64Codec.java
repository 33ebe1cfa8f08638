package io.edgeward.edge.core.text;

/**
 * Base64 (RFC 4648) with the JDK's {@code java.util.Base64} semantics for the basic and URL alphabets: decoding
 * accepts absent padding, refuses misplaced padding and characters outside the alphabet. Written here because
 * TeaVM's {@code java.util.Base64} costs the Node bundles size and a slow first use, on the cookie path.
 */
public final class Base64Codec {

    private static final char[] BASIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final char[] URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private Base64Codec() {
    }

    /** URL-safe alphabet without padding, as JWS and the session id use it. */
    public static String encodeUrl(byte[] bytes) {
        return encode(bytes, URL, false);
    }

    /** Standard alphabet with padding. */
    public static String encodeBasic(byte[] bytes) {
        return encode(bytes, BASIC, true);
    }

    /** Decodes the URL-safe alphabet; throws {@link IllegalArgumentException} when the text is not base64url. */
    public static byte[] decodeUrl(String text) {
        return decode(text, true);
    }

    /** Decodes the standard alphabet; throws {@link IllegalArgumentException} when the text is not base64. */
    public static byte[] decodeBasic(String text) {
        return decode(text, false);
    }

    private static String encode(byte[] bytes, char[] alphabet, boolean pad) {
        StringBuilder out = new StringBuilder((bytes.length + 2) / 3 * 4);
        int i = 0;
        for (; i + 2 < bytes.length; i += 3) {
            int bits = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | bytes[i + 2] & 0xFF;
            out.append(alphabet[bits >> 18]).append(alphabet[bits >> 12 & 0x3F])
                    .append(alphabet[bits >> 6 & 0x3F]).append(alphabet[bits & 0x3F]);
        }
        int left = bytes.length - i;
        if (left > 0) {
            int bits = (bytes[i] & 0xFF) << 16 | (left == 2 ? (bytes[i + 1] & 0xFF) << 8 : 0);
            out.append(alphabet[bits >> 18]).append(alphabet[bits >> 12 & 0x3F]);
            if (left == 2) {
                out.append(alphabet[bits >> 6 & 0x3F]);
            }
            if (pad) {
                out.append(left == 2 ? "=" : "==");
            }
        }
        return out.toString();
    }

    private static byte[] decode(String text, boolean url) {
        int length = text.length();
        int padding = 0;
        if (length > 0 && text.charAt(length - 1) == '=') {
            padding = length > 1 && text.charAt(length - 2) == '=' ? 2 : 1;
        }
        int chars = length - padding;
        if (padding > 0 && length % 4 != 0 || chars % 4 == 1) {
            throw new IllegalArgumentException("not base64: its last unit is incomplete");
        }
        byte[] out = new byte[chars / 4 * 3 + Math.max(0, chars % 4 - 1)];
        int size = 0;
        int bits = 0;
        int count = 0;
        for (int i = 0; i < chars; i++) {
            bits = bits << 6 | sextet(text.charAt(i), url);
            if (++count == 4) {
                out[size++] = (byte) (bits >> 16);
                out[size++] = (byte) (bits >> 8);
                out[size++] = (byte) bits;
                bits = 0;
                count = 0;
            }
        }
        if (count == 2) {
            out[size] = (byte) (bits >> 4);
        } else if (count == 3) {
            out[size++] = (byte) (bits >> 10);
            out[size] = (byte) (bits >> 2);
        }
        return out;
    }

    private static int sextet(char c, boolean url) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == (url ? '-' : '+')) {
            return 62;
        }
        if (c == (url ? '_' : '/')) {
            return 63;
        }
        throw new IllegalArgumentException("not base64: illegal character at its place");
    }
}
