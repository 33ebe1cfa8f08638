package io.edgeward.ingest.bench;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgeward.ingest.logs.BatchFormat;
import io.edgeward.ingest.logs.LogBatchDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Single-thread cost of reading a batch (parse, validate, re-serialize) with no HTTP and no Kafka: the CPU ingest
 * spends per record before the producer. Arguments: {@code seconds} (default 20).
 */
public final class DecodeThroughput {

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        LogBatchDecoder decoder = new LogBatchDecoder(JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build(), 10_000, Clock.systemUTC());
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            body.append(String.format("{\"v\":1,\"time\":\"%s\",\"requestId\":\"bench-%06d\",\"source\":\"edge\","
                    + "\"clientIp\":\"203.0.113.%d\",\"method\":\"GET\",\"host\":\"shop.example\",\"path\":\"/products/%d\","
                    + "\"status\":200,\"bytes\":5120,\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0\","
                    + "\"cookieState\":\"valid\",\"action\":\"allow\",\"mode\":\"mitigate\",\"country\":\"DE\"}\n",
                    Instant.now(), i, i % 250, i));
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        long records = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long measureFrom = System.nanoTime() + seconds * 400_000_000L;
        long measured = 0;
        long start = 0;
        long cpuStart = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        while (System.nanoTime() < end) {
            int n = decoder.decode(bytes, BatchFormat.NDJSON).size();
            if (System.nanoTime() >= measureFrom) {
                if (start == 0) {
                    start = System.nanoTime();
                    cpuStart = threads.getCurrentThreadCpuTime();
                }
                measured += n;
            }
            records += n;
        }
        double rate = measured / ((System.nanoTime() - start) / 1e9);
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / measured;
        System.out.printf("decode: %.0f records/s wall clock on one thread; %.2f us CPU per record (%.0f records per"
                + " CPU-second); %d records in total%n", rate, cpuMicros, 1e6 / cpuMicros, records);
    }
}
