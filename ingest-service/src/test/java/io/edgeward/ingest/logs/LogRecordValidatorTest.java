package io.edgeward.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The optional fields of contract C8 (rawPath, headerNames, challengePasses, sessionIssuedAt): types and bounds. */
class LogRecordValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LogRecordValidator validator =
            new LogRecordValidator(Clock.fixed(Instant.parse("2026-11-23T13:45:00Z"), ZoneOffset.UTC));

    private static ObjectNode record(String extra) throws Exception {
        return (ObjectNode) JSON.readTree("{\"v\":1,\"time\":\"2026-11-23T13:40:43.123Z\",\"requestId\":\"r-1\","
                + "\"clientIp\":\"192.0.2.1\",\"method\":\"GET\",\"path\":\"/admin/login\",\"status\":200"
                + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    @Test
    void a_record_with_all_four_c8_fields_within_bounds_is_valid() throws Exception {
        ObjectNode record = record("\"rawPath\":\"/static/..;/admin//login\",\"headerNames\":\"host,user-agent\","
                + "\"challengePasses\":0,\"sessionIssuedAt\":1795786843");

        assertThat(validator.validate(record).errors()).isEmpty();
    }

    @Test
    void absent_or_null_c8_fields_are_valid_as_passive_records_lack_them() throws Exception {
        assertThat(validator.validate(record("")).errors()).isEmpty();
        assertThat(validator.validate(record("\"rawPath\":null,\"headerNames\":null,\"challengePasses\":null,"
                + "\"sessionIssuedAt\":null")).errors()).isEmpty();
    }

    @Test
    void negative_counts_and_times_are_refused() throws Exception {
        assertThat(validator.validate(record("\"challengePasses\":-1,\"sessionIssuedAt\":-5")).errors())
                .containsExactly("challengePasses must be an integer between 0 and 2147483647 or null, was number -1",
                        "sessionIssuedAt must be an integer between 0 and 253402300799 or null, was number -5");
    }

    @Test
    void fractions_strings_and_out_of_range_numbers_are_refused() throws Exception {
        assertThat(validator.validate(record("\"challengePasses\":1.5")).errors()).hasSize(1);
        assertThat(validator.validate(record("\"challengePasses\":\"3\"")).errors()).hasSize(1);
        assertThat(validator.validate(record("\"challengePasses\":2147483648")).errors()).hasSize(1);
        assertThat(validator.validate(record("\"sessionIssuedAt\":1795786843123")).errors())
                .as("milliseconds where seconds are due").hasSize(1);
        assertThat(validator.validate(record("\"sessionIssuedAt\":99999999999999999999999")).errors()).hasSize(1);
    }

    @Test
    void header_names_longer_than_the_edge_sends_are_refused() throws Exception {
        String ok = "a,".repeat(255) + "bb";
        String tooLong = ok + ",c";

        assertThat(ok).hasSize(LogRecordValidator.MAX_HEADER_NAMES);
        assertThat(validator.validate(record("\"headerNames\":\"" + ok + "\"")).errors()).isEmpty();
        assertThat(validator.validate(record("\"headerNames\":\"" + tooLong + "\"")).errors())
                .singleElement().asString().startsWith("headerNames must be a string of at most 512 characters");
        assertThat(validator.validate(record("\"headerNames\":[\"host\"]")).errors()).hasSize(1);
    }

    @Test
    void raw_path_is_bounded_like_other_texts() throws Exception {
        assertThat(validator.validate(record("\"rawPath\":\"/" + "a".repeat(8191) + "\"")).errors()).isEmpty();
        assertThat(validator.validate(record("\"rawPath\":\"/" + "a".repeat(8192) + "\"")).errors()).hasSize(1);
        assertThat(validator.validate(record("\"rawPath\":7")).errors()).hasSize(1);
    }
}
