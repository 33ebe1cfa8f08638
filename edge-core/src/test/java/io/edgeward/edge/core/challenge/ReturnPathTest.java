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
}
