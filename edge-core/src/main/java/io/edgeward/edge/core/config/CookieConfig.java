package io.edgeward.edge.core.config;

import io.edgeward.edge.core.text.Base64Codec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The session cookie. Defaults: name {@code __Host-ew}, lifetime {@code PT24H}. {@code keys} (kid to secret, each
 * base64url of at least 32 bytes) verify; {@code signingKey} names the one that signs (optional with one key).
 */
public record CookieConfig(String name, long lifetimeMillis, Map<String, byte[]> keys, String signingKey) {

    static final Set<String> KEYS = Set.of("name", "lifetime", "keys", "signingKey");
    private static final int MIN_KEY_BYTES = 32;

    public CookieConfig {
        if (name == null || name.isEmpty() || !isToken(name)) {
            throw new ConfigException("cookie.name must be a cookie name token, was " + name);
        }
        if (lifetimeMillis < 1000) {
            throw new ConfigException("cookie.lifetime must be at least PT1S, was " + IsoDuration.format(lifetimeMillis));
        }
        if (keys == null || keys.isEmpty()) {
            throw new ConfigException("cookie.keys must hold at least one key");
        }
        for (Map.Entry<String, byte[]> key : keys.entrySet()) {
            if (key.getKey().isEmpty() || !isToken(key.getKey())) {
                throw new ConfigException("cookie.keys: key id must be a token, was " + key.getKey());
            }
            if (key.getValue() == null || key.getValue().length < MIN_KEY_BYTES) {
                throw new ConfigException("cookie.keys." + key.getKey() + " must be at least " + MIN_KEY_BYTES
                        + " bytes, was " + (key.getValue() == null ? 0 : key.getValue().length));
            }
        }
        if (signingKey == null && keys.size() == 1) {
            signingKey = keys.keySet().iterator().next();
        }
        if (signingKey == null || !keys.containsKey(signingKey)) {
            throw new ConfigException("cookie.signingKey must name one of cookie.keys " + keys.keySet() + ", was "
                    + signingKey);
        }
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public long lifetimeSeconds() {
        return lifetimeMillis / 1000;
    }

    static CookieConfig read(Object section) {
        ConfigReader reader = ConfigReader.section("cookie", section, KEYS);
        Object rawKeys = reader.raw("keys");
        if (!(rawKeys instanceof Map)) {
            throw new ConfigException("cookie.keys is required: an object of key id to base64url secret");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) rawKeys).entrySet()) {
            String kid = String.valueOf(entry.getKey());
            if (!(entry.getValue() instanceof String)) {
                throw new ConfigException("cookie.keys." + kid + " must be a base64url string");
            }
            keys.put(kid, decodeKey(kid, (String) entry.getValue()));
        }
        return new CookieConfig(reader.string("name", "__Host-ew"), reader.durationMillis("lifetime", "PT24H"), keys,
                reader.string("signingKey", null));
    }

    // The secret itself never appears in a message.
    private static byte[] decodeKey(String kid, String text) {
        String unpadded = text;
        while (unpadded.endsWith("=")) {
            unpadded = unpadded.substring(0, unpadded.length() - 1);
        }
        try {
            return Base64Codec.decodeUrl(unpadded.replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("cookie.keys." + kid + " must be base64url (value not shown)");
        }
    }

    static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
