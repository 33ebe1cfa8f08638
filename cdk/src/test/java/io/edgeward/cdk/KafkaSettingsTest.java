package io.edgeward.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.cdk.config.KafkaSettings;
import io.edgeward.cdk.config.MskSettings;
import io.edgeward.cdk.config.SettingsException;
import io.edgeward.cdk.constructs.KafkaAccess;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    private static final String CLUSTER = "arn:aws:kafka:eu-west-1:123456789012:cluster/shop/abc-1";

    @Test
    void a_new_msk_cluster_defaults_to_tls_with_iam_and_an_existing_one_to_plaintext() {
        assertThat(KafkaSettings.newMsk(MskSettings.defaults()).securityProtocol()).isEqualTo("SASL_SSL");
        assertThat(KafkaSettings.existing("k:9092").securityProtocol()).isEqualTo("PLAINTEXT");
    }

    @Test
    void sasl_over_plaintext_is_refused() {
        assertThatThrownBy(() -> new KafkaSettings(null, "SASL_PLAINTEXT", null, MskSettings.defaults()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("kafka.securityProtocol must be PLAINTEXT, SSL or SASL_SSL, was SASL_PLAINTEXT");
    }

    @Test
    void an_existing_cluster_with_iam_needs_its_arn_for_the_task_role_permissions() {
        assertThatThrownBy(() -> new KafkaSettings("b-1.msk:9098", "SASL_SSL", null, null, null))
                .hasMessageStartingWith("kafka.clusterArn is required with an existing cluster and securityProtocol "
                        + "SASL_SSL");
        assertThatThrownBy(() -> new KafkaSettings("b-1.msk:9098", "SASL_SSL", null, null, "arn:aws:kafka:nope"))
                .hasMessageEndingWith("was arn:aws:kafka:nope");
        assertThat(new KafkaSettings("b-1.msk:9098", "SASL_SSL", null, null, CLUSTER).iam()).isTrue();
    }

    @Test
    void an_existing_clusters_arn_names_its_topics_and_groups_in_the_task_roles() {
        String ingest = KafkaAccess.ingest(CLUSTER).stream().map(s -> s.toStatementJson().toString()).toList()
                .toString();
        assertThat(ingest).contains("arn:aws:kafka:eu-west-1:123456789012:topic/shop/abc-1/edgeward.logs")
                .contains(CLUSTER);
        String detection = KafkaAccess.detection(CLUSTER).stream().map(s -> s.toStatementJson().toString()).toList()
                .toString();
        assertThat(detection).contains("arn:aws:kafka:eu-west-1:123456789012:group/shop/abc-1/edgeward-detection");
    }
}
