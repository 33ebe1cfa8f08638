package io.edgeward.passive.bench;

import com.sun.net.httpserver.HttpServer;
import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.passive.Fixtures;
import io.edgeward.passive.PassiveConfig;
import io.edgeward.passive.S3LogHandlerAccess;
import io.edgeward.passive.parse.ApacheLogParser;
import io.edgeward.passive.parse.CloudFrontRecordMapper;
import io.edgeward.passive.parse.ParseReport;
import io.edgeward.passive.parse.StandardLogParser;
import io.edgeward.passive.parse.StaticExtensions;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Throughput of the passive log-file path in lines per second, a plain main (not a test): parse only (gzip + TSV
 * to records), and end to end (parse, gzip NDJSON, POST to a loopback HTTP server that drains the body and answers
 * 202). Input: the real CloudFront samples' data lines repeated into one gzip file; the real Apache log repeated.
 * Usage: LogFileThroughput [cloudfrontLines] [rounds]
 */
public final class LogFileThroughput {

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] cloudfront = Fixtures.gzip(cloudFrontFile(lines));
        byte[] apache = repeated(Files.readAllBytes(Fixtures.apacheLog()), 10);
        long apacheLines = 100_000;
        Masking masker = Masking.of(List.of(), List.of());
        StandardLogParser standard = new StandardLogParser(new CloudFrontRecordMapper(masker),
                new StaticExtensions(List.of()));
        ApacheLogParser apacheParser = new ApacheLogParser(masker, new StaticExtensions(List.of()));
        System.out.printf(Locale.ROOT, "input: cloudfront %,d lines (%,d bytes gzip), apache %,d lines%n", lines,
                cloudfront.length, apacheLines);

        for (int round = 1; round <= rounds; round++) {
            AtomicLong sink = new AtomicLong();
            long t0 = System.nanoTime();
            ParseReport report = standard.parse(new ByteArrayInputStream(cloudfront), r -> sink.incrementAndGet());
            long t1 = System.nanoTime();
            apacheParser.parse(new ByteArrayInputStream(apache), "apache", r -> sink.incrementAndGet());
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d parse-only: cloudfront-standard %,.0f lines/s (parsed %d, bad %d),"
                    + " apache %,.0f lines/s%n", round, lines / ((t1 - t0) / 1e9), report.parsed(), report.bad(),
                    apacheLines / ((t2 - t1) / 1e9));
        }

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        AtomicLong bodyBytes = new AtomicLong();
        server.createContext("/v1/logs", exchange -> {
            try (exchange) {
                bodyBytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
                exchange.sendResponseHeaders(202, -1);
            }
        });
        server.start();
        Path dir = Files.createTempDirectory("passive-bench");
        Files.createDirectories(dir.resolve("bucket"));
        Files.write(dir.resolve("bucket/E2.2019-12-13-22.bench.gz"), cloudfront);
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            for (int batch : new int[] {500, 2000}) {
                for (int round = 1; round <= rounds; round++) {
                    long t0 = System.nanoTime();
                    long accepted = S3LogHandlerAccess.processOne(url, batch, dir, "bucket", "E2.2019-12-13-22.bench.gz");
                    long t1 = System.nanoTime();
                    System.out.printf(Locale.ROOT, "round %d end-to-end batch=%d: %,.0f lines/s (accepted %d)%n",
                            round, batch, lines / ((t1 - t0) / 1e9), accepted);
                }
            }
            System.out.printf(Locale.ROOT, "gzip NDJSON sent: %,d bytes in total%n", bodyBytes.get());
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private static byte[] cloudFrontFile(int lines) {
        List<String> data = new java.util.ArrayList<>();
        for (String name : List.of("awsdocs_2023_standard_log_example.log", "elastic_integrations_test-cloudfront.log")) {
            new String(Fixtures.read(Fixtures.cloudfront(name)), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank() && l.split("\t", -1).length >= 33)
                    .forEach(data::add);
        }
        String header = new String(Fixtures.read(Fixtures.cloudfront("awsdocs_2023_standard_log_example.log")),
                StandardCharsets.UTF_8).lines().limit(2).collect(Collectors.joining("\n", "", "\n"));
        StringBuilder out = new StringBuilder(header);
        for (int i = 0; i < lines; i++) {
            out.append(data.get(i % data.size())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] repeated(byte[] content, int times) {
        byte[] out = new byte[content.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(content, 0, out, i * content.length, content.length);
        }
        return out;
    }
}
