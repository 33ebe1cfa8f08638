package io.edgeward.passive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.edgeward.passive.record.LogRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts batches to ingest ({@code POST <url>/v1/logs}, gzip NDJSON, {@code Authorization: Bearer <key>}).
 * Retries, with exponential backoff and jitter and honouring {@code Retry-After}, on 429, 502, 503, 504, connection
 * failures and time-outs; never on 400 (a {@link SendOutcome.Rejected} with ingest's per-record errors) or on
 * other refusals ({@link IngestRefused}).
 */
public final class IngestClient {

    private static final Logger LOG = LoggerFactory.getLogger(IngestClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer();

    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final RetryPolicy<SendOutcome> retry;

    public IngestClient(URI ingestUrl, String key, Duration timeout, int maxAttempts, Duration baseDelay,
            Duration maxDelay) {
        String base = ingestUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/logs");
        this.authorization = "Bearer " + key;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        Backoff backoff = new Backoff(baseDelay, maxDelay, () -> ThreadLocalRandom.current().nextDouble());
        this.retry = RetryPolicy.<SendOutcome>builder()
                .handle(RetryableFailure.class)
                .withMaxAttempts(maxAttempts)
                .withDelayFn(ctx -> backoff.delay(ctx.getAttemptCount(),
                        ((RetryableFailure) ctx.getLastException()).retryAfter()))
                .onRetry(e -> LOG.warn("ingest attempt {} failed ({}); retrying", e.getAttemptCount(),
                        e.getLastException().getMessage()))
                .build();
    }

    /**
     * Sends one batch.
     *
     * @throws IngestUnavailable when every attempt failed in a retryable way
     * @throws IngestRefused when ingest refused the batch for a reason other than invalid records
     */
    public SendOutcome send(List<LogRecord> records) {
        byte[] body = gzipNdjson(records);
        try {
            return Failsafe.with(retry).get(() -> attempt(body, records.size()));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IngestUnavailable("ingest did not take a batch of " + records.size() + " records: "
                    + cause.getMessage(), cause);
        }
    }

    private SendOutcome attempt(byte[] body, int count) throws RetryableFailure, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-ndjson")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RetryableFailure(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new SendOutcome.Accepted(count);
        }
        if (status == 400) {
            return rejected(response.body());
        }
        if (status == 429 || status == 502 || status == 503 || status == 504) {
            throw new RetryableFailure("HTTP " + status + " " + problemDetail(response.body()),
                    retryAfter(response), null);
        }
        throw new IngestRefused(status, "ingest answered HTTP " + status + ": " + problemDetail(response.body()));
    }

    private static SendOutcome rejected(String body) {
        List<RecordRejection> records = new ArrayList<>();
        String detail = problemDetail(body);
        try {
            JsonNode problem = JSON.readTree(body);
            for (JsonNode record : problem.path("records")) {
                List<String> errors = new ArrayList<>();
                record.path("errors").forEach(error -> errors.add(error.asText()));
                records.add(new RecordRejection(record.path("index").asInt(-1), errors));
            }
        } catch (IOException notJson) {
            // the detail says what came back; no per-record errors to list
        }
        return new SendOutcome.Rejected(detail, records);
    }

    private static String problemDetail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.has("error")) {
                return problem.path("error").asText() + ": " + problem.path("detail").asText();
            }
        } catch (IOException notJson) {
            // fall through to the raw text
        }
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is rare from ingest and treated as absent). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? java.util.Optional.of(Duration.ofSeconds(seconds)) : java.util.Optional.empty();
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }

    static byte[] gzipNdjson(List<LogRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 160 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 8192)) {
            for (LogRecord record : records) {
                gzip.write(WRITER.writeValueAsBytes(record));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a batch", e);
        }
        return bytes.toByteArray();
    }
}
