package io.edgeward.cdk.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * The secrets the edge functions must carry (Lambda@Edge has no environment variables or secret store access on
 * the request path): the Protector key, the ingest key and the session cookie keys. They are the values of the
 * services' Secrets Manager secrets, exported to a local keys file after the services stack is deployed (see
 * docs/deploy.md). {@link #toString()} never shows a value; messages name the key, never its value.
 *
 * @param edgeKey    Bearer key the edge presents to Protector
 * @param ingestKey  Bearer key the edge presents to ingest
 * @param cookieKeys key id → base64url key (at least 32 bytes); all verify
 * @param signingKey id of the key that signs new cookies
 * @param originSecret optional: the value CloudFront sends to the inspecting origin in x-edgeward-origin-secret
 *                     (the services' {@code <prefix>/origin-secret}); required when a behavior is inline
 */
public record EdgeKeys(String edgeKey, String ingestKey, Map<String, String> cookieKeys, String signingKey,
        String originSecret) {

    private static final int MIN_API_KEY_CHARS = 32;
    private static final int MIN_COOKIE_KEY_BYTES = 32;

    @JsonCreator
    public EdgeKeys {
        requireApiKey("edgeKey", edgeKey);
        requireApiKey("ingestKey", ingestKey);
        SettingsException.require(cookieKeys != null && !cookieKeys.isEmpty(), "keys: cookieKeys must not be empty");
        cookieKeys = Map.copyOf(new TreeMap<>(cookieKeys));
        for (Map.Entry<String, String> key : cookieKeys.entrySet()) {
            SettingsException.require(decodedLength(key.getValue()) >= MIN_COOKIE_KEY_BYTES,
                    "keys: cookieKeys." + key.getKey() + " must be base64url of at least " + MIN_COOKIE_KEY_BYTES
                            + " bytes");
        }
        SettingsException.require(signingKey != null && cookieKeys.containsKey(signingKey),
                "keys: signingKey must name one of the cookieKeys " + cookieKeys.keySet() + ", was " + signingKey);
        if (originSecret != null) {
            requireApiKey("originSecret", originSecret);
        }
    }

    public EdgeKeys(String edgeKey, String ingestKey, Map<String, String> cookieKeys, String signingKey) {
        this(edgeKey, ingestKey, cookieKeys, signingKey, null);
    }

    /** Reads a keys file; unknown fields are rejected. */
    public static EdgeKeys read(Path file) {
        SettingsException.require(Files.isRegularFile(file),
                "edge.keysFile " + file + " does not exist: deploy the services stack, then export the keys as"
                        + " docs/deploy.md step 5 shows");
        try {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), EdgeKeys.class);
        } catch (IOException e) {
            // Jackson messages may quote the input; keep secrets out of the message.
            Throwable cause = e.getCause() instanceof SettingsException ? e.getCause() : null;
            throw new SettingsException("edge.keysFile " + file + " is not a valid keys file"
                    + (cause != null ? ": " + cause.getMessage() : " (expected edgeKey, ingestKey, cookieKeys, signingKey, optional originSecret)"));
        }
    }

    private static void requireApiKey(String name, String value) {
        SettingsException.require(value != null && value.length() >= MIN_API_KEY_CHARS,
                "keys: " + name + " must be at least " + MIN_API_KEY_CHARS + " characters");
    }

    private static int decodedLength(String base64url) {
        try {
            return base64url == null ? 0 : Base64.getUrlDecoder().decode(base64url).length;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "EdgeKeys[edgeKey=***, ingestKey=***, cookieKeys=" + cookieKeys.keySet() + ", signingKey=" + signingKey
                + ", originSecret=" + (originSecret == null ? "unset" : "***") + "]";
    }
}
