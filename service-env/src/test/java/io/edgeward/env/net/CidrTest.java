package io.edgeward.env.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CidrTest {

    static Stream<Arguments> cidrs() {
        return IpVectors.textToCanonical("cidrs").stream().map(c -> Arguments.of(c[0], c[1]));
    }

    static Stream<Arguments> containment() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : IpVectors.root().get("contains")) {
            out.add(Arguments.of(c.get("cidr").textValue(), c.get("address").textValue(),
                    c.get("contains").booleanValue()));
        }
        return out.stream();
    }

    static Stream<Arguments> networks() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : IpVectors.root().get("networks")) {
            out.add(Arguments.of(c.get("address").textValue(), c.get("network").textValue()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("cidrs")
    void every_service_reads_a_network_as_the_shared_vectors_say(String text, String canonical) {
        if (canonical == null) {
            assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(InvalidCidrException.class)
                    .hasMessageContaining("'" + text + "'");
        } else {
            Cidr cidr = Cidr.parse(text);
            assertThat(cidr).hasToString(canonical);
            assertThat(Cidr.parse(canonical)).isEqualTo(cidr);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} contains {1}: {2}")
    @MethodSource("containment")
    void containment_is_as_the_shared_vectors_say(String cidr, String address, boolean contains) {
        IpAddress ip = IpAddress.parse(address).orElseThrow();
        assertThat(Cidr.parse(cidr).contains(ip)).isEqualTo(contains);
        assertThat(Cidr.parse(cidr).contains(ip.bytes())).isEqualTo(contains);
    }

    /** Detection's network of an address (/24, /64) is always a network every service accepts as it is written. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("networks")
    void a_derived_network_reads_back_unchanged(String address, String network) {
        String derived = IpAddress.parse(address).map(a -> a.network(a.isIpv4() ? 24 : 64).toString()).orElse(null);
        assertThat(derived).isEqualTo(network);
        if (network != null) {
            assertThat(Cidr.parse(network)).hasToString(network);
        }
    }

    @Test
    void cidr_clears_host_bits_and_checks_containment() {
        Cidr cidr = Cidr.parse("10.1.2.3/8");
        assertThat(cidr).hasToString("10.0.0.0/8");
        assertThat(cidr.contains(IpAddress.parse("10.200.0.1").orElseThrow())).isTrue();
        assertThat(cidr.contains(IpAddress.parse("11.0.0.1").orElseThrow())).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(IpAddress.parse("2001:db8:ffff::1").orElseThrow())).isTrue();
    }

    @Test
    void bad_cidrs_are_rejected_with_the_value() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0")).hasMessageContaining("<address>/<prefix length>");
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).hasMessageContaining("not an IP literal");
        assertThatThrownBy(() -> Cidr.parse(null)).hasMessageContaining("<address>/<prefix length>");
    }

    @Test
    void a_network_of_an_address_checks_its_prefix_length() {
        IpAddress v4 = IpAddress.parse("198.51.100.7").orElseThrow();
        assertThat(v4.network(32)).hasToString("198.51.100.7/32");
        assertThat(v4.network(0)).hasToString("0.0.0.0/0");
        assertThatThrownBy(() -> v4.network(33)).isInstanceOf(InvalidCidrException.class).hasMessageContaining("0..32");
        assertThatThrownBy(() -> v4.network(-1)).isInstanceOf(InvalidCidrException.class);
        assertThat(IpAddress.parse("2001:db8::1").orElseThrow().network(128)).hasToString("2001:db8::1/128");
    }

    @Test
    void every_prefix_length_contains_exactly_the_addresses_that_share_its_bits() {
        IpAddress base = IpAddress.parse("2001:db8:aaaa:5555:ffff::1").orElseThrow();
        for (int prefix = 0; prefix <= 128; prefix++) {
            Cidr cidr = base.network(prefix);
            assertThat(cidr.contains(base)).as("/%d contains its own address", prefix).isTrue();
            if (prefix > 0) {
                byte[] flipped = base.bytes();
                flipped[(prefix - 1) / 8] ^= (byte) (0x80 >>> ((prefix - 1) % 8));
                assertThat(cidr.contains(flipped)).as("/%d and its last network bit flipped", prefix).isFalse();
            }
            if (prefix < 128) {
                byte[] host = base.bytes();
                host[prefix / 8] ^= (byte) (0x80 >>> (prefix % 8));
                assertThat(cidr.contains(host)).as("/%d and its first host bit flipped", prefix).isTrue();
            }
        }
    }
}
