package io.edgeward.edge.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written codec must give exactly what {@link java.util.Base64} gives, and refuse what it refuses. */
class Base64CodecTest {

    private static final String ALPHABET_AND_JUNK =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=== .\n";

    private final Random random = new Random(20261123);

    @Test
    void encodes_like_the_jdk() {
        for (int run = 0; run < 5_000; run++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);

            assertThat(Base64Codec.encodeUrl(bytes)).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            assertThat(Base64Codec.encodeBasic(bytes)).isEqualTo(Base64.getEncoder().encodeToString(bytes));
            assertThat(Base64Codec.decodeUrl(Base64Codec.encodeUrl(bytes))).isEqualTo(bytes);
            assertThat(Base64Codec.decodeBasic(Base64Codec.encodeBasic(bytes))).isEqualTo(bytes);
        }
    }

    @Test
    void decodes_and_refuses_exactly_what_the_jdk_does() {
        for (int run = 0; run < 100_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(10);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET_AND_JUNK.charAt(random.nextInt(ALPHABET_AND_JUNK.length())));
            }
            assertSameAsJdk(text.toString(), true);
            assertSameAsJdk(text.toString(), false);
        }
    }

    @Test
    void names_no_input_in_its_error() {
        assertThatThrownBy(() -> Base64Codec.decodeUrl("secret*"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("secret");
    }

    private static void assertSameAsJdk(String text, boolean url) {
        byte[] expected;
        try {
            expected = (url ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException refused) {
            assertThatThrownBy(() -> decode(text, url)).as("[%s] url=%s", text, url)
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertThat(decode(text, url)).as("[%s] url=%s", text, url).isEqualTo(expected);
    }

    private static byte[] decode(String text, boolean url) {
        return url ? Base64Codec.decodeUrl(text) : Base64Codec.decodeBasic(text);
    }
}
