package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.testing.TestPorts;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private final Masking masking =
            new Masking(List.of("password", "token"), List.of("password", "cvv"), TestPorts.json());

    @Test
    void masks_configured_query_parameters_url_encoded_and_keeps_the_rest() {
        assertThat(masking.maskQuery("q=shoes&password=hunter2&page=2"))
                .isEqualTo("q=shoes&password=%2A%2A%2A&page=2");
    }

    @Test
    void matches_names_case_insensitively_and_after_decoding() {
        assertThat(masking.maskQuery("PassWord=a&pass%77ord=b&to+ken=c&token=d"))
                .isEqualTo("PassWord=%2A%2A%2A&pass%77ord=%2A%2A%2A&to+ken=c&token=%2A%2A%2A");
    }

    @Test
    void masks_every_repetition_and_empty_values() {
        assertThat(masking.maskQuery("token=1&token=&token")).isEqualTo("token=%2A%2A%2A&token=%2A%2A%2A&token");
    }

    @Test
    void leaves_unmatched_queries_identical() {
        String query = "a=1&&b&=x&c=%ZZ";
        assertThat(masking.maskQuery(query)).isSameAs(query);
    }

    @Test
    void masks_the_query_of_a_referer_but_not_its_fragment() {
        assertThat(masking.maskUrl("https://shop.example/reset?token=abc&x=1#token=keep"))
                .isEqualTo("https://shop.example/reset?token=%2A%2A%2A&x=1#token=keep");
        assertThat(masking.maskUrl("https://shop.example/")).isEqualTo("https://shop.example/");
    }

    @Test
    void masks_form_body_fields() {
        assertThat(masking.maskBody("user=ann&password=hunter2&cvv=123", "application/x-www-form-urlencoded"))
                .isEqualTo("user=ann&password=%2A%2A%2A&cvv=%2A%2A%2A");
    }

    @Test
    void masks_json_body_fields_at_any_depth() {
        String masked = masking.maskBody("{\"user\":\"ann\",\"card\":{\"CVV\":123},\"list\":[{\"password\":\"x\"}]}",
                "application/json");

        assertThat(masked).isEqualTo("{\"user\":\"ann\",\"card\":{\"CVV\":\"***\"},\"list\":[{\"password\":\"***\"}]}");
    }

    @Test
    void leaves_out_a_body_it_cannot_mask_with_certainty() {
        assertThat(masking.maskBody("{\"password\":\"hunt", "application/json")).isNull();
        assertThat(masking.maskBody("password hunter2", "text/plain")).isNull();
        assertThat(masking.maskBody("   ", null)).isNull();
    }
}
