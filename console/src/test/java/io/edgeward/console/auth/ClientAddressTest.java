package io.edgeward.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.env.net.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindBalancer = new ClientAddress(List.of(Cidr.parse("10.0.0.0/16")));

    @Test
    void without_trusted_proxies_a_client_cannot_name_itself_in_x_forwarded_for() {
        assertThat(new ClientAddress(List.of()).of("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void a_connection_from_outside_the_trusted_ranges_is_the_client_whatever_it_forwards() {
        assertThat(behindBalancer.of("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void from_the_balancer_the_client_is_the_hop_it_appended() {
        assertThat(behindBalancer.of("10.0.1.5", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void hops_a_client_wrote_itself_stand_left_of_the_balancers_and_are_not_taken() {
        assertThat(behindBalancer.of("10.0.1.5", "192.0.2.66, 192.0.2.67, 198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void trusted_hops_are_passed_over_from_the_right() {
        assertThat(behindBalancer.of("10.0.1.5", "198.51.100.1, 10.0.2.7")).isEqualTo("198.51.100.1");
    }

    @Test
    void a_hop_that_is_not_an_address_or_no_header_leaves_the_connection() {
        assertThat(behindBalancer.of("10.0.1.5", "198.51.100.1, not-an-address")).isEqualTo("10.0.1.5");
        assertThat(behindBalancer.of("10.0.1.5", null)).isEqualTo("10.0.1.5");
        assertThat(behindBalancer.of("10.0.1.5", "10.0.3.3")).isEqualTo("10.0.1.5");
    }
}
