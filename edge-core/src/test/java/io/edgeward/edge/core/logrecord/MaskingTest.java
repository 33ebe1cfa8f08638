package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.edge.core.config.ShipperConfig;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskingTest {

    private final Masking masking = Masking.of(List.of(), List.of());

    @Test
    void masks_every_repetition_and_empty_values() {
        assertThat(masking.maskQuery("token=1&token=&token")).isEqualTo("token=%2A%2A%2A&token=%2A%2A%2A&%2A%2A%2A");
    }

    @Test
    void leaves_unmatched_queries_identical() {
        String query = "a=1&&b&=x&c=%ZZ&q=shoes;page=2&";
        assertThat(masking.maskQuery(query)).isSameAs(query);
        String url = "https://shop.example/search?q=shoes";
        assertThat(masking.maskUrl(url)).isSameAs(url);
    }

    @Test
    void masks_the_query_of_a_referer_but_not_its_fragment() {
        assertThat(masking.maskUrl("https://shop.example/reset?token=abc&x=1#token=keep"))
                .isEqualTo("https://shop.example/reset?token=%2A%2A%2A&x=1#token=keep");
        assertThat(masking.maskUrl("https://shop.example/")).isEqualTo("https://shop.example/");
        assertThat(masking.maskUrl(null)).isNull();
        assertThat(masking.maskQuery(null)).isNull();
    }

    @Test
    void names_added_by_the_operator_are_masked_besides_the_defaults_in_queries_and_bodies() {
        Masking withExtra = Masking.from(new ShipperConfig.Logging(List.of(), List.of("voucher"), List.of("dob")));

        assertThat(withExtra.maskQuery("voucher=SAVE10&dob=1990-01-01&password=x"))
                .isEqualTo("voucher=%2A%2A%2A&dob=%2A%2A%2A&password=%2A%2A%2A");
        assertThat(withExtra.maskBody("{\"profile\":{\"dob\":\"1990-01-01\"},\"voucher\":\"SAVE10\"}",
                "application/json")).isEqualTo("{\"profile\":{\"dob\":\"***\"},\"voucher\":\"***\"}");
    }

    @Test
    void an_older_config_listing_only_password_keeps_every_default() {
        Masking legacy = Masking.from(new ShipperConfig.Logging(List.of(), List.of("password"), List.of("password")));

        assertThat(legacy.maskBody("pwd=a&card_number=b&cvv=c", "application/x-www-form-urlencoded"))
                .isEqualTo("pwd=%2A%2A%2A&card_number=%2A%2A%2A&cvv=%2A%2A%2A");
    }

    @Test
    void a_default_is_dropped_only_when_unmasked_explicitly() {
        Masking unmasked = Masking.from(
                new ShipperConfig.Logging(List.of(), List.of(), List.of(), List.of("code")));

        assertThat(unmasked.maskQuery("code=FR&promo_code=X&password=y"))
                .isEqualTo("code=FR&promo_code=X&password=%2A%2A%2A");
    }

    @Test
    void unmasking_a_name_that_is_not_a_default_is_refused() {
        assertThatThrownBy(() -> Masking.of(List.of(), List.of("username")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
    }

    @Test
    void card_numbers_are_masked_even_when_their_field_is_unmasked_by_name() {
        Masking unmasked = Masking.of(List.of(), List.of("card", "cc"));

        assertThat(unmasked.maskQuery("cc=4111111111111111")).isEqualTo("cc=%2A%2A%2A");
    }

    @Test
    void an_empty_body_gives_no_body_field() {
        assertThat(masking.maskBody("   ", null)).isNull();
        assertThat(masking.maskBody(null, "application/json")).isNull();
    }

    @Test
    void content_type_parameters_and_case_do_not_hide_a_form_or_json() {
        assertThat(masking.maskBody("password=x", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"))
                .isEqualTo("password=%2A%2A%2A");
        assertThat(masking.maskBody("{\"password\":\"x\"}", "application/vnd.api+json"))
                .isEqualTo("{\"password\":\"***\"}");
    }

    @Test
    void masking_keeps_every_name_so_a_payload_hidden_under_a_sensitive_name_still_shows_its_shape() {
        // An attacker may call a parameter "token" to have its value masked; the names and the number of pairs stay.
        String masked = masking.maskQuery("id=1&token=%27+OR+1%3D1--&debug=true");

        assertThat(masked).isEqualTo("id=1&token=%2A%2A%2A&debug=true");
    }

    @Test
    void arbitrary_viewer_input_never_makes_masking_throw() {
        Random random = new Random(11);
        String alphabet = "=&;%+[]{}\":,.-_ 0123456789aAbBpasswordcardxX\\u\n\u00f1";
        String[] types = {null, "application/json", "application/x-www-form-urlencoded", "text/plain", ";", ""};
        assertThatCode(() -> {
            for (int n = 0; n < 20_000; n++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(60);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                masking.maskQuery(text.toString());
                masking.maskUrl("https://a.example/?" + text);
                masking.maskBody(text.toString(), types[random.nextInt(types.length)], random.nextBoolean());
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void a_json_content_type_on_a_form_looking_body_masks_it_wholesale() {
        assertThat(masking.maskBody("password=hunter2", "application/json")).isEqualTo(Masking.MASK);
    }
}
