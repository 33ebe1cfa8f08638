package io.edgeward.passive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.edgeward.testing.IngestStandIn.Answer;
import io.edgeward.testing.IngestStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirectoryWatcherTest {

    @TempDir
    Path dir;
    private IngestStandIn ingest;
    private LogDirectoryWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        ingest = IngestStandIn.start();
        PassiveConfig config = PassiveConfig.of(ingest.uri(), IngestStandIn.KEY)
                .withRetries(1, Duration.ZERO, Duration.ofMillis(1), Duration.ofSeconds(5));
        watcher = new LogDirectoryWatcher(config, dir, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        watcher.close();
        ingest.close();
    }

    /** As a log shipper would: written under a temporary name, then renamed into place. */
    private Path drop(String name, byte[] content) throws Exception {
        Path tmp = dir.resolve(name + ".tmp");
        Files.write(tmp, content);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void dropped_gzip_log_file_is_posted_to_ingest_and_moved_to_processed() throws Exception {
        watcher.start();
        drop("E2.2019-12-13-22.abc.gz",
                Fixtures.gzip(Fixtures.read(Fixtures.cloudfront("elastic_integrations_test-cloudfront.log"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> watcher.filesDone() == 1);
        assertThat(ingest.acceptedRecords()).isNotEmpty();
        assertThat(ingest.acceptedRecords()).allSatisfy(r -> assertThat(r.get("clientIp").asText()).isNotBlank());
        assertThat(dir.resolve("processed/E2.2019-12-13-22.abc.gz")).exists();
        assertThat(dir.resolve("E2.2019-12-13-22.abc.gz")).doesNotExist();
    }

    @Test
    void file_that_is_not_a_cloudfront_log_is_moved_to_rejected_and_nothing_is_sent() throws Exception {
        watcher.start();
        drop("notes.txt", "just some notes\nnot a log\n".getBytes());
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(dir.resolve("rejected/notes.txt")));
        assertThat(ingest.acceptedRecords()).isEmpty();
    }

    @Test
    void file_stays_while_ingest_is_unavailable_and_is_delivered_when_it_answers_again() throws Exception {
        ingest.then(Answer.status(503, "0"));
        watcher.start();
        Path file = drop("E2.2016-08-15.log", Fixtures.read(Fixtures.cloudfront("scogs_CF_real_2016-08-15.log")));
        await().atMost(Duration.ofSeconds(20)).until(() -> watcher.filesDone() == 1);
        assertThat(ingest.answered()).startsWith(503);
        assertThat(ingest.acceptedRecords()).isNotEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void zero_poll_interval_is_rejected_with_the_value() {
        assertThatThrownBy(() -> new LogDirectoryWatcher(PassiveConfig.of(ingest.uri(), IngestStandIn.KEY), dir,
                Duration.ZERO)).hasMessage("passive.pollInterval must be > 0, was PT0S");
    }
}
