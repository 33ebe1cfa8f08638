package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.cdk.config.ConsoleSettings;
import io.edgeward.cdk.config.DeploySettings;
import io.edgeward.cdk.config.DeploySettingsReader;
import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.ServiceSize;
import io.edgeward.cdk.config.ServicesSettings;
import io.edgeward.cdk.config.SettingsException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's settings: on and internal unless told otherwise, and never a public console without HTTPS. */
class ConsoleSettingsTest {

    private static final String CERTIFICATE = TestDeployments.ALB_CERTIFICATE;

    @TempDir
    Path dir;

    @Test
    void a_deploy_file_without_a_console_section_deploys_one_internal_task() {
        Path file = TestDeployments.write(dir.resolve("d.json"), """
                {"region":"eu-west-1","kafka":{"bootstrapServers":"k:9092"},"services":{"allowPlainHttp":true}}""");
        ConsoleSettings console = DeploySettingsReader.read(file).services().console();
        assertThat(console.enabled()).isTrue();
        assertThat(console.internetFacing()).isFalse();
        assertThat(console.allowedCidrs()).isEmpty();
        assertThat(console.size()).isEqualTo(new ServiceSize(1, 512, 1024));
    }

    @Test
    void the_console_can_be_switched_off_in_the_deploy_file() {
        Path file = TestDeployments.write(dir.resolve("d.json"), """
                {"region":"eu-west-1","kafka":{"bootstrapServers":"k:9092"},
                 "services":{"allowPlainHttp":true,"console":{"enabled":false}}}""");
        assertThat(DeploySettingsReader.read(file).services().console().enabled()).isFalse();
    }

    @Test
    void the_deploy_file_takes_allowed_cidrs_a_certificate_and_internet_facing() {
        Path file = TestDeployments.write(dir.resolve("d.json"), """
                {"region":"eu-west-1","kafka":{"bootstrapServers":"k:9092"},
                 "services":{"allowPlainHttp":true,"console":{"allowedCidrs":["198.51.100.0/24"],
                  "certificateArn":"%s","internetFacing":true,"size":{"cpu":1024}}}}""".formatted(CERTIFICATE));
        ConsoleSettings console = DeploySettingsReader.read(file).services().console();
        assertThat(console.allowedCidrs()).containsExactly("198.51.100.0/24");
        assertThat(console.certificateArn()).isEqualTo(CERTIFICATE);
        assertThat(console.internetFacing()).isTrue();
        assertThat(console.size()).isEqualTo(new ServiceSize(1, 1024, 1024));
    }

    @Test
    void an_internet_facing_console_without_a_certificate_is_refused() {
        assertThatThrownBy(() -> new ConsoleSettings(null, null, List.of("198.51.100.0/24"), null, true))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("services.console.internetFacing needs services.console.certificateArn");
    }

    @Test
    void an_internet_facing_console_without_source_addresses_is_refused() {
        assertThatThrownBy(() -> new ConsoleSettings(null, null, null, CERTIFICATE, true))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("services.console.internetFacing needs services.console.allowedCidrs");
    }

    @Test
    void the_whole_internet_is_no_allowed_range() {
        for (String everyone : List.of("0.0.0.0/0", "::/0")) {
            assertThatThrownBy(() -> new ConsoleSettings(null, null, List.of(everyone), CERTIFICATE, true))
                    .as(everyone)
                    .isInstanceOf(SettingsException.class)
                    .hasMessage("services.console.allowedCidrs must not open the console to every address, was "
                            + everyone);
        }
    }

    @Test
    void an_allowed_range_that_is_not_a_cidr_is_refused() {
        assertThatThrownBy(() -> new ConsoleSettings(null, null, List.of("office.example"), null, false))
                .hasMessage("services.console.allowedCidrs must hold CIDR blocks (like 203.0.113.0/24), was "
                        + "office.example");
    }

    @Test
    void a_second_console_task_is_refused_because_it_would_hold_half_the_figures() {
        assertThatThrownBy(() -> new ConsoleSettings(null, new ServiceSize(2, null, null), null, null, false))
                .hasMessageContaining("services.console.size.desiredCount must be 1");
    }

    @Test
    void a_console_certificate_from_another_region_is_refused() {
        ServicesSettings services = ServicesSettings.withCertificate(CERTIFICATE).withConsole(new ConsoleSettings(
                null, null, null, "arn:aws:acm:us-east-1:123456789012:certificate/abc", false));
        assertThatThrownBy(() -> new DeploySettings(null, "eu-west-1", null, null, services,
                KafkaSettings.existing("k:9092"), null))
                .hasMessageContaining("services.console.certificateArn must be a certificate in eu-west-1");
    }
}
