package io.edgeward.edge.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written codec must give what the JDK gives, on well-formed and malformed input alike, except for an
 * encoded surrogate: the JDK replaces the three bytes with one U+FFFD, Unicode's practice (and Node's) one per byte.
 */
class Utf8Test {

    private final Random random = new Random(20261123);

    @Test
    void encodes_like_the_jdk_including_unpaired_surrogates() {
        for (String text : new String[] {"", "plain ascii", "café", "€ and 日本", "emoji 😀 pair", "\uD800 lone high",
            "lone low \uDC00", "\uDBFF\uDFFF", "reversed \uDC00\uD800"}) {
            assertThat(Utf8.encode(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
            assertThat(Utf8.encodedLength(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
        for (int run = 0; run < 20_000; run++) {
            String text = randomText();
            assertThat(Utf8.encode(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void decodes_like_the_jdk_including_malformed_bytes() {
        byte[][] cases = {{}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF, 'a'},
            {(byte) 0x80, (byte) 0xBF}, {'a', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, 'b'}};
        for (byte[] bytes : cases) {
            assertThat(Utf8.decode(bytes)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        }
        for (int run = 0; run < 50_000; run++) {
            byte[] bytes = randomBytes();
            if (!hasEncodedSurrogate(bytes)) {
                assertThat(Utf8.decode(bytes)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void replaces_an_encoded_surrogate_byte_by_byte_as_unicode_advises() {
        assertThat(Utf8.decode(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'}))
                .isEqualTo("a\uFFFD\uFFFD\uFFFDb");
    }

    @Test
    void decodes_a_slice() {
        byte[] bytes = "xxcafé!".getBytes(StandardCharsets.UTF_8);

        assertThat(Utf8.decode(bytes, 2, bytes.length - 3)).isEqualTo("café");
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> text.append((char) random.nextInt(0x80));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> text.append((char) random.nextInt(0x10000));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                default -> text.append((char) (0xD800 + random.nextInt(0x800)));
            }
        }
        return text.toString();
    }

    private static boolean hasEncodedSurrogate(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == (byte) 0xED && (bytes[i + 1] & 0xFF) >= 0xA0 && (bytes[i + 1] & 0xFF) <= 0xBF) {
                return true;
            }
        }
        return false;
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[random.nextInt(10)];
        for (int i = 0; i < bytes.length; i++) {
            // Weighted towards the lead and continuation bytes where the edge cases are.
            bytes[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
        }
        return bytes;
    }
}
