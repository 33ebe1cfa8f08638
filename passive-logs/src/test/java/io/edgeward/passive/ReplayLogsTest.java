package io.edgeward.passive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeward.testing.IngestStandIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayLogsTest {

    @TempDir
    Path dir;

    private final StringWriter output = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return ReplayLogs.run(env, new PrintWriter(output, true), args);
    }

    @Test
    void dry_run_of_the_apache_log_reports_the_one_bad_line_and_exits_1() {
        int exit = run(Map.of(), "--dry-run", Fixtures.apacheLog().toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output.toString()).contains("\"format\" : \"apache\"").contains("\"parsed\" : 9999")
                .contains("\"where\" : \"line 8899\"");
    }

    @Test
    void a_cloudfront_file_is_replayed_into_ingest_and_exits_0() throws IOException {
        Path gz = dir.resolve("E2.2016-08-15-06.abc"); // gzip without the extension
        Files.write(gz, Fixtures.gzip(Fixtures.read(Fixtures.cloudfront("scogs_CF_real_2016-08-15.log"))));
        try (IngestStandIn ingest = IngestStandIn.start()) {
            int exit = run(Map.of("EDGEWARD_INGEST_KEY", IngestStandIn.KEY), "--ingest-url", ingest.uri().toString(),
                    "--batch-size", "7", gz.toString());

            assertThat(exit).as(output.toString()).isZero();
            assertThat(ingest.acceptedBatches()).extracting(java.util.List::size).containsExactly(7, 7, 4);
            assertThat(ingest.acceptedRecords()).extracting(r -> r.path("source").asText())
                    .containsOnly("cloudfront-standard");
        }
        assertThat(output.toString()).contains("\"format\" : \"cloudfront\"").contains("\"accepted\" : 18");
    }

    @Test
    void apache_records_reach_ingest_as_access_log_records_with_static_paths_skipped() throws IOException {
        Path log = dir.resolve("access.log");
        Files.write(log, Files.readAllLines(Fixtures.apacheLog()).subList(0, 200));
        try (IngestStandIn ingest = IngestStandIn.start()) {
            int exit = run(Map.of("EDGEWARD_INGEST_KEY", IngestStandIn.KEY, "EDGEWARD_INGEST_URL",
                    ingest.uri().toString()), "--skip-extensions", "png,css,js,jpg,gif,ico", log.toString());

            assertThat(exit).as(output.toString()).isZero();
            assertThat(ingest.acceptedRecords()).isNotEmpty().allSatisfy(record -> {
                assertThat(record.path("source").asText()).isEqualTo("access-log");
                assertThat(record.path("path").asText()).doesNotEndWith(".png").doesNotEndWith(".css");
            });
            JsonNode first = ingest.acceptedRecords().get(0);
            assertThat(first.path("requestId").asText()).hasSize(36);
        }
        assertThat(output.toString()).contains("\"skippedStatic\"");
    }

    @Test
    void an_unreachable_ingest_exits_2_with_the_reason() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int exit = run(Map.of("EDGEWARD_INGEST_KEY", "k", "EDGEWARD_INGEST_MAX_ATTEMPTS", "1"),
                "--ingest-url", "http://127.0.0.1:" + port, Fixtures.cloudfront("scogs_CF_real_2016-08-15.log").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(output.toString()).contains("ingest did not take a batch");
    }
}
