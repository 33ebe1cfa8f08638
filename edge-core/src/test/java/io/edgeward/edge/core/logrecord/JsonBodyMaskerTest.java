package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonBodyMaskerTest {

    private final FieldNames names = FieldNames.defaults();

    @Test
    void a_body_with_nothing_to_mask_is_returned_as_the_same_instance() {
        String body = "{\"q\":\"shoes\",\"page\":2,\"tags\":[\"a\",null,true,-1.5e3],\"o\":{}}";

        assertThat(JsonBodyMasker.mask(body, names)).isSameAs(body);
    }

    @Test
    void a_sensitive_member_holding_an_array_or_object_is_masked_whole() {
        assertThat(JsonBodyMasker.mask("{\"count\":1,\"tokens\":[\"a\",\"b\"],\"secret\":{\"k\":\"v\"}}", names))
                .isEqualTo("{\"count\":1,\"tokens\":\"***\",\"secret\":\"***\"}");
        assertThat(JsonBodyMasker.mask("{\"token\":[\"a\",\"b\"],\"pin\":false}", names))
                .isEqualTo("{\"token\":\"***\",\"pin\":\"***\"}");
    }

    @Test
    void nesting_deeper_than_the_bound_is_refused_rather_than_overflowing_the_stack() {
        String deep = "[".repeat(JsonBodyMasker.MAX_DEPTH + 2) + "]".repeat(JsonBodyMasker.MAX_DEPTH + 2);
        String bomb = "[".repeat(100_000);

        assertThat(JsonBodyMasker.mask(deep, names)).isNull();
        assertThat(JsonBodyMasker.mask(bomb, names)).isNull();
        assertThat(JsonBodyMasker.mask("[".repeat(10) + "]".repeat(10), names)).isNotNull();
    }

    @Test
    void malformed_json_is_refused() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1 2]", "{\"a\":tru}",
            "\"\\u12\"", "\"\\x\"", "{} {}", "{'a':1}", "{\"a\":1}x", "-", "nul"}) {
            assertThat(JsonBodyMasker.mask(bad, names)).as(bad).isNull();
        }
    }

    @Test
    void random_input_never_throws() {
        Random random = new Random(7);
        String alphabet = "{}[]\":,\\u0123456789abcdefnrtl -+.eE password";
        assertThatCode(() -> {
            for (int n = 0; n < 20_000; n++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(40);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String masked = JsonBodyMasker.mask(text.toString(), names);
                if (masked != null && text.indexOf("password") >= 0 && masked.indexOf("\"password\":") >= 0) {
                    assertThat(masked).doesNotContainPattern("\"password\":\\s*\"[^*]");
                }
            }
        }).doesNotThrowAnyException();
    }
}
