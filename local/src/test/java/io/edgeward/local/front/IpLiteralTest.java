package io.edgeward.local.front;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.7", "0.0.0.0", "2001:db8::1", "::1", "::ffff:192.0.2.1"})
    void addresses_are_accepted(String text) {
        assertThat(IpLiteral.isValid(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-ip", "999.999.1.1", "1.2.3", "1.2.3.4.5", "localhost", "example.com",
            "1.2.3.04444", "2001:db8::zz", "::::::::::::::::::::::::::::::::::::::::::::::::1"})
    void anything_else_is_refused(String text) {
        assertThat(IpLiteral.isValid(text)).isFalse();
    }
}
