package io.edgeward.edge.core.logrecord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "378282246310005",
        "3782 822463 10005", "6011111111111117", "5500000000000004", "4222222222222",
        "pay with 4242 4242 4242 4242 please", "order 12345 4111 1111 1111 1111", "x4111111111111111y",
        "4000056655665556", "6250941006528599"})
    void luhn_valid_13_to_19_digits_with_optional_spaces_or_dashes_are_cards(String value) {
        assertThat(CardNumbers.contains(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "411111111111", "41111111111111111111", "4111  1111 1111 1111",
        "4111.1111.1111.1111", "+1 555-123-4567", "2026-12-06", "1733526000001", "", "no digits here",
        "12345678901234567"})
    void other_numbers_are_not_cards(String value) {
        assertThat(CardNumbers.contains(value)).isFalse();
    }
}
