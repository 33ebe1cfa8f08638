package io.edgeward.edge.core.campaign;

import io.edgeward.edge.core.port.Digest;
import io.edgeward.edge.core.text.Utf8;

/**
 * What stays the same when a bot rotates its address: user agent, header names in order, Accept-Language and
 * JA4, hashed into one short key (docs/contracts.md "Campaign key"). Protector computes it from a check, detection
 * from a log record; both call this, so a {@code campaign} decision published by one matches in the other.
 */
public final class CampaignKey {

    /** Hex characters kept: 64 bits, plenty to tell campaigns apart, short in keys and logs. */
    public static final int LENGTH = 16;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CampaignKey() {
    }

    /** The key; null inputs count as empty strings. */
    public static String of(String userAgent, String headerNames, String acceptLanguage, String ja4, Digest digest) {
        String material = orEmpty(userAgent) + '\n' + orEmpty(headerNames) + '\n' + orEmpty(acceptLanguage) + '\n'
                + orEmpty(ja4);
        byte[] hash = digest.sha256(Utf8.encode(material));
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH / 2; i++) {
            out[2 * i] = HEX[(hash[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[hash[i] & 0xF];
        }
        return new String(out);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
