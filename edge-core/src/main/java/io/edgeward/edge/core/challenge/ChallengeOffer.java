package io.edgeward.edge.core.challenge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A solvable challenge as Protector issues it with a {@code challenge} answer (docs/contracts.md): a compact JWS
 * signed with Protector's own challenge key (opaque to the edge), the provider, the proof-of-work difficulty (leading
 * zero bits) and the third-party provider's public site key (null for {@code pow}).
 */
public record ChallengeOffer(String token, String provider, int difficulty, String siteKey) {

    /** A real token is a few hundred characters; anything far longer is not rendered into a page. */
    static final int MAX_TOKEN = 4096;
    static final int MAX_SITE_KEY = 256;

    public ChallengeOffer {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN || !isTokenText(token)) {
            throw new IllegalArgumentException("challenge token must be 1.." + MAX_TOKEN + " base64url/dot characters");
        }
        if (!Providers.isKnown(provider)) {
            throw new IllegalArgumentException("unknown challenge provider " + provider);
        }
        if (difficulty < 0 || difficulty > 32) {
            throw new IllegalArgumentException("challenge difficulty must be 0..32, was " + difficulty);
        }
        if (siteKey != null && (siteKey.length() > MAX_SITE_KEY || siteKey.isEmpty())) {
            siteKey = null;
        }
        if (!Providers.POW.equals(provider) && siteKey == null) {
            throw new IllegalArgumentException("provider " + provider + " needs a site key");
        }
    }

    /** Reads the optional {@code challenge} object of a check or verify answer; null when absent or unusable. */
    public static ChallengeOffer fromJson(Object value) {
        if (!(value instanceof Map)) {
            return null;
        }
        Map<?, ?> map = (Map<?, ?>) value;
        Object token = map.get("token");
        Object provider = map.get("provider");
        Object difficulty = map.get("difficulty");
        Object siteKey = map.get("siteKey");
        if (!(token instanceof String) || !(provider instanceof String)) {
            return null;
        }
        int bits = difficulty instanceof Number ? ((Number) difficulty).intValue() : 0;
        try {
            return new ChallengeOffer((String) token, (String) provider, bits,
                    siteKey instanceof String ? (String) siteKey : null);
        } catch (IllegalArgumentException unusable) {
            return null;
        }
    }

    /** The JSON form given to clients that asked for JSON, so a single-page application can take the challenge. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", token);
        json.put("provider", provider);
        json.put("difficulty", difficulty);
        json.put("siteKey", siteKey);
        json.put("verifyUrl", ChallengeRelay.VERIFY_PATH);
        return json;
    }

    private static boolean isTokenText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
