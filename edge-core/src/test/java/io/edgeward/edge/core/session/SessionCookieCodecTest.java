package io.edgeward.edge.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.CookieConfig;
import io.edgeward.edge.core.testing.Configs;
import io.edgeward.edge.core.testing.HmacTokenCodec;
import io.edgeward.edge.core.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionCookieCodecTest {

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) Firefox/145.0";
    private static final long NOW = 1_795_000_000L;

    private final CookieConfig config = Configs.exampleConfig().cookie();
    private final HmacTokenCodec tokens = new HmacTokenCodec(Map.of("k1", Configs.KEY_1), "k1");
    private final SessionCookieCodec codec = new SessionCookieCodec(config, tokens, TestPorts::sha256);

    @Test
    void a_new_session_has_a_128_bit_id_the_lifetime_and_no_check_yet() {
        Session session = codec.newSession(UA, NOW, count -> new byte[count]);

        assertThat(session.id()).isEqualTo("AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(session.issuedAt()).isEqualTo(NOW);
        assertThat(session.expiresAt()).isEqualTo(NOW + 86_400);
        assertThat(session.checkedAt(NOW)).isFalse();
        assertThat(session.generation()).isZero();
        assertThat(session.challengePassed()).isFalse();
    }

    @Test
    void minted_cookie_reads_back_valid_until_checked_until_then_stale() {
        Session session = codec.newSession(UA, NOW, count -> new byte[count]).checkedGood(NOW + 5);
        List<String> header = List.of(pair(codec.setCookie(session, NOW)));

        CookieRead fresh = codec.read(header, UA, NOW + 4);
        CookieRead stale = codec.read(header, UA, NOW + 5);

        assertThat(fresh.state()).isEqualTo(CookieState.VALID);
        assertThat(fresh.session()).isEqualTo(session);
        assertThat(stale.state()).isEqualTo(CookieState.STALE);
        assertThat(stale.session().generation()).isEqualTo(1);
    }

    @Test
    void claims_follow_the_contract() {
        Session session = new Session("c2Vzc2lvbi1pZC0xMjM0NQ", NOW, NOW + 60, NOW + 5, 2, NOW - 10, "aGFzaA");

        Map<String, Object> claims = tokens.verify(codec.mint(session)).claims();

        assertThat(claims).containsOnlyKeys("v", "sid", "iat", "exp", "chk", "gen", "cpa", "uah")
                .containsEntry("v", 1).containsEntry("sid", "c2Vzc2lvbi1pZC0xMjM0NQ").containsEntry("gen", 2);
        assertThat(((Number) claims.get("cpa")).longValue()).isEqualTo(NOW - 10);
    }

    @Test
    void user_agent_binding_is_16_bytes_of_sha256_base64url() {
        assertThat(codec.userAgentBinding("curl/7.66.0")).hasSize(22).doesNotContain("=", "+", "/");
        assertThat(codec.userAgentBinding(null)).isEqualTo(codec.userAgentBinding(""));
        assertThat(codec.userAgentBinding("a")).isNotEqualTo(codec.userAgentBinding("b"));
    }

    @Test
    void set_cookie_has_the_contract_attributes_and_the_remaining_lifetime() {
        Session session = codec.newSession(UA, NOW, count -> new byte[count]);

        assertThat(codec.setCookie(session, NOW + 400)).startsWith("__Host-ew=ey")
                .endsWith("; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=86000");
    }

    @Test
    void unusable_cookies_count_as_no_session_and_say_why() {
        Session session = codec.newSession(UA, NOW, count -> new byte[count]).checkedGood(NOW + 60);
        String value = codec.mint(session);
        String foreign = new HmacTokenCodec(Map.of("k2", Configs.KEY_1), "k2").sign(Map.of("v", 1));
        String otherSecret = new HmacTokenCodec(Map.of("k1",
                "another-secret-of-32-bytes-or-so".getBytes(StandardCharsets.UTF_8)), "k1").sign(claims(session));

        assertThat(state(List.of())).isEqualTo(CookieState.NONE);
        assertThat(state(List.of("other=1"))).isEqualTo(CookieState.NONE);
        assertThat(state(List.of("__Host-ew=" + value.substring(0, value.length() - 3) + "abc")))
                .isEqualTo(CookieState.TAMPERED);
        assertThat(state(List.of("__Host-ew=" + otherSecret))).isEqualTo(CookieState.TAMPERED);
        assertThat(state(List.of("__Host-ew=" + foreign))).isEqualTo(CookieState.FOREIGN_KEY);
        assertThat(state(List.of("__Host-ew=garbage"))).isEqualTo(CookieState.MALFORMED);
        assertThat(state(List.of("__Host-ew=" + "a".repeat(5000)))).isEqualTo(CookieState.MALFORMED);
        assertThat(state(List.of("__Host-ew=" + tokens.sign(Map.of("v", 2, "sid", "x")))))
                .isEqualTo(CookieState.MALFORMED);
        assertThat(codec.read(List.of("__Host-ew=" + value), "curl/8", NOW).state()).isEqualTo(CookieState.UNBOUND);
        assertThat(codec.read(List.of("__Host-ew=" + value), UA, NOW + 86_400).state())
                .isEqualTo(CookieState.EXPIRED);
        assertThat(codec.read(List.of("__Host-ew=" + value), UA, NOW + 86_400).session()).isNull();
    }

    @Test
    void the_cookie_is_found_among_others_in_any_cookie_header() {
        assertThat(CookieHeader.find(List.of("a=1; b=2", "__Host-ew2=no; __Host-ew=yes; c=3"), "__Host-ew"))
                .isEqualTo("yes");
        assertThat(CookieHeader.find(List.of("x=1;__Host-ew = \"quoted\" ;y"), "__Host-ew")).isEqualTo("quoted");
        assertThat(CookieHeader.find(List.of("__Host-ewx=1", "__Host-ew"), "__Host-ew")).isNull();
        assertThat(CookieHeader.find(List.of(";;;=;", ""), "__Host-ew")).isNull();
    }

    private CookieState state(List<String> headers) {
        return codec.read(headers, UA, NOW).state();
    }

    private static Map<String, Object> claims(Session session) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("sid", session.id());
        claims.put("iat", session.issuedAt());
        claims.put("exp", session.expiresAt());
        claims.put("chk", session.checkedUntil());
        claims.put("gen", session.generation());
        claims.put("uah", session.userAgentHash());
        return claims;
    }

    private static String pair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void passes_and_a_carried_block_round_trip_in_the_optional_claims() {
        Session session = new Session("c2Vzc2lvbi1pZC0xMjM0NQ", NOW, NOW + 600, NOW + 5, 2, NOW - 10,
                codec.userAgentBinding(UA), 3, NOW + 300, "ip", "203.0.113.7");

        Map<String, Object> claims = tokens.verify(codec.mint(session)).claims();
        CookieRead read = codec.read(List.of(pair(codec.setCookie(session, NOW))), UA, NOW);

        assertThat(claims).containsEntry("cpn", 3).containsEntry("bs", "ip").containsEntry("ba", "203.0.113.7");
        assertThat(((Number) claims.get("bu")).longValue()).isEqualTo(NOW + 300);
        assertThat(read.session()).isEqualTo(session);
    }

    @Test
    void a_cookie_of_the_first_version_reads_without_passes_or_block() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("v", 1);
        claims.put("sid", "c2Vzc2lvbi1pZC0xMjM0NQ");
        claims.put("iat", NOW);
        claims.put("exp", NOW + 600);
        claims.put("chk", NOW + 5);
        claims.put("gen", 0);
        claims.put("uah", codec.userAgentBinding(UA));

        CookieRead read = codec.read(List.of("__Host-ew=" + tokens.sign(claims)), UA, NOW);

        assertThat(read.state()).isEqualTo(CookieState.VALID);
        assertThat(read.session().challengePasses()).isZero();
        assertThat(read.session().blockedUntil()).isZero();
        assertThat(read.session().blockScope()).isNull();
    }

    @Test
    void bad_optional_claims_make_the_cookie_malformed() {
        for (Map.Entry<String, Object> bad : List.of(Map.entry("cpn", (Object) (-1)), Map.entry("bu", (Object) "x"),
                Map.entry("bs", (Object) "s".repeat(33)), Map.entry("ba", (Object) 7),
                Map.entry("cpn", (Object) 1.5))) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("v", 1);
            claims.put("sid", "c2Vzc2lvbi1pZC0xMjM0NQ");
            claims.put("iat", NOW);
            claims.put("exp", NOW + 600);
            claims.put("chk", NOW + 5);
            claims.put("gen", 0);
            claims.put("uah", codec.userAgentBinding(UA));
            claims.put(bad.getKey(), bad.getValue());

            assertThat(codec.read(List.of("__Host-ew=" + tokens.sign(claims)), UA, NOW).state())
                    .as(bad.toString()).isEqualTo(CookieState.MALFORMED);
        }
    }

    @Test
    void a_carried_block_never_outlives_the_cookie() {
        Session session = codec.newSession(UA, NOW, count -> new byte[count]).blocked(NOW + 999_999, "session", null);

        assertThat(session.blockedUntil()).isEqualTo(session.expiresAt());
    }

    @Test
    void a_good_answer_drops_a_carried_block_and_keeps_the_passes() {
        Session session = new Session("sid", NOW, NOW + 600, NOW, 0, NOW - 5, "uah", 2, NOW + 100, "ip", "1.2.3.4");

        Session good = session.checkedGood(NOW + 5);

        assertThat(good.blockedUntil()).isZero();
        assertThat(good.blockScope()).isNull();
        assertThat(good.challengePasses()).isEqualTo(2);
    }
}
