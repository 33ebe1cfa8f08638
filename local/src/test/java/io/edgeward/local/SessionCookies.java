package io.edgeward.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Reads and forges session cookies in the contract's format (docs/contracts.md), to test how the edge treats them. */
final class SessionCookies {

    static final String NAME = "__Host-ew";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionCookies() {
    }

    static Optional<String> fromResponse(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie").stream()
                .filter(h -> h.startsWith(NAME + "="))
                .map(h -> h.substring(NAME.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                .findFirst();
    }

    static JsonNode claims(String jws) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sessionId(String jws) {
        return claims(jws).get("sid").asText();
    }

    /** A cookie with the given claims changed, signed with {@code keyBase64Url} under {@code kid}. */
    static String forge(String original, Map<String, Object> changes, String kid, String keyBase64Url) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(
                    JSON.convertValue(claims(original), Map.class)));
            changes.forEach(claims::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims.build());
            jwt.sign(new MACSigner(Base64.getUrlDecoder().decode(keyBase64Url)));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with one character of the payload changed, signature kept. */
    static String tamper(String jws) {
        String[] parts = jws.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String text = new String(payload, StandardCharsets.UTF_8).replace("\"gen\":", "\"gen\":9");
        return parts[0] + "." + Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The contract's user agent binding: base64url of the first 16 bytes of SHA-256 of the User-Agent. */
    static String userAgentHash(String userAgent) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userAgent.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
