package io.edgeward.ingest.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgeward.ingest.support.LogRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and validation rules, without HTTP or Kafka; the clock is fixed. */
class LogBatchDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T13:40:43.123Z");
    private final LogBatchDecoder decoder = new LogBatchDecoder(JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build(), 5, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_record_becomes_key_client_ip_timestamp_time_and_compact_json() {
        String line = LogRecords.record("r1", "2001:db8::1", NOW.minusSeconds(60)).replace(",\"", ",  \"");

        List<LogRecord> records = decode(line + "\r\n", BatchFormat.NDJSON);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.clientIp()).isEqualTo("2001:db8::1");
            assertThat(r.timestamp()).isEqualTo(NOW.minusSeconds(60).toEpochMilli());
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).startsWith("{\"v\":1,\"time\":").doesNotContain(", ");
        });
    }

    @Test
    void a_time_at_the_future_limit_is_accepted_and_one_past_it_is_not() {
        Instant limit = NOW.plus(LogRecordValidator.MAX_FUTURE);

        assertThat(decode(LogRecords.record("a", "192.0.2.1", limit), BatchFormat.NDJSON)).hasSize(1);
        assertThatThrownBy(() -> decode(LogRecords.record("b", "192.0.2.1", limit.plusMillis(1)), BatchFormat.NDJSON))
                .isInstanceOf(InvalidRecords.class);
    }

    @Test
    void blank_lines_are_skipped_and_indexes_count_records_not_lines() {
        String good = LogRecords.record("a", "192.0.2.1", NOW);
        String body = "\n" + good + "\n   \n" + good.replace("\"v\":1", "\"v\":2") + "\n";

        assertThatThrownBy(() -> decode(body, BatchFormat.NDJSON)).isInstanceOfSatisfying(InvalidRecords.class,
                e -> assertThat(e.records()).containsExactly(new RecordError(1, 4, List.of("v must be 1, was number 2"))));
    }

    @Test
    void the_record_limit_counts_records_in_both_formats() {
        String six = LogRecords.ndjson("x", 6, NOW);
        String array = "[" + String.join(",", six.strip().split("\n")) + "]";

        assertThatThrownBy(() -> decode(six, BatchFormat.NDJSON)).isInstanceOf(TooManyRecords.class);
        assertThatThrownBy(() -> decode(array, BatchFormat.JSON_ARRAY)).isInstanceOf(TooManyRecords.class);
        assertThat(decode(LogRecords.ndjson("y", 5, NOW), BatchFormat.NDJSON)).hasSize(5);
    }

    @Test
    void an_array_element_that_is_not_an_object_is_a_record_error() {
        String body = "[" + LogRecords.record("a", "192.0.2.1", NOW) + ", 42]";

        assertThatThrownBy(() -> decode(body, BatchFormat.JSON_ARRAY)).isInstanceOfSatisfying(InvalidRecords.class,
                e -> assertThat(e.records()).containsExactly(
                        new RecordError(1, null, List.of("record must be a JSON object, was NUMBER"))));
    }

    @Test
    void an_unclosed_array_or_trailing_content_is_malformed() {
        String record = LogRecords.record("a", "192.0.2.1", NOW);

        assertThatThrownBy(() -> decode("[" + record, BatchFormat.JSON_ARRAY)).isInstanceOf(MalformedBatch.class);
        assertThatThrownBy(() -> decode("[" + record + "] []", BatchFormat.JSON_ARRAY))
                .isInstanceOf(MalformedBatch.class).hasMessageContaining("after the JSON array");
    }

    @Test
    void a_record_larger_than_64_kib_is_refused() {
        String huge = LogRecords.record("a", "192.0.2.1", NOW).replace("\"ja3\":null",
                "\"ja3\":null,\"extra\":\"" + "x".repeat(70_000) + "\"");

        assertThatThrownBy(() -> decode(huge, BatchFormat.NDJSON)).isInstanceOfSatisfying(InvalidRecords.class,
                e -> assertThat(e.records().get(0).errors().get(0)).contains("the limit is 65536"));
    }

    @Test
    void an_empty_body_is_an_empty_batch() {
        assertThat(decode("", BatchFormat.NDJSON)).isEmpty();
        assertThat(decode("[]", BatchFormat.JSON_ARRAY)).isEmpty();
    }

    private List<LogRecord> decode(String body, BatchFormat format) {
        return decoder.decode(body.getBytes(StandardCharsets.UTF_8), format);
    }
}
