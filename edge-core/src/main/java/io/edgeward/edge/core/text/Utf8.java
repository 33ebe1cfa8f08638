package io.edgeward.edge.core.text;

/**
 * UTF-8 as the JDK encodes it (an unpaired surrogate becomes {@code ?}) and as Unicode advises decoding it (each
 * maximal malformed subsequence becomes one U+FFFD, as in Node and browsers), written here because TeaVM's charset classes add about 17 KB to each Node bundle and allocate
 * encoder buffers on every call, on the edge's per-request path.
 */
public final class Utf8 {

    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    public static byte[] encode(String text) {
        byte[] out = new byte[encodedLength(text)];
        int size = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[size++] = (byte) c;
            } else if (c < 0x800) {
                out[size++] = (byte) (0xC0 | c >> 6);
                out[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[size++] = (byte) (0xF0 | codePoint >> 18);
                out[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[size++] = '?';
            } else {
                out[size++] = (byte) (0xE0 | c >> 12);
                out[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    /** The number of bytes {@link #encode} gives, without encoding. */
    public static int encodedLength(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return length;
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                out.append((char) lead);
                i++;
                continue;
            }
            int needed;
            int codePoint;
            int min;
            int max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                needed = 1;
                codePoint = lead & 0x1F;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                needed = 2;
                codePoint = lead & 0x0F;
                min = lead == 0xE0 ? 0xA0 : 0x80;
                max = lead == 0xED ? 0x9F : 0xBF;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                needed = 3;
                codePoint = lead & 0x07;
                min = lead == 0xF0 ? 0x90 : 0x80;
                max = lead == 0xF4 ? 0x8F : 0xBF;
            } else {
                out.append(REPLACEMENT);
                i++;
                continue;
            }
            // Only the second byte has a narrowed range; the rest are plain continuation bytes.
            int j = i + 1;
            boolean complete = true;
            for (int k = 0; k < needed; k++, j++) {
                int next = j < end ? bytes[j] & 0xFF : -1;
                int low = k == 0 ? min : 0x80;
                int high = k == 0 ? max : 0xBF;
                if (next < low || next > high) {
                    complete = false;
                    break;
                }
                codePoint = codePoint << 6 | next & 0x3F;
            }
            if (!complete) {
                out.append(REPLACEMENT);
                i = j;
                continue;
            }
            out.appendCodePoint(codePoint);
            i = j;
        }
        return out.toString();
    }
}
