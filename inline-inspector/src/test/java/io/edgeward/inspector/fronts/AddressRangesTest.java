package io.edgeward.inspector.fronts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangesTest {

    private final AddressRanges ranges = AddressRanges.of(List.of("198.51.100.0/24", "2606:4700::/32", "192.0.2.7"));

    @Test
    void addresses_inside_a_block_are_contained_and_neighbours_are_not() {
        assertThat(ranges.contains("198.51.100.255")).isTrue();
        assertThat(ranges.contains("198.51.101.0")).isFalse();
        assertThat(ranges.contains("2606:4700:10::6816:1")).isTrue();
        assertThat(ranges.contains("2606:4701::1")).isFalse();
        assertThat(ranges.contains("192.0.2.7")).isTrue();
        assertThat(ranges.contains("192.0.2.8")).isFalse();
    }

    @Test
    void an_ipv4_mapped_ipv6_peer_is_the_ipv4_address_it_carries() {
        assertThat(ranges.contains("::ffff:198.51.100.7")).isTrue();
        assertThat(AddressRanges.canonical("::ffff:198.51.100.7")).hasValue("198.51.100.7");
    }

    @Test
    void ambiguous_or_widened_spellings_of_an_address_are_not_addresses() {
        // inet_aton shorthand, octal-looking leading zeros, prefixes, wildcards, ranges, zones, lists, empty
        for (String value : List.of("198.51.100", "0xc6.51.100.7", "198.051.100.7", "198.51.100.7/24",
                "198.51.100.*", "198.51.100.1-9", "fe80::1%eth0", "198.51.100.7, 192.0.2.1", "", "  ",
                "not-an-ip", "*")) {
            assertThat(AddressRanges.canonical(value)).as(value).isEmpty();
            assertThat(ranges.contains(value)).as(value).isFalse();
        }
    }

    @Test
    void ipv6_addresses_come_out_in_one_canonical_form() {
        assertThat(AddressRanges.canonical("2001:DB8:0:0:0:0:0:7")).hasValue("2001:db8::7");
    }

    @Test
    void a_block_with_host_bits_is_refused_rather_than_widened() {
        assertThatThrownBy(() -> AddressRanges.of(List.of("10.0.0.1/8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.1/8");
        assertThatThrownBy(() -> AddressRanges.of(List.of("cloudflare")))
                .hasMessageContaining("not a CIDR block: cloudflare");
    }
}
