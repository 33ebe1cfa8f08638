package io.edgeward.edge.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnPathTest {

    @Test
    void a_path_on_this_site_is_kept() {
        assertThat(ReturnPath.safe("/products/7?q=shoes%20red")).isEqualTo("/products/7?q=shoes%20red");
        assertThat(ReturnPath.safe("/")).isEqualTo("/");
    }

    @Test
    void anything_that_could_leave_the_site_becomes_the_root() {
        for (String hostile : new String[] {"//evil.example/", "/\\evil.example", "https://evil.example/",
                "evil.example", "/ok\r\nSet-Cookie: x=1", "/a b", "/\u00e9", "", null, "/" + "a".repeat(3000)}) {
            assertThat(ReturnPath.safe(hostile)).as(String.valueOf(hostile)).isEqualTo("/");
        }
    }

    @Test
    void the_attackers_spellings_of_another_origin_all_become_the_root() {
        for (String hostile : new String[] {"//evil.com", "/\\evil.com", "\\\\evil.com", "%2F%2Fevil.com",
                "/%2F%2Fevil.com", "/%2f%2fevil.com", "/%5Cevil.com", "/%5c%5cevil.com", "https://evil.com",
                "HTTPS://evil.com", "//evil.com@shop.example", "javascript:alert(1)", "JavaScript:alert(1)",
                "data:text/html,x", "/\tevil", "/\r\nLocation: https://evil.com", "/ok\nSet-Cookie: a=1",
                "/ok\rx", "/\u0000", "\u2215\u2215evil.com", "/\uff0fevil.com"}) {
            assertThat(ReturnPath.safe(hostile)).as(hostile).isEqualTo("/");
        }
    }

    @Test
    void encoded_characters_deeper_in_a_real_path_are_kept_for_real_visitors() {
        assertThat(ReturnPath.safe("/search?q=a%2Fb")).isEqualTo("/search?q=a%2Fb");
        assertThat(ReturnPath.safe("/files/a%2Fb")).isEqualTo("/files/a%2Fb");
        assertThat(ReturnPath.safe("/%41bout")).isEqualTo("/%41bout");
        assertThat(ReturnPath.safe("/%2")).isEqualTo("/%2");
    }

    @Test
    void the_longest_allowed_path_is_kept_and_one_more_character_is_not() {
        String longest = "/" + "a".repeat(ReturnPath.MAX_LENGTH - 1);
        assertThat(ReturnPath.safe(longest)).isEqualTo(longest);
        assertThat(ReturnPath.safe(longest + "a")).isEqualTo("/");
    }
}
