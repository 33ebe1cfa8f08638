package io.edgeward.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeward.detection.policy.DetectionPolicy;
import io.edgeward.detection.policy.PolicyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./edgeward backtest}: replays log files through the detection rules offline, in event time, and reports
 * what would have been decided. Exit code 0 when every file was read, 1 when lines were unreadable (listed in the
 * report with their line), 2 on bad usage or a file that cannot be read at all.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Replay CloudFront standard or real-time logs, or Apache/nginx access logs (plain or gzip),",
                "through the detection rules offline and report what would have been decided."})
public final class BacktestCommand implements Callable<Integer> {

    /** Files at least this big get a progress bar (on a terminal, or with --progress). */
    private static final long LONG_FILE = 4L << 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files, plain or gzip")
    List<Path> files;

    @Option(names = "--format", description = "auto (default), cloudfront, realtime or apache")
    String format = "auto";

    @Option(names = "--realtime-fields", split = ",", description = "real-time log field names, in the order the"
            + " real-time log configuration lists them (with --format realtime)")
    List<String> realtimeFields = List.of();

    @Option(names = "--session-field", description = "where an access log line carries a session id: ident, user,"
            + " or quoted:N (the N-th double-quoted field, 4 and on for fields a custom format appends)")
    String sessionField;

    @Option(names = "--labels", description = "a CSV of actor,label (human or bot): prints precision, recall and F1")
    Path labels;

    @Option(names = "--policy", description = "a policy file (default: the bundled default policy)")
    Path policy;

    @Option(names = "--json", description = "also write the full report as JSON to this file")
    Path json;

    @Option(names = "--progress", negatable = true, description = "show a progress bar (default: on a terminal, for"
            + " files of 4 MiB or more)")
    Boolean progress;

    private final PrintWriter out;

    public BacktestCommand() {
        this(new PrintWriter(System.out, true));
    }

    BacktestCommand(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs as {@code main} would, without exiting. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new BacktestCommand(out));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(BacktestCommand::failed);
        return cli.execute(args);
    }

    /** A bad input is one line naming it, not a stack trace. */
    public static int failed(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException || e instanceof NoSuchFileException
                || e instanceof java.io.UncheckedIOException || e instanceof IOException) {
            String message = e instanceof NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
            cli.getErr().println("backtest: " + message);
            return 2;
        }
        throw new IllegalStateException(e);
    }

    @Override
    public Integer call() throws IOException {
        // every detection is in the report; the engine's own log lines would only bury it
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        DetectionPolicy rules = policy == null ? PolicyLoader.defaults() : PolicyLoader.load(policy);
        Labels labelled = labels == null ? null : Labels.read(labels);
        List<Backtest.Input> inputs = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file);
            }
            inputs.add(new Backtest.Input(file, format.equals("auto") ? LogFormat.detect(file) : chosen(format)));
        }
        LogReader reader = new LogReader(realtimeFields, sessionField == null ? null : SessionField.parse(sessionField));
        BacktestReport report = new Backtest(rules, reader, this::progressBar)
                .run(inputs, labelled, labels == null ? null : labels.toString());
        new Summary(out).print(report);
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            out.println("Report: " + json);
        }
        return report.files().stream().allMatch(f -> f.bad() == 0 && f.fileError() == null) ? 0 : 1;
    }

    private static LogFormat chosen(String name) {
        try {
            return LogFormat.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be auto, cloudfront, realtime or apache, was " + name);
        }
    }

    private Backtest.Progress progressBar(long size) {
        boolean show = progress != null ? progress : System.console() != null && size >= LONG_FILE;
        if (!show) {
            return new Backtest.Progress() {
                @Override
                public void read(long bytes) {
                }

                @Override
                public void close() {
                }
            };
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("backtest").setInitialMax(size)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1 << 20).showSpeed().build();
        return new Backtest.Progress() {
            @Override
            public void read(long bytes) {
                bar.stepTo(bytes);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
