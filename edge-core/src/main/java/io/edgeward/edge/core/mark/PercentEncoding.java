package io.edgeward.edge.core.mark;

import io.edgeward.edge.core.text.Utf8;

/**
 * RFC 3986 percent-encoding over UTF-8, written by hand because the edge policy may not use {@code java.net}
 * (TeaVM). Only unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) pass unencoded.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String value) {
        byte[] bytes = Utf8.encode(value);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} sequences (and {@code +} as a space when {@code plusIsSpace}, as in form-encoded queries).
     * A malformed escape is kept literally rather than rejected: this is used on viewer input.
     */
    public static String decode(String value, boolean plusIsSpace) {
        if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
            return value;
        }
        byte[] out = new byte[value.length() * 3];
        int size = 0;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && hexValue(value.charAt(i + 1)) >= 0
                    && hexValue(value.charAt(i + 2)) >= 0) {
                out[size++] = (byte) (hexValue(value.charAt(i + 1)) * 16 + hexValue(value.charAt(i + 2)));
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                out[size++] = ' ';
                i++;
            } else {
                int end = i + 1;
                while (end < value.length() && value.charAt(end) != '%' && value.charAt(end) != '+') {
                    end++;
                }
                byte[] raw = Utf8.encode(value.substring(i, end));
                System.arraycopy(raw, 0, out, size, raw.length);
                size += raw.length;
                i = end;
            }
        }
        return Utf8.decode(out, 0, size);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
