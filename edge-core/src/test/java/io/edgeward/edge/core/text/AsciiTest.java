package io.edgeward.edge.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTest {

    @Test
    void only_ascii_letters_are_lowered() {
        assertThat(Ascii.lowerCase("X-Edgeward-Mark")).isEqualTo("x-edgeward-mark");
        assertThat(Ascii.lowerCase("PASSWÖRD İ K")).isEqualTo("passwÖrd İ k");
        assertThat(Ascii.lowerCase("")).isEmpty();
    }

    @Test
    void a_lowercase_name_comes_back_as_the_same_instance() {
        String name = "cloudfront-viewer-country";

        assertThat(Ascii.lowerCase(name)).isSameAs(name);
    }
}
