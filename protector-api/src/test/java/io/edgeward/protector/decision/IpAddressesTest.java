package io.edgeward.protector.decision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IpAddressesTest {

    @Test
    void ipv6_is_written_in_rfc5952_form() {
        assertThat(IpAddresses.canonical("2001:0DB8:0:0:0:0:0:1")).contains("2001:db8::1");
        assertThat(IpAddresses.canonical("2001:db8:0:1:0:0:0:0")).contains("2001:db8:0:1::");
        assertThat(IpAddresses.canonical("2001:db8:0:1:1:1:1:1")).contains("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddresses.canonical("::")).contains("::");
    }

    @Test
    void ipv4_mapped_ipv6_becomes_ipv4() {
        assertThat(IpAddresses.canonical("::ffff:198.51.100.7")).contains("198.51.100.7");
    }

    @Test
    void host_names_and_odd_ipv4_spellings_are_not_addresses() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("example.com")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3")).isEmpty();
        assertThat(IpAddresses.parse("010.1.1.1")).isEmpty();
        assertThat(IpAddresses.parse("256.1.1.1")).isEmpty();
        assertThat(IpAddresses.parse("fe80::1%eth0")).isEmpty();
        assertThat(IpAddresses.parse("2001:db8::zz")).isEmpty();
    }

    @Test
    void cidr_clears_host_bits_and_checks_containment() {
        Cidr cidr = Cidr.parse("10.1.2.3/8");
        assertThat(cidr).hasToString("10.0.0.0/8");
        assertThat(cidr.contains(IpAddresses.parse("10.200.0.1").orElseThrow())).isTrue();
        assertThat(cidr.contains(IpAddresses.parse("11.0.0.1").orElseThrow())).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(IpAddresses.parse("2001:db8:ffff::1").orElseThrow())).isTrue();
    }

    @Test
    void bad_cidrs_are_rejected_with_the_value() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0")).hasMessageContaining("<address>/<prefix length>");
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).hasMessageContaining("not an IP literal");
    }
}
