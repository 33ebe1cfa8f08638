package io.edgeward.protector.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.protector.challenge.ChallengeOffer;
import io.edgeward.protector.decision.Action;
import io.edgeward.protector.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The streaming codec of {@code /v1/check} against the databind reader it replaced: every body databind read,
 * the codec reads to the same request, and the answers keep their exact wire form.
 */
class CheckCodecTest {

    private final ObjectMapper mapper = Json.mapper();
    private final CheckCodec codec = new CheckCodec(mapper.getFactory());

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"clientIp\":\"203.0.113.9\",\"userAgent\":\"Mozilla/5.0\",\"sessionId\":\"s1\",\"cookieState\":\"stale\","
                    + "\"challengePassed\":false,\"host\":\"shop.example\",\"method\":\"GET\",\"path\":\"/p/1\",\"query\":\"q=1\","
                    + "\"country\":\"DE\",\"ja3\":null,\"ja4\":\"t13d1516h2_8daaf6152771_02713d6af862\",\"asn\":null,"
                    + "\"headers\":{\"accept\":\"text/html\",\"accept-language\":\"de\"}}",
            "{\"clientIp\":\"2001:db8::1\",\"asn\":64500,\"sessionIssuedAt\":1764000000,\"sessionGeneration\":3,"
                    + "\"challengePassedAt\":1764000100,\"challengePasses\":2,\"headerNames\":\"accept,host\","
                    + "\"rawPath\":\"/a//b\",\"scopes\":[\"shop\",\"api\"]}",
            "{\"clientIp\":\"198.51.100.1\",\"asn\":\"64501\",\"challengePassed\":\"true\",\"sessionIssuedAt\":\"17\","
                    + "\"sessionGeneration\":2.9,\"challengePasses\":null,\"headers\":{\"x\":null,\"n\":5,\"b\":true}}",
            "{\"clientIp\":\"198.51.100.2\",\"future\":{\"nested\":[1,{\"a\":[]}]},\"alsoNew\":[{}],\"clientIp\":\"198.51.100.3\"}",
            "{\"clientIp\":\"198.51.100.4\",\"challengePassed\":1,\"scopes\":[],\"headers\":{}} trailing",
            "{}",
            "null",
    })
    void reads_every_body_as_the_databind_reader_did(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        CheckRequest expected = mapper.readerFor(CheckRequest.class).readValue(bytes);
        assertThat(codec.read(bytes, bytes.length)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{\"clientIp\":",
            "{\"clientIp\":{\"a\":1}}",
            "{\"clientIp\":\"192.0.2.1\",\"headers\":[\"a\"]}",
            "{\"clientIp\":\"192.0.2.1\",\"scopes\":\"shop\"}",
            "{\"clientIp\":\"192.0.2.1\",\"challengePasses\":\"many\"}",
            "{\"clientIp\":\"192.0.2.1\",\"challengePasses\":4294967296}",
            "{\"clientIp\":\"192.0.2.1\",\"challengePassed\":\"yes\"}",
            "[{\"clientIp\":\"192.0.2.1\"}]",
    })
    void refuses_what_databind_refused_without_naming_a_class(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> mapper.readerFor(CheckRequest.class).readValue(bytes)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> codec.read(bytes, bytes.length)).isInstanceOf(IOException.class)
                .message().doesNotContain("io.edgeward", "java.lang");
    }

    @Test
    void reads_only_the_given_length_of_a_reused_buffer() throws IOException {
        byte[] buffer = "{\"clientIp\":\"192.0.2.7\"}{\"clientIp\":\"10.0.0.1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(codec.read(buffer, 24).clientIp()).isEqualTo("192.0.2.7");
    }

    @Test
    void writes_an_allow_with_its_nulls_and_without_the_optional_fields() throws IOException {
        CheckResult allow = new CheckResult(Action.ALLOW, 300, null, null, CheckResult.Basis.DEFAULT);
        assertThat(written(allow, null)).isEqualTo("{\"action\":\"allow\",\"ttl\":300,\"reason\":null,\"decisionId\":null}");
    }

    @Test
    void writes_a_challenge_with_its_offer_and_a_block_with_its_scope_and_end() throws IOException {
        CheckResult challenge = new CheckResult(Action.CHALLENGE, 0, "decision:ip", "d-1", CheckResult.Basis.DECISION);
        assertThat(written(challenge, new ChallengeOffer("t.o.k", "pow", 14, null))).isEqualTo(
                "{\"action\":\"challenge\",\"ttl\":0,\"reason\":\"decision:ip\",\"decisionId\":\"d-1\","
                        + "\"challenge\":{\"token\":\"t.o.k\",\"provider\":\"pow\",\"difficulty\":14,\"siteKey\":null}}");
        CheckResult block = new CheckResult(Action.BLOCK, 60, "say \"no\"", "d-2", CheckResult.Basis.DECISION,
                "ip", 1764000000L);
        assertThat(written(block, null)).isEqualTo("{\"action\":\"block\",\"ttl\":60,\"reason\":\"say \\\"no\\\"\","
                + "\"decisionId\":\"d-2\",\"blockScope\":\"ip\",\"blockUntil\":1764000000}");
    }

    private String written(CheckResult result, ChallengeOffer offer) throws IOException {
        return new String(codec.write(result, offer, false, new ByteArrayBuilder()), StandardCharsets.UTF_8);
    }
}
