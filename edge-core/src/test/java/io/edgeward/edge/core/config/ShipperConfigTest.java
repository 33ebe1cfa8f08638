package io.edgeward.edge.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.edge.core.testing.TestPorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShipperConfigTest {

    private static ShipperConfig parse(String json) {
        return ShipperConfig.fromJson(TestPorts.json().parseObject(json));
    }

    @Test
    void reads_the_contract_example() {
        ShipperConfig config = parse("{\"mode\":\"mitigate\",\"ingest\":{\"url\":\"http://127.0.0.1:8082/\","
                + "\"apiKey\":\"k\",\"batchSize\":50,\"maxAge\":\"PT2S\",\"queueLimit\":1000,\"timeout\":\"PT1S\"},"
                + "\"logging\":{\"skipExtensions\":[\".CSS\",\"js\"],\"maskQueryParams\":[\"Password\",\"token\"],"
                + "\"maskBodyFields\":[\"password\"]}}");

        assertThat(config.ingest().logsUrl()).isEqualTo("http://127.0.0.1:8082/v1/logs");
        assertThat(config.ingest().batchSize()).isEqualTo(50);
        assertThat(config.ingest().maxAgeMillis()).isEqualTo(2000);
        assertThat(config.ingest().timeoutMillis()).isEqualTo(1000);
        assertThat(config.ingest().maxInFlight()).isEqualTo(ShipperConfig.Ingest.DEFAULT_MAX_IN_FLIGHT);
        assertThat(config.logging().skipExtensions()).containsExactly("css", "js");
        assertThat(config.logging().maskQueryParams()).containsExactly("password", "token");
    }

    @Test
    void missing_logging_section_takes_the_defaults_skipping_nothing_and_adding_no_names() {
        ShipperConfig config = parse("{\"ingest\":{\"url\":\"https://ingest.example\",\"apiKey\":\"k\"}}");

        assertThat(config.logging().skipExtensions()).isEmpty();
        assertThat(config.logging().maskQueryParams()).isEmpty();
        assertThat(config.logging().maskBodyFields()).isEmpty();
        assertThat(config.logging().unmaskDefaults()).isEmpty();
        assertThat(config.ingest().queueLimit()).isEqualTo(1000);
    }

    @Test
    void missing_ingest_is_rejected() {
        assertThatThrownBy(() -> parse("{\"logging\":{}}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest is required");
    }

    @Test
    void bad_values_are_named_with_the_value() {
        String base = "{\"ingest\":{\"url\":\"http://i.example\",\"apiKey\":\"k\",";
        assertThatThrownBy(() -> parse(base + "\"batchSize\":0}}"))
                .hasMessage("ingest.batchSize must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> parse(base + "\"maxAge\":\"PT0S\"}}"))
                .hasMessage("ingest.maxAge must be > 0, was 0 ms");
        assertThatThrownBy(() -> parse(base + "\"maxAge\":\"2s\"}}"))
                .hasMessageContaining("ingest.maxAge must be an ISO-8601 duration").hasMessageEndingWith("was 2s");
        assertThatThrownBy(() -> parse(base + "\"batchSize\":100,\"queueLimit\":10}}"))
                .hasMessage("ingest.queueLimit must be >= ingest.batchSize (100), was 10");
        assertThatThrownBy(() -> parse(base + "\"batchSize\":1.5}}"))
                .hasMessage("ingest.batchSize must be a whole number, was 1.5");
        assertThatThrownBy(() -> parse("{\"ingest\":{\"url\":\"ftp://x\",\"apiKey\":\"k\"}}"))
                .hasMessage("ingest.url must be an http(s) URL, was ftp://x");
    }

    @Test
    void unknown_keys_are_rejected_in_both_sections() {
        assertThatThrownBy(() -> parse("{\"ingest\":{\"url\":\"http://i.example\",\"apiKey\":\"k\",\"batch\":5}}"))
                .hasMessageContaining("ingest.batch is not a known key");
        assertThatThrownBy(() -> parse("{\"ingest\":{\"url\":\"http://i.example\",\"apiKey\":\"k\"},"
                + "\"logging\":{\"maskHeaders\":[]}}"))
                .hasMessageContaining("logging.maskHeaders is not a known key");
    }

    @Test
    void api_key_is_required_and_never_printed() {
        assertThatThrownBy(() -> parse("{\"ingest\":{\"url\":\"http://i.example\"}}"))
                .hasMessage("ingest.apiKey is required");

        ShipperConfig config = parse("{\"ingest\":{\"url\":\"http://i.example\",\"apiKey\":\"s3cr3t-key\"}}");
        assertThat(config.toString()).doesNotContain("s3cr3t-key").contains("apiKey=***");
    }

    @Test
    void unmask_defaults_reads_only_default_names_and_names_the_bad_one() {
        String base = "{\"ingest\":{\"url\":\"http://i.example\",\"apiKey\":\"k\"},\"logging\":";

        assertThat(parse(base + "{\"unmaskDefaults\":[\"Code\",\"key\"]}}").logging().unmaskDefaults())
                .containsExactly("code", "key");
        assertThatThrownBy(() -> parse(base + "{\"unmaskDefaults\":[\"username\"]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("logging.unmaskDefaults may name only default masked names, was username");
    }

    @Test
    void a_masked_name_without_letters_or_digits_is_rejected() {
        assertThatThrownBy(() -> new ShipperConfig.Logging(List.of(), List.of("[]"), List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("logging.maskQueryParams names must hold a letter or digit, was []");
    }

    @Test
    void empty_names_in_lists_are_rejected() {
        assertThatThrownBy(() -> new ShipperConfig.Logging(List.of(""), List.of(), List.of()))
                .hasMessageContaining("logging.skipExtensions must not contain empty names");
        assertThatThrownBy(() -> ShipperConfig.fromJson(Map.of("ingest", "x")))
                .hasMessageContaining("ingest must be an object");
    }
}
