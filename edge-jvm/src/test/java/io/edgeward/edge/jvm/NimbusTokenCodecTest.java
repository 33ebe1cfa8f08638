package io.edgeward.edge.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.port.TokenCodec.VerifiedToken;
import io.edgeward.edge.core.port.TokenCodec.VerifiedToken.Status;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NimbusTokenCodecTest {

    private static final byte[] K1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] K2 = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

    private final NimbusTokenCodec codec = new NimbusTokenCodec(Map.of("k1", K1), "k1");

    @Test
    void signed_claims_verify_with_kid_in_the_header() {
        String token = codec.sign(claims());

        VerifiedToken verified = codec.verify(token);

        assertThat(verified.status()).isEqualTo(Status.VALID);
        assertThat(verified.claims()).containsEntry("sid", "AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(((Number) verified.claims().get("exp")).longValue()).isEqualTo(1_795_086_400L);
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"kid\":\"k1\"").contains("\"alg\":\"HS256\"");
    }

    @Test
    void every_configured_key_verifies_but_only_the_signing_key_signs() {
        NimbusTokenCodec rotated = new NimbusTokenCodec(Map.of("k1", K1, "k2", K2), "k2");

        assertThat(rotated.verify(codec.sign(claims())).status()).isEqualTo(Status.VALID);
        assertThat(codec.verify(rotated.sign(claims())).status()).isEqualTo(Status.FOREIGN_KEY);
    }

    @Test
    void tampered_payload_or_signature_is_rejected() {
        String token = codec.sign(claims());
        String[] parts = token.split("\\.");
        Map<String, Object> changed = claims();
        changed.put("chk", 4_000_000_000L);
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"v\":1,\"sid\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"chk\":4000000000}").getBytes(StandardCharsets.UTF_8));
        NimbusTokenCodec sameKidOtherSecret = new NimbusTokenCodec(Map.of("k1", K2), "k1");

        assertThat(codec.verify(parts[0] + "." + forgedPayload + "." + parts[2]).status()).isEqualTo(Status.TAMPERED);
        assertThat(codec.verify(sameKidOtherSecret.sign(changed)).status()).isEqualTo(Status.TAMPERED);
    }

    @Test
    void other_algorithms_and_garbage_are_malformed() {
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString("{\"v\":1}".getBytes()) + ".";
        String hs512 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS512\",\"kid\":\"k1\"}".getBytes()) + ".e30.AAAA";

        for (String bad : new String[] {none, hs512, "", "a.b", "a.b.c", "....", null, "\u0000.\u0001.\u0002"}) {
            assertThat(codec.verify(bad).status()).as(String.valueOf(bad)).isEqualTo(Status.MALFORMED);
        }
    }

    /** Shared vectors (also read by the Node target): tokens from both minting styles verify to the same claims. */
    @Test
    void shared_test_vectors_hold() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/cookie-vectors.json")) {
            vectors = json.readTree(in);
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        vectors.get("keys").properties().iterator().forEachRemaining(key ->
                keys.put(key.getKey(), Base64.getUrlDecoder().decode(key.getValue().asText())));
        for (JsonNode vector : vectors.get("vectors")) {
            String name = vector.get("name").asText();
            NimbusTokenCodec vectorCodec = new NimbusTokenCodec(keys, vector.get("signingKey").asText());

            VerifiedToken verified = vectorCodec.verify(vector.get("token").asText());

            assertThat(verified.status().name()).as(name).isEqualTo(vector.get("status").asText());
            if (verified.status() == Status.VALID) {
                assertThat(json.readTree(json.writeValueAsString(verified.claims()))).as(name)
                        .isEqualTo(vector.get("claims"));
                @SuppressWarnings("unchecked")
                Map<String, Object> claims = json.convertValue(vector.get("claims"), LinkedHashMap.class);
                String roundTrip = json.writeValueAsString(vectorCodec.verify(vectorCodec.sign(claims)).claims());
                assertThat(json.readTree(roundTrip)).as(name)
                        .isEqualTo(vector.get("claims"));
            }
        }
    }

    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("sid", "AAAAAAAAAAAAAAAAAAAAAA");
        claims.put("iat", 1_795_000_000L);
        claims.put("exp", 1_795_086_400L);
        claims.put("chk", 1_795_000_005L);
        claims.put("gen", 1);
        claims.put("uah", "q2Rt1x1QzLh3Cj0bUuYx1A");
        return claims;
    }
}
