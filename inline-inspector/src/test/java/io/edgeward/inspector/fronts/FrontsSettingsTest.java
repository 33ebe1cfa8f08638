package io.edgeward.inspector.fronts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontsSettingsTest {

    @Test
    void without_trusted_fronts_the_gate_is_off() {
        assertThat(FrontsSettings.fromEnvironment(Map.of()).enabled()).isFalse();
    }

    @Test
    void named_fronts_come_with_their_header_and_shipped_ranges_and_the_header_can_be_changed() {
        TrustedFronts fronts = FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudfront, cloudflare",
                "EDGEWARD_FRONT_CLOUDFLARE_HEADER", "True-Client-IP", "EDGEWARD_UNTRUSTED_PEERS", "peer"));

        assertThat(fronts.fronts()).extracting(TrustedFront::name).containsExactly("cloudfront", "cloudflare");
        assertThat(fronts.fronts()).extracting(TrustedFront::header)
                .containsExactly("cloudfront-viewer-address", "true-client-ip");
        assertThat(fronts.untrusted()).isEqualTo(TrustedFronts.Untrusted.PEER);
    }

    @Test
    void ranges_can_be_given_inline_or_as_a_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("akamai.txt"), "# test\n23.32.0.0/11\n");
        TrustedFronts fronts = FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "lb,akamai",
                "EDGEWARD_FRONT_LB_HEADER", "True-Client-IP", "EDGEWARD_FRONT_LB_RANGES", "10.0.0.0/8, fd00::/8",
                "EDGEWARD_FRONT_AKAMAI_HEADER", "True-Client-IP", "EDGEWARD_FRONT_AKAMAI_RANGES_FILE", file.toString()));

        assertThat(fronts.fronts().get(0).ranges().contains("fd00::1")).isTrue();
        assertThat(fronts.fronts().get(1).ranges().contains("23.33.0.1")).isTrue();
    }

    @Test
    void bad_settings_are_refused_with_the_variable_and_value() {
        assertThatThrownBy(() -> FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "akamai")))
                .hasMessageContaining("EDGEWARD_FRONT_AKAMAI_HEADER is required");
        assertThatThrownBy(() -> FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "akamai",
                "EDGEWARD_FRONT_AKAMAI_HEADER", "True-Client-IP")))
                .hasMessageContaining("EDGEWARD_FRONT_AKAMAI_RANGES");
        assertThatThrownBy(() -> FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudflare",
                "EDGEWARD_FRONT_CLOUDFLARE_HEADER", "X-Forwarded-For")))
                .hasMessageContaining("x-forwarded-for cannot name the visitor");
        assertThatThrownBy(() -> FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudflare",
                "EDGEWARD_FRONT_CLOUDFLARE_RANGES", "10.0.0.0/8", "EDGEWARD_FRONT_CLOUDFLARE_RANGES_FILE", "/x")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudflare",
                "EDGEWARD_FRONT_CLOUDFLARE_RANGES", "10.0.0.300/8")))
                .hasMessageContaining("EDGEWARD_FRONT_CLOUDFLARE_RANGES").hasMessageContaining("10.0.0.300/8");
        assertThatThrownBy(() -> FrontsSettings.fromEnvironment(Map.of("EDGEWARD_TRUSTED_FRONTS", "cloudflare",
                "EDGEWARD_UNTRUSTED_PEERS", "allow")))
                .hasMessageContaining("EDGEWARD_UNTRUSTED_PEERS must be refuse or peer, was allow");
        assertThatThrownBy(() -> FrontsSettings.fromEnvironment(Map.of("EDGEWARD_UNTRUSTED_PEERS", "peer")))
                .hasMessageContaining("need EDGEWARD_TRUSTED_FRONTS");
    }
}
