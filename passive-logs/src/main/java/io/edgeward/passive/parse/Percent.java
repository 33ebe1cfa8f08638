package io.edgeward.passive.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding as CloudFront logs need it: {@code %XX} only ({@code +} stays a plus, as in a URL path or a
 * query string kept raw), and a malformed escape kept literally rather than rejected, since log values come from
 * viewers.
 */
public final class Percent {

    private Percent() {
    }

    public static String decode(String value) {
        if (value == null || value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (c == '%' && hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = value.indexOf('%', i + 1);
                end = end < 0 ? value.length() : end;
                byte[] raw = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(raw, 0, raw.length);
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A user agent as logged: CloudFront URL-encodes it, and standard logs written before about 2019 encode it
     * twice ({@code %2520} for a space), so a value still holding {@code %25} after one pass is decoded again.
     */
    public static String decodeUserAgent(String value) {
        if (value == null) {
            return null;
        }
        boolean twice = value.contains("%25");
        String once = decode(value);
        return twice ? decode(once) : once;
    }
}
