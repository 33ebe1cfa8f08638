package io.edgeward.passive;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.testing.IngestStandIn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KinesisLogHandlerTest {

    private IngestStandIn ingest;
    private List<String> fixtureFields;
    private String fixtureLine;

    @BeforeEach
    void start() throws Exception {
        ingest = IngestStandIn.start();
        List<String> lines = new String(Fixtures.read(Fixtures.cloudfront("claygregory_kinesis-1-0.txt")),
                StandardCharsets.UTF_8).lines().toList();
        fixtureFields = Arrays.asList(lines.get(1).substring("#Fields: ".length()).split(" "));
        fixtureLine = lines.get(2);
    }

    @AfterEach
    void stop() {
        ingest.close();
    }

    private KinesisLogHandler handler(int batchSize, int attempts) {
        return new KinesisLogHandler(PassiveConfig.of(ingest.uri(), IngestStandIn.KEY).withBatchSize(batchSize)
                .withRealtimeFields(fixtureFields)
                .withRetries(attempts, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)));
    }

    private static KinesisEvent event(String... lines) {
        List<KinesisEvent.KinesisEventRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setData(ByteBuffer.wrap((lines[i] + "\n").getBytes(StandardCharsets.UTF_8)));
            kinesis.setSequenceNumber("seq-" + i);
            kinesis.setPartitionKey("pk");
            KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
            record.setKinesis(kinesis);
            records.add(record);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(records);
        return event;
    }

    @Test
    void real_time_record_in_the_configured_field_order_reaches_ingest_as_a_log_record() {
        StreamsEventResponse response = handler(10, 3).handleRequest(event(fixtureLine), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        JsonNode record = ingest.acceptedRecords().get(0);
        assertThat(record.path("source").asText()).isEqualTo("cloudfront-realtime");
        assertThat(record.path("v").asInt()).isEqualTo(1);
        assertThat(record.path("requestId").asText()).isEqualTo("6PfZe0cc_AjXUjFuGnL9pGOmFdUx8xR8ZU8nr44JYJWi-DaeJjcxkw==");
        assertThat(record.path("edgeLocation").asText()).isEqualTo("EWR52-C4");
        assertThat(record.path("country").asText()).isEqualTo("US");
        assertThat(record.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(record.path("status").asInt()).isEqualTo(200);
        assertThat(record.path("time").asText()).isEqualTo("2020-12-07T20:52:01.541Z");
        assertThat(record.has("cookie")).isFalse();
    }

    @Test
    void records_whose_field_count_does_not_match_the_configuration_are_reported_and_not_retried() {
        String shortLine = String.join("\t", Arrays.asList(fixtureLine.split("\t")).subList(0, 30));

        KinesisLogHandler.Result result = handler(10, 3).process(event(fixtureLine, shortLine, "\u0000\u0001junk"));

        assertThat(result.parse().parsed()).isEqualTo(1);
        assertThat(result.parse().bad()).isEqualTo(2);
        assertThat(result.parse().badLines().get(0).where()).isEqualTo("sequence seq-1");
        assertThat(result.parse().badLines().get(0).reason())
                .isEqualTo("has 30 fields, the configured real-time field list has 40");
        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(ingest.acceptedRecords()).hasSize(1);
    }

    @Test
    void when_ingest_stays_unavailable_the_unsent_batches_are_returned_for_lambda_to_retry() {
        ingest.then(IngestStandIn.Answer.status(202, null)); // first batch (records 0-1) goes through
        ingest.then(IngestStandIn.Answer.status(503, "0"), IngestStandIn.Answer.status(503, "0"),
                IngestStandIn.Answer.status(503, "0"));

        StreamsEventResponse response = handler(2, 3).handleRequest(
                event(fixtureLine, fixtureLine, fixtureLine, fixtureLine, fixtureLine), null);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("seq-2");
        assertThat(ingest.answered()).containsExactly(202, 503, 503, 503);
    }
}
