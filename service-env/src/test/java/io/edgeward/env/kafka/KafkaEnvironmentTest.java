package io.edgeward.env.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaEnvironmentTest {

    private static final String SECRET = "s3cret-store-password";

    @TempDir
    Path dir;
    private Path truststore;
    private Path keystore;

    @BeforeEach
    void stores() throws IOException {
        truststore = Files.write(dir.resolve("truststore.p12"), new byte[] {1});
        keystore = Files.write(dir.resolve("keystore.p12"), new byte[] {2});
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void nothing_set_means_plaintext_to_the_local_broker() {
        KafkaClientSettings settings = KafkaEnvironment.read(env("PATH", "/bin"));
        assertThat(settings.clientProperties()).containsExactly(
                Map.entry("bootstrap.servers", "127.0.0.1:9092"), Map.entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void msk_iam_settings_become_the_sasl_client_properties() {
        KafkaClientSettings settings = KafkaEnvironment.read(env(
                "EDGEWARD_KAFKA_BOOTSTRAP", "b-1.msk.example:9098,b-2.msk.example:9098",
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM"));
        assertThat(settings.clientProperties())
                .containsEntry("bootstrap.servers", "b-1.msk.example:9098,b-2.msk.example:9098")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry("sasl.client.callback.handler.class",
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler")
                .doesNotContainKeys("ssl.truststore.location", "ssl.keystore.location");
    }

    @Test
    void mutual_tls_settings_become_the_ssl_client_properties() {
        KafkaClientSettings settings = KafkaEnvironment.read(env(
                "EDGEWARD_KAFKA_BOOTSTRAP", "kafka.internal:9093",
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "ssl",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", SECRET,
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_TYPE", "pkcs12",
                "EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION", keystore.toString(),
                "EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD", SECRET,
                "EDGEWARD_KAFKA_SSL_KEYSTORE_TYPE", "PKCS12",
                "EDGEWARD_KAFKA_SSL_KEY_PASSWORD", "key-" + SECRET));
        assertThat(settings.clientProperties())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.location", truststore.toString())
                .containsEntry("ssl.truststore.password", SECRET)
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.keystore.location", keystore.toString())
                .containsEntry("ssl.keystore.password", SECRET)
                .containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.key.password", "key-" + SECRET)
                .doesNotContainKey("sasl.mechanism");
    }

    @Test
    void passwords_never_appear_in_the_description() {
        KafkaClientSettings settings = KafkaEnvironment.read(env(
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", SECRET,
                "EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION", keystore.toString(),
                "EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD", SECRET,
                "EDGEWARD_KAFKA_SSL_KEY_PASSWORD", SECRET));
        assertThat(settings.toString()).doesNotContain(SECRET).contains(truststore.toString()).contains("***");
    }

    @Test
    void unknown_security_protocol_is_rejected_at_start() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "TLS")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EDGEWARD_KAFKA_SECURITY_PROTOCOL must be one of [PLAINTEXT, SSL, SASL_SSL], was 'TLS'");
    }

    @Test
    void sasl_over_plaintext_is_refused_so_credentials_never_travel_in_clear() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env(
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM")))
                .hasMessageContaining("was 'SASL_PLAINTEXT'");
    }

    @Test
    void unknown_sasl_mechanism_is_rejected_at_start() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env(
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "EDGEWARD_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")))
                .hasMessage("EDGEWARD_KAFKA_SASL_MECHANISM must be one of [AWS_MSK_IAM], was 'SCRAM-SHA-512'");
    }

    @Test
    void sasl_ssl_without_a_mechanism_is_rejected_at_start() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")))
                .hasMessage("EDGEWARD_KAFKA_SASL_MECHANISM is required with EDGEWARD_KAFKA_SECURITY_PROTOCOL=SASL_SSL;"
                        + " supported: AWS_MSK_IAM");
    }

    @Test
    void a_mechanism_without_sasl_ssl_is_rejected_at_start() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env(
                "EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL", "EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM")))
                .hasMessage("EDGEWARD_KAFKA_SASL_MECHANISM=AWS_MSK_IAM needs "
                        + "EDGEWARD_KAFKA_SECURITY_PROTOCOL=SASL_SSL, was SSL");
    }

    @Test
    void a_truststore_with_plaintext_is_rejected_rather_than_silently_ignored() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env(
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString())))
                .hasMessage("EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION is set but EDGEWARD_KAFKA_SECURITY_PROTOCOL is "
                        + "PLAINTEXT, so it would be ignored: set EDGEWARD_KAFKA_SECURITY_PROTOCOL=SSL or SASL_SSL");
    }

    @Test
    void a_misspelt_kafka_variable_is_rejected_at_start() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")))
                .hasMessageStartingWith("unknown Kafka setting EDGEWARD_KAFKA_BOOTSTRAP_SERVERS; known: [");
    }

    @Test
    void a_missing_store_file_is_rejected_at_start_with_its_path() {
        String missing = dir.resolve("nope.p12").toString();
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", missing)))
                .hasMessage("EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION must be a readable file, was '" + missing + "'");
    }

    @Test
    void a_password_without_its_store_is_rejected_without_showing_it() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD", SECRET)))
                .hasMessage("EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD is set without EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION")
                .message().doesNotContain(SECRET);
    }

    @Test
    void a_keystore_without_its_password_is_rejected_at_start() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION", keystore.toString())))
                .hasMessage("EDGEWARD_KAFKA_SSL_KEYSTORE_PASSWORD is required with EDGEWARD_KAFKA_SSL_KEYSTORE_LOCATION="
                        + keystore);
    }

    @Test
    void an_unknown_store_type_is_rejected_at_start() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_TYPE", "BKS")))
                .hasMessage("EDGEWARD_KAFKA_SSL_TRUSTSTORE_TYPE must be JKS, PKCS12 or PEM, was 'BKS'");
    }

    @Test
    void a_pem_truststore_takes_no_password() {
        assertThatThrownBy(() -> KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_LOCATION", truststore.toString(),
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD", SECRET)))
                .hasMessageStartingWith("EDGEWARD_KAFKA_SSL_TRUSTSTORE_PASSWORD is not used with a PEM file");
    }

    @Test
    void the_settings_can_be_pointed_at_other_brokers_keeping_their_security() {
        KafkaClientSettings settings = KafkaEnvironment.read(env("EDGEWARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "EDGEWARD_KAFKA_SASL_MECHANISM", "AWS_MSK_IAM")).withBootstrapServers("other:9098");
        assertThat(settings.clientProperties()).containsEntry("bootstrap.servers", "other:9098")
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM");
    }

    @Test
    void settings_built_in_code_are_checked_like_those_from_the_environment() {
        assertThatThrownBy(() -> new KafkaClientSettings("k:9092", SecurityProtocol.PLAINTEXT,
                new StoreFile(truststore, null, null), null, null, null))
                .hasMessage("kafka trust and key stores need security protocol SSL or SASL_SSL, was PLAINTEXT");
        assertThatThrownBy(() -> KafkaClientSettings.plaintext(" "))
                .hasMessage("kafka.bootstrapServers must be host:port[,host:port...], was  ");
    }
}
