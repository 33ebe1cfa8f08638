package io.edgeward.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.kafka.broker.KafkaBroker;
import io.edgeward.kafka.broker.KafkaBrokerExtension;
import io.edgeward.local.LocalStack;
import io.edgeward.local.config.LocalConfig;
import io.edgeward.local.config.LocalSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * A short flood measurement against a real local stack (its own topics and ports on the shared test broker): the
 * blocks it sets hold while Protector is well, and people with valid cookies are served in every phase, Protector
 * stopped included. What passes for the blocked clients during the outage is the figure the tool measures, not a
 * property asserted here.
 */
@ExtendWith(KafkaBrokerExtension.class)
class FloodTest {

    private static final String ADMIN_TOKEN = "flood-admin-token-0123456789";

    @Test
    void blocks_hold_while_protector_is_well_and_people_are_served_in_every_phase(KafkaBroker broker)
            throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        try (LocalStack stack = LocalStack.start(LocalConfig.builder(new LocalSecrets(ADMIN_TOKEN,
                        "flood-edge-key-0123456789abcdef", "flood-ingest-key-0123456789abcdef",
                        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", List.of()))
                .anyFreePorts()
                .console(false)
                .kafkaBootstrapServers(broker.bootstrapServers())
                .topicPrefix("f" + id + ".")
                .dataDir(Path.of("target", "local-" + id).toAbsolutePath())
                .trustForwardedFor(true)
                .detection(false)
                .checkIntervalInitial(Duration.ofSeconds(1))
                .checkIntervalMax(Duration.ofSeconds(1))
                .protectorTimeout(Duration.ofSeconds(5))
                .shipperTimeout(Duration.ofSeconds(20))
                .build())) {
            Flood flood = new Flood(System.out);
            new CommandLine(flood).parseArgs("--phase", "PT3S", "--rate", "30", "--concurrency", "8",
                    "--max-requests", "300", "--humans", "2");

            List<FloodReport> reports = flood.measure(stack, ADMIN_TOKEN);

            assertThat(reports).extracting(FloodReport::phase)
                    .containsExactly("calm", "flood", "flood, Protector stopped");
            FloodReport calm = reports.get(0);
            assertThat(calm.sessionBlocked().total()).isPositive();
            assertThat(calm.sessionBlocked().served()).isZero();
            assertThat(calm.addressBlocked().served()).isZero();
            assertThat(reports.get(1).floodSent()).isPositive();
            assertThat(reports).allSatisfy(r -> {
                assertThat(r.humans().total()).isPositive();
                assertThat(r.humans().served()).as(r.phase()).isEqualTo(r.humans().total());
            });
        }
    }
}
