package io.edgeward.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerAddressTest {

    @Test
    void ipv4_address_is_taken_without_the_port() {
        assertThat(ViewerAddress.clientIp("198.51.100.7:443")).isEqualTo("198.51.100.7");
    }

    @Test
    void ipv6_address_keeps_its_colons_and_loses_the_port() {
        assertThat(ViewerAddress.clientIp("2001:db8::7:51234")).isEqualTo("2001:db8::7");
    }

    @Test
    void values_that_are_not_address_and_port_are_ignored() {
        assertThat(ViewerAddress.clientIp(null)).isNull();
        assertThat(ViewerAddress.clientIp("198.51.100.7")).isNull();
        assertThat(ViewerAddress.clientIp("evil<script>:80")).isNull();
        assertThat(ViewerAddress.clientIp(":443")).isNull();
    }
}
