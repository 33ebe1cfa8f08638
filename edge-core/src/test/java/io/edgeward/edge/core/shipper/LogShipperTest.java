package io.edgeward.edge.core.shipper;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.config.ShipperConfig;
import io.edgeward.edge.core.logrecord.LogRecord;
import io.edgeward.edge.core.port.EdgeHttp;
import io.edgeward.edge.core.port.EdgeLog;
import io.edgeward.edge.core.port.HttpCallback;
import io.edgeward.edge.core.testing.TestPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogShipperTest {

    /** Records each post and holds its callback until the test answers it. */
    static final class HeldHttp implements EdgeHttp {
        final List<Post> posts = new ArrayList<>();

        @Override
        public void post(String url, Map<String, String> headers, String body, int timeoutMillis,
                         HttpCallback callback) {
            posts.add(new Post(url, headers, body, callback));
        }

        List<String> paths(int post) {
            List<String> paths = new ArrayList<>();
            for (String line : posts.get(post).body().split("\n")) {
                paths.add(TestPorts.json().parseObject(line).get("path").toString());
            }
            return paths;
        }
    }

    record Post(String url, Map<String, String> headers, String body, HttpCallback callback) {
    }

    static final class Lines implements EdgeLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String message) {
            lines.add(message);
        }

        @Override
        public void warn(String message) {
            lines.add(message);
        }
    }

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final HeldHttp http = new HeldHttp();
    private final Lines log = new Lines();

    private LogShipper shipper(int batchSize, long maxAgeMillis, int queueLimit, int maxInFlight) {
        ShipperConfig.Ingest config = new ShipperConfig.Ingest("http://127.0.0.1:8082", "key-1", batchSize,
                maxAgeMillis, queueLimit, 1000, maxInFlight);
        return new LogShipper(config, http, TestPorts.json(), now::get, log);
    }

    static LogRecord record(String path) {
        return new LogRecord("2026-11-23T13:40:43.123Z", "r", "edge", "203.0.113.7", "GET", null, path, null, 200,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    @Test
    void a_full_batch_is_posted_at_once_as_ndjson_with_the_bearer_key() {
        LogShipper shipper = shipper(3, 2000, 100, 4);

        shipper.enqueue(record("/1"));
        shipper.enqueue(record("/2"));
        assertThat(http.posts).isEmpty();
        shipper.enqueue(record("/3"));

        assertThat(http.posts).hasSize(1);
        Post post = http.posts.get(0);
        assertThat(post.url()).isEqualTo("http://127.0.0.1:8082/v1/logs");
        assertThat(post.headers()).containsEntry("authorization", "Bearer key-1")
                .containsEntry("content-type", "application/x-ndjson");
        assertThat(post.body()).endsWith("\n");
        assertThat(http.paths(0)).containsExactly("/1", "/2", "/3");
        assertThat(shipper.stats().inFlight()).isEqualTo(1);
    }

    @Test
    void a_partial_batch_waits_until_its_oldest_record_is_max_age_old() {
        LogShipper shipper = shipper(10, 2000, 100, 4);
        shipper.enqueue(record("/old"));
        now.addAndGet(1500);
        shipper.enqueue(record("/young"));

        now.addAndGet(499);
        shipper.flushDue();
        assertThat(http.posts).isEmpty();

        now.addAndGet(1);
        shipper.flushDue();
        assertThat(http.posts).hasSize(1);
        assertThat(http.paths(0)).containsExactly("/old", "/young");
        assertThat(shipper.stats().queued()).isZero();
    }

    @Test
    void a_full_queue_drops_the_oldest_and_counts_them_never_blocking() {
        LogShipper shipper = shipper(5, 2000, 5, 1);
        for (int i = 1; i <= 5; i++) {
            shipper.enqueue(record("/" + i));
        }
        assertThat(http.posts).hasSize(1);

        for (int i = 6; i <= 13; i++) {
            shipper.enqueue(record("/" + i));
        }

        ShipperStats stats = shipper.stats();
        assertThat(stats.queued()).isEqualTo(5);
        assertThat(stats.dropped()).isEqualTo(3);
        assertThat(http.posts).as("in-flight bound holds further posts").hasSize(1);
        http.posts.get(0).callback().onResponse(202, "");
        shipper.flushDue();
        assertThat(http.paths(1)).containsExactly("/9", "/10", "/11", "/12", "/13");
        assertThat(shipper.stats().accepted()).isEqualTo(5);
    }

    @Test
    void after_503_the_batch_is_sent_again_by_the_first_flush_after_the_backoff() {
        LogShipper shipper = shipper(2, 2000, 10, 4);
        shipper.enqueue(record("/1"));
        shipper.enqueue(record("/2"));

        http.posts.get(0).callback().onResponse(503, "{\"error\":\"kafka unavailable\"}");
        assertThat(shipper.stats().queued()).isEqualTo(2);
        shipper.flushDue();
        assertThat(http.posts).as("still backing off").hasSize(1);

        now.addAndGet(LogShipper.FIRST_BACKOFF_MILLIS);
        shipper.flushDue();
        assertThat(http.posts).hasSize(2);
        assertThat(http.paths(1)).containsExactly("/1", "/2");
        assertThat(shipper.stats().retriedBatches()).isEqualTo(1);
        assertThat(shipper.stats().failedBatches()).isEqualTo(1);
    }

    @Test
    void the_backoff_doubles_while_ingest_pushes_back_and_resets_once_it_accepts() {
        LogShipper shipper = shipper(1, 2000, 100, 4);
        shipper.enqueue(record("/1"));
        http.posts.get(0).callback().onResponse(429, "");
        now.addAndGet(1000);
        shipper.flushDue();
        http.posts.get(1).callback().onResponse(429, "");

        now.addAndGet(1999);
        shipper.flushDue();
        assertThat(http.posts).as("second backoff is 2 s").hasSize(2);
        now.addAndGet(1);
        shipper.flushDue();
        assertThat(http.posts).hasSize(3);
        http.posts.get(2).callback().onResponse(202, "");

        shipper.enqueue(record("/2"));
        http.posts.get(3).callback().onResponse(503, "");
        now.addAndGet(1000);
        shipper.flushDue();
        assertThat(http.posts).as("backoff back to 1 s after a success").hasSize(5);
    }

    @Test
    void posts_already_out_when_ingest_fails_do_not_escalate_the_backoff() {
        LogShipper shipper = shipper(1, 2000, 100, 4);
        shipper.enqueue(record("/1"));
        shipper.enqueue(record("/2"));
        shipper.enqueue(record("/3"));

        for (int i = 0; i < 3; i++) {
            http.posts.get(i).callback().onFailure("connection refused");
        }
        now.addAndGet(1000);
        shipper.flushDue();

        assertThat(http.posts).hasSize(6);
    }

    @Test
    void a_retried_batch_only_comes_back_as_far_as_the_bound_allows_oldest_dropped_first() {
        LogShipper shipper = shipper(3, 2000, 4, 4);
        for (int i = 1; i <= 8; i++) {
            shipper.enqueue(record("/" + i));
        }
        assertThat(http.posts).hasSize(2);

        http.posts.get(0).callback().onFailure("connection refused");

        ShipperStats stats = shipper.stats();
        assertThat(stats.queued()).isEqualTo(4);
        assertThat(stats.dropped()).isEqualTo(1);
        now.addAndGet(LogShipper.FIRST_BACKOFF_MILLIS);
        shipper.flushDue();
        assertThat(http.paths(2)).containsExactly("/2", "/3", "/7");
        assertThat(log.lines).anyMatch(line -> line.contains("kept for the next flush after connection refused"));
    }

    @Test
    void records_ingest_names_invalid_are_dropped_and_the_rest_go_with_the_next_flush() {
        LogShipper shipper = shipper(3, 2000, 10, 4);
        shipper.enqueue(record("/1"));
        shipper.enqueue(record("/2"));
        shipper.enqueue(record("/3"));

        http.posts.get(0).callback().onResponse(400, "{\"error\":\"invalid_records\",\"detail\":\"1 of 3\","
                + "\"records\":[{\"index\":1,\"line\":2,\"errors\":[\"clientIp must be an IPv4 or IPv6 address\"]}]}");
        now.addAndGet(2000);
        shipper.flushDue();

        assertThat(http.paths(1)).containsExactly("/1", "/3");
        assertThat(shipper.stats().rejected()).isEqualTo(1);
    }

    @Test
    void a_refused_batch_is_dropped_and_counted_as_rejected() {
        LogShipper shipper = shipper(1, 2000, 10, 4);
        shipper.enqueue(record("/1"));

        http.posts.get(0).callback().onResponse(400, "{\"error\":\"invalid\"}");

        assertThat(shipper.stats()).isEqualTo(new ShipperStats(0, 0, 0, 0, 1, 1, 0));
    }

    @Test
    void a_second_answer_for_the_same_post_is_ignored() {
        LogShipper shipper = shipper(1, 2000, 10, 4);
        shipper.enqueue(record("/1"));

        http.posts.get(0).callback().onResponse(202, "");
        http.posts.get(0).callback().onFailure("late timeout");

        assertThat(shipper.stats()).isEqualTo(new ShipperStats(0, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void a_port_that_throws_counts_as_a_failed_post_not_a_stuck_one() {
        ShipperConfig.Ingest config = ShipperConfig.Ingest.of("http://127.0.0.1:1", "k");
        EdgeHttp throwing = (url, headers, body, timeout, callback) -> {
            throw new IllegalStateException("boom");
        };
        LogShipper shipper = new LogShipper(config, throwing, TestPorts.json(), now::get, log);
        for (int i = 0; i < config.batchSize(); i++) {
            shipper.enqueue(record("/" + i));
        }

        assertThat(shipper.stats().inFlight()).isZero();
        assertThat(shipper.stats().queued()).isEqualTo(config.batchSize());
    }

    @Test
    void flush_all_sends_everything_regardless_of_age() {
        LogShipper shipper = shipper(2, 60_000, 100, 4);
        for (int i = 1; i <= 5; i++) {
            shipper.enqueue(record("/" + i));
        }

        shipper.flushAll();

        assertThat(http.posts).hasSize(3);
        assertThat(http.paths(2)).containsExactly("/5");
    }

    @Test
    void the_api_key_never_reaches_the_log() {
        LogShipper shipper = shipper(1, 2000, 10, 4);
        shipper.enqueue(record("/1"));
        http.posts.get(0).callback().onResponse(401, "");
        shipper.enqueue(record("/2"));
        http.posts.get(1).callback().onFailure("timeout");

        assertThat(log.lines).isNotEmpty().noneMatch(line -> line.contains("key-1"));
    }
}
