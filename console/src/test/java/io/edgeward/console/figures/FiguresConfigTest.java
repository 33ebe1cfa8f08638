package io.edgeward.console.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.env.kafka.KafkaClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiguresConfigTest {

    private static final KafkaClientSettings KAFKA = KafkaClientSettings.plaintext("127.0.0.1:9092");

    @Test
    void a_bad_value_is_refused_naming_it() {
        assertThatThrownBy(() -> new FiguresConfig(KAFKA, " ", Path.of("s"), "l", "d", "c", Duration.ofSeconds(1)))
                .hasMessageContaining("figures.applicationId");
        assertThatThrownBy(() -> new FiguresConfig(KAFKA, "a", Path.of("s"), "", "d", "c", Duration.ofSeconds(1)))
                .hasMessageContaining("figures.logsTopic");
        assertThatThrownBy(() -> new FiguresConfig(KAFKA, "a", Path.of("s"), "l", "d", "c", Duration.ZERO))
                .hasMessageContaining("figures.commitInterval").hasMessageContaining("PT0S");
    }

    @Test
    void no_challenges_topic_means_an_empty_name_not_an_error() {
        assertThat(new FiguresConfig(KAFKA, "a", Path.of("s"), "l", "d", null, Duration.ofSeconds(1))
                .challengesTopic()).isEmpty();
    }

    @Test
    void each_instance_gets_an_application_id_of_its_own_host() {
        assertThat(FiguresConfig.defaultApplicationId()).startsWith("edgeward-console")
                .matches("[A-Za-z0-9._-]+");
    }
}
