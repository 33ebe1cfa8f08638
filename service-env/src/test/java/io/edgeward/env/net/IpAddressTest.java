package io.edgeward.env.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.ipv6.IPv6Address;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IpAddressTest {

    static Stream<Arguments> addresses() {
        return IpVectors.textToCanonical("addresses").stream().map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("addresses")
    void every_service_reads_an_address_as_the_shared_vectors_say(String text, String canonical) {
        assertThat(IpAddress.canonical(text)).isEqualTo(java.util.Optional.ofNullable(canonical));
        assertThat(IpAddress.isValid(text)).isEqualTo(canonical != null);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("addresses")
    void the_canonical_text_reads_back_as_itself(String text, String canonical) {
        if (canonical != null) {
            assertThat(IpAddress.canonical(canonical)).contains(canonical);
        }
    }

    @Test
    void ipv6_is_written_in_rfc5952_form() {
        assertThat(IpAddress.canonical("2001:0DB8:0:0:0:0:0:1")).contains("2001:db8::1");
        assertThat(IpAddress.canonical("2001:db8:0:1:0:0:0:0")).contains("2001:db8:0:1::");
        assertThat(IpAddress.canonical("2001:db8:0:1:1:1:1:1")).contains("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddress.canonical("::")).contains("::");
    }

    @Test
    void ipv4_mapped_ipv6_is_the_ipv4_address_with_one_key() {
        IpAddress mapped = IpAddress.parse("::ffff:198.51.100.7").orElseThrow();
        assertThat(mapped).hasToString("198.51.100.7").isEqualTo(IpAddress.parse("198.51.100.7").orElseThrow());
        assertThat(mapped.isIpv4()).isTrue();
        assertThat(mapped.bytes()).hasSize(4);
    }

    @Test
    void host_names_and_odd_ipv4_spellings_are_not_addresses() {
        for (String text : List.of("localhost", "example.com", "1.2.3", "010.1.1.1", "256.1.1.1", "fe80::1%eth0",
                "2001:db8::zz")) {
            assertThat(IpAddress.parse(text)).as(text).isEmpty();
        }
        assertThat(IpAddress.parse(null)).isEmpty();
    }

    @Test
    void bytes_give_the_same_address_as_its_text() {
        IpAddress v6 = IpAddress.parse("2001:db8::1").orElseThrow();
        assertThat(IpAddress.ofBytes(v6.bytes())).isEqualTo(v6).hasToString("2001:db8::1");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 1;
        mapped[15] = 4;
        assertThat(IpAddress.ofBytes(mapped)).hasToString("1.0.0.4");
        assertThatThrownBy(() -> IpAddress.ofBytes(new byte[5])).hasMessageContaining("5");
    }

    @Test
    void bytes_handed_out_are_a_copy() {
        IpAddress address = IpAddress.parse("198.51.100.7").orElseThrow();
        address.bytes()[0] = 1;
        assertThat(address).hasToString("198.51.100.7");
    }

    /** Dotted quads are read by our own loop (cheaper per request); it must agree with the library's strict reading. */
    @Test
    void our_dotted_quad_reading_agrees_with_the_library_on_random_text() {
        Random random = new Random(4291);
        String alphabet = "0123456789.....a";
        int accepted = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(16);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            byte[] ours = IpAddress.parseRaw(t);
            assertThat(ours).as(t).isEqualTo(IpAddress.parseWithLibrary(t));
            accepted += ours == null ? 0 : 1;
        }
        assertThat(accepted).as("random texts that were addresses").isGreaterThan(100);
    }

    /** The RFC 5952 writer is ours (no object graph per check); it must agree with the library's on any address. */
    @Test
    void our_rfc5952_text_agrees_with_the_library_on_random_addresses() {
        Random random = new Random(5952);
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[16];
            for (int g = 0; g < 8; g++) {
                int kind = random.nextInt(3); // zero groups often, so runs of every length occur
                int value = kind == 0 ? 0 : kind == 1 ? random.nextInt(16) : random.nextInt(65536);
                b[2 * g] = (byte) (value >>> 8);
                b[2 * g + 1] = (byte) value;
            }
            IPv6Address library = new IPv6Address(b);
            if (library.isIPv4Mapped()) {
                continue;
            }
            assertThat(IpAddress.ofBytes(b).toString()).isEqualTo(library.toCanonicalString());
        }
    }
}
