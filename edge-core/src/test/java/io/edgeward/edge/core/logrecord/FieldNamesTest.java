package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldNamesTest {

    private final FieldNames names = FieldNames.defaults();

    static List<String> defaults() {
        return FieldNames.DEFAULTS;
    }

    @ParameterizedTest
    @MethodSource("defaults")
    void every_default_is_matched_alone_upper_case_bracketed_and_dotted(String name) {
        assertThat(names.isSensitive(name)).isTrue();
        assertThat(names.isSensitive(name.toUpperCase())).isTrue();
        assertThat(names.isSensitive("user[" + name + "]")).isTrue();
        assertThat(names.isSensitive("data[" + name + "][value]")).isTrue();
        assertThat(names.isSensitive("form.login." + name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user[password]", "payment[card][number]", "user.password", "user_password",
        "new-password", "newPassword", "NEW_PASSWORD", "password_confirmation", "passwordConfirm", "PassWord",
        "Passwd", "cvv2", "CVC", "cc_exp", "ccNum", "creditCardNumber", "X-Amz-Signature", "XAmzCredential",
        "x-amz-security-token", "APIKey", "apiKey", "x-api-key", "accessToken", "authenticity_token",
        "reset_password_token", "oauth_verifier_code", "contraseña", "Passwort", "mot_de_passe", "sessionId",
        "PHPSESSID", "items[0][card_number]", "otpCode", "pin_code", "IBAN", "ssn"})
    void names_as_forms_and_apis_write_them_are_matched(String name) {
        assertThat(names.isSensitive(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"passenger", "bypass", "compass", "signal", "spin", "spinner", "monkey", "author",
        "cardigan", "username", "email", "q", "page", "sort", "state", "redirect_uri", "utm_source", "product_id",
        "X-Amz-SignedHeaders", "X-Amz-Date", "expires_in", "sku", "qty", ""})
    void words_that_merely_contain_a_pattern_are_not_matched(String name) {
        assertThat(names.isSensitive(name)).isFalse();
    }

    @Test
    void operator_patterns_of_several_words_match_adjacent_words_in_order() {
        FieldNames extra = FieldNames.of(List.of("tax-id", "dob"), List.of());

        assertThat(extra.isSensitive("customer[taxId]")).isTrue();
        assertThat(extra.isSensitive("TAX_ID")).isTrue();
        assertThat(extra.isSensitive("id_tax")).isFalse();
        assertThat(extra.isSensitive("profile.dob")).isTrue();
    }

    @Test
    void an_unmasked_default_no_longer_matches_but_the_others_do() {
        FieldNames withoutCode = FieldNames.of(List.of(), List.of("code"));

        assertThat(withoutCode.isSensitive("zip_code")).isFalse();
        assertThat(withoutCode.isSensitive("password")).isTrue();
    }

    @Test
    void words_are_cut_at_separators_digits_and_camel_case() {
        assertThat(FieldNames.words("payment[card][cvv2]", false)).containsExactly("payment", "card", "cvv", "2");
        assertThat(FieldNames.words("XAmzSignature", true)).containsExactly("x", "amz", "signature");
        assertThat(FieldNames.words("APIKey", true)).containsExactly("api", "key");
        assertThat(FieldNames.words("APIKey", false)).containsExactly("apikey");
    }
}
