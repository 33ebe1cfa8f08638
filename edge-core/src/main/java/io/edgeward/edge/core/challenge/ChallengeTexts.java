package io.edgeward.edge.core.challenge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The words on the challenge page, by key, in English by default; the edge config's {@code challenge.strings}
 * replaces any of them (to translate the page or change its tone). Unknown keys are rejected so a typo does not
 * silently leave English on a translated page.
 */
public final class ChallengeTexts {

    static final int MAX_TEXT = 600;
    private static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> texts;

    private ChallengeTexts(Map<String, String> texts) {
        this.texts = texts;
    }

    public static ChallengeTexts english() {
        return new ChallengeTexts(DEFAULTS);
    }

    /**
     * The defaults with these replacements. @throws IllegalArgumentException naming the key on an unknown key, an
     * empty text or one longer than 600 characters
     */
    public static ChallengeTexts withOverrides(Map<String, String> overrides) {
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("challenge.strings." + key + " is not a known key (known: "
                        + String.join(", ", DEFAULTS.keySet()) + ")");
            }
            if (value == null || value.isEmpty() || value.length() > MAX_TEXT) {
                throw new IllegalArgumentException("challenge.strings." + key + " must be 1.." + MAX_TEXT
                        + " characters, was " + (value == null ? "missing" : value.length() + " characters"));
            }
            merged.put(key, value);
        }
        return new ChallengeTexts(Collections.unmodifiableMap(merged));
    }

    public static Set<String> keys() {
        return DEFAULTS.keySet();
    }

    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no challenge text " + key);
        }
        return text;
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("lang", "en");
        d.put("title", "Checking your browser");
        d.put("heading", "One moment, please");
        d.put("message", "This site checks that visitors are people before serving them. Your browser is doing a"
                + " short calculation; you will continue automatically.");
        d.put("captchaMessage", "This site checks that visitors are people before serving them. Please complete the"
                + " check below to continue.");
        d.put("noscript", "This check needs JavaScript. Please enable JavaScript for this site and reload the page.");
        d.put("progress", "Progress of the browser check");
        d.put("working", "Checking your browser…");
        d.put("solved", "Done. Taking you to the page…");
        d.put("start", "Start the check again");
        d.put("unsupported", "Your browser cannot run this check: it needs Web Workers and WebCrypto on a secure"
                + " (HTTPS) connection.");
        d.put("error", "The check stopped unexpectedly. Press the button to try again.");
        d.put("failed", "That did not work. Here is a new check.");
        d.put("unavailable", "The check could not be prepared just now. Please try again.");
        d.put("retry", "Try again");
        d.put("reference", "Reference:");
        return Collections.unmodifiableMap(d);
    }
}
