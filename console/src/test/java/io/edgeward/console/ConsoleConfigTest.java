package io.edgeward.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.env.EnvValues;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleConfigTest {

    private static final String TOKEN = "a-long-enough-admin-token";

    @Test
    void defaults_follow_the_contract() {
        ConsoleConfig config = ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN,
                "EDGEWARD_CONSOLE_APP_ID", "console-a"));
        assertThat(config.port()).isEqualTo(8084);
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.protectorUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(config.sessionTtl()).isEqualTo(Duration.ofHours(8));
        assertThat(config.idleTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.applicationId()).isEqualTo("console-a");
        assertThat(config.challengesTopic()).isEqualTo("edgeward.challenges");
        assertThat(config.policyFile()).isNull();
    }

    @Test
    void the_application_id_defaults_to_one_per_host() {
        ConsoleConfig config = ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN));
        assertThat(config.applicationId()).startsWith("edgeward-console-").hasSizeGreaterThan("edgeward-console-".length());
    }

    @Test
    void the_token_is_required_long_enough_and_never_echoed() {
        assertThatThrownBy(() -> ConsoleConfig.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EDGEWARD_ADMIN_TOKEN");
        assertThatThrownBy(() -> ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", "short-secret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short-secret");
        EnvValues env = ConsoleConfig.ENV.read(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN));
        assertThat(env.effectiveConfiguration()).doesNotContain(TOKEN);
        assertThat(ConsoleConfig.from(env).toString()).doesNotContain(TOKEN);
    }

    @Test
    void unknown_edgeward_variables_and_bad_values_are_refused_with_the_name() {
        assertThatThrownBy(() -> ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN,
                "EDGEWARD_CONSOLE_PROT", "x"))).hasMessageContaining("EDGEWARD_CONSOLE_PROT");
        assertThatThrownBy(() -> ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN,
                "EDGEWARD_CONSOLE_PROTECTOR_URL", "ftp://x"))).hasMessageContaining("EDGEWARD_CONSOLE_PROTECTOR_URL");
        assertThatThrownBy(() -> ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN,
                "EDGEWARD_CONSOLE_IDLE_TTL", "PT0S"))).hasMessageContaining("EDGEWARD_CONSOLE_IDLE_TTL");
    }

    @Test
    void trusted_proxies_are_cidrs_and_a_bad_one_is_refused_with_the_variable_named() {
        assertThat(ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN,
                "EDGEWARD_CONSOLE_TRUSTED_PROXIES", "10.0.0.0/16, 2001:db8::/32")).trustedProxies())
                .extracting(Object::toString).containsExactly("10.0.0.0/16", "2001:db8::/32");
        assertThat(ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN)).trustedProxies()).isEmpty();
        assertThatThrownBy(() -> ConsoleConfig.fromEnvironment(Map.of("EDGEWARD_ADMIN_TOKEN", TOKEN,
                "EDGEWARD_CONSOLE_TRUSTED_PROXIES", "10.0.0.0")))
                .hasMessageContaining("EDGEWARD_CONSOLE_TRUSTED_PROXIES");
    }
}
