package io.edgeward.passive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeward.passive.ingest.BatchSender;
import io.edgeward.passive.ingest.DeliveryReport;
import io.edgeward.passive.parse.NotALogFile;
import io.edgeward.passive.parse.ParseReport;
import io.edgeward.passive.parse.RecordSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Replays local log files through ingest: CloudFront standard logs (plain or gzip) or Apache/nginx combined access
 * logs ({@code source} = {@code access-log}). The ingest key comes from {@code EDGEWARD_INGEST_KEY}, never from the
 * command line (where other users of the machine could see it). {@code --dry-run} only parses and reports.
 * Exit code: 0 when every line became a record (or was skipped on purpose) and ingest took every record, 1 when
 * some lines or records were refused, 2 on bad usage or when ingest was unreachable.
 */
@Command(name = "replay-logs", mixinStandardHelpOptions = true,
        description = "Parse CloudFront standard or Apache access logs and post them to Edgeward ingest.")
public final class ReplayLogs implements Callable<Integer> {

    enum Format { auto, cloudfront, apache }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files (gzip detected by content)")
    List<Path> files;

    @Option(names = "--format", defaultValue = "auto", description = "auto, cloudfront or apache (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--ingest-url", description = "ingest base URL (default: EDGEWARD_INGEST_URL or http://127.0.0.1:8082)")
    String ingestUrl;

    @Option(names = "--batch-size", defaultValue = "500", description = "records per POST (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--skip-extensions", split = ",", description = "path extensions to leave out, e.g. css,png")
    List<String> skipExtensions = List.of();

    @Option(names = "--mask-query-params", split = ",", description = "query parameters masked besides the built-in"
            + " defaults (password, token, code, card, ... see docs/log-shipping.md)")
    List<String> maskQueryParams = List.of();

    @Option(names = "--unmask-defaults", split = ",", description = "built-in masked names not to mask, e.g. code")
    List<String> unmaskDefaults = List.of();

    @Option(names = "--dry-run", description = "parse and report only; send nothing")
    boolean dryRun;

    private final Map<String, String> env;
    private final PrintWriter out;

    public ReplayLogs(Map<String, String> env, PrintWriter out) {
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        System.exit(run(System.getenv(), out, args));
    }

    /** Runs the command as {@code main} would, without exiting; for tests and scripts. */
    public static int run(Map<String, String> env, PrintWriter out, String... args) {
        CommandLine cli = new CommandLine(new ReplayLogs(env, out));
        cli.setOut(out);
        cli.setErr(out);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            out.println("replay-logs: " + e.getMessage());
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        // A developer's shell may hold the local stack's EDGEWARD_* secrets: only the passive variables are ours here.
        Map<String, String> settings = new HashMap<>();
        for (String name : PassiveConfig.ENV.names()) {
            if (env.containsKey(name)) {
                settings.put(name, env.get(name));
            }
        }
        settings.putIfAbsent("EDGEWARD_INGEST_URL", "http://127.0.0.1:8082");
        if (ingestUrl != null) {
            settings.put("EDGEWARD_INGEST_URL", ingestUrl);
        }
        if (dryRun) {
            settings.putIfAbsent("EDGEWARD_INGEST_KEY", "unused-in-dry-run");
        }
        PassiveConfig config = PassiveConfig.fromEnvironment(settings).withBatchSize(batchSize)
                .withFilters(skipExtensions, maskQueryParams, unmaskDefaults);
        Pipeline pipeline = new Pipeline(config);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        boolean lossless = true;
        for (Path file : files) {
            Map<String, Object> report = replay(pipeline, file);
            out.println(json.writeValueAsString(report));
            lossless &= Boolean.TRUE.equals(report.get("lossless"));
        }
        return lossless ? 0 : 1;
    }

    private Map<String, Object> replay(Pipeline pipeline, Path file) throws IOException {
        Format chosen = format == Format.auto ? detect(file) : format;
        BatchSender sender = dryRun ? null : pipeline.sender();
        RecordSink sink = dryRun ? record -> { } : sender;
        ParseReport parse;
        try (InputStream in = Files.newInputStream(file)) {
            parse = chosen == Format.apache ? pipeline.apache.parse(in, file.getFileName().toString(), sink)
                    : pipeline.standard.parse(in, sink);
        } catch (NotALogFile e) {
            return Map.of("file", file.toString(), "error", e.getMessage(), "lossless", false);
        }
        DeliveryReport delivery = dryRun ? null : sender.finish();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", file.toString());
        report.put("format", chosen.name());
        report.put("parse", parse);
        if (delivery != null) {
            report.put("delivery", delivery);
        }
        report.put("lossless", parse.clean() && (delivery == null || delivery.rejected() == 0));
        return report;
    }

    /** CloudFront files start with {@code #Version}/{@code #Fields} or are tab-separated; access logs are not. */
    static Format detect(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            byte[] head = in.readNBytes(4096);
            String text = new String(head, java.nio.charset.StandardCharsets.UTF_8);
            String firstLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
            return firstLine.startsWith("#") || firstLine.startsWith("{") || firstLine.indexOf('\t') >= 0
                    ? Format.cloudfront : Format.apache;
        }
    }

}
