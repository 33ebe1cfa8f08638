package io.edgeward.edge.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderNamesTest {

    @Test
    void names_are_lowercase_in_received_order_without_cookie_cloudfront_and_edgeward_headers() {
        CfHeaders headers = CfHeaders.empty().with("Host", "a").with("User-Agent", "b").with("Cookie", "c")
                .with("CloudFront-Viewer-Country", "DE").with("X-Edgeward-Mark", "1|x").with("Accept", "*/*");

        assertThat(HeaderNames.of(headers)).isEqualTo("host,user-agent,accept");
    }

    @Test
    void a_flood_of_header_names_is_cut_at_a_comma_within_512_characters() {
        CfHeaders headers = CfHeaders.empty();
        for (int i = 0; i < 100; i++) {
            headers = headers.with("X-Padding-Header-" + i, "v");
        }

        String names = HeaderNames.of(headers);

        assertThat(names.length()).isLessThanOrEqualTo(512);
        assertThat(names).endsWith("x-padding-header-" + (names.split(",").length - 1));
    }
}
