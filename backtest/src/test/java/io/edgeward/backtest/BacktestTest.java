package io.edgeward.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.detection.policy.RuleName;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BacktestTest {

    @TempDir
    Path dir;

    static Path testdata() {
        String configured = System.getProperty("edgeward.testdata");
        return Path.of(configured != null ? configured : "../../shared/testdata").toAbsolutePath().normalize();
    }

    static Path apacheLog() {
        return testdata().resolve("access-logs/elastic_examples_apache_logs.log");
    }

    static Stream<Path> samples() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> cloudfront = Files.list(testdata().resolve("cloudfront-logs"))) {
            cloudfront.filter(p -> !p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        files.add(apacheLog());
        return files.stream();
    }

    private record Run(int exit, String out) {
    }

    private static Run backtest(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = BacktestCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out + err.toString());
    }

    private static BacktestReport report(Path file) throws IOException {
        return new Backtest(io.edgeward.detection.policy.PolicyLoader.defaults(), new LogReader(List.of(), null),
                size -> new Backtest.Progress() {
                    @Override
                    public void read(long bytes) {
                    }

                    @Override
                    public void close() {
                    }
                }).run(List.of(new Backtest.Input(file, LogFormat.detect(file))), null, null);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void no_rule_fires_on_an_absence_its_source_cannot_see(Path sample) throws IOException {
        BacktestReport report = report(sample);

        Set<String> cannotRun = new java.util.HashSet<>();
        report.rulesThatCannotRun().forEach(gap -> cannotRun.add(gap.rule()));
        assertThat(report.rules()).extracting(BacktestReport.RuleTally::rule).doesNotContainAnyElementsOf(cannotRun);
        // no passive source shows a cookie coming back, so no cookie rule can ever run on one
        assertThat(cannotRun).contains(RuleName.COOKIE_REFUSAL.key(), RuleName.SESSION_SHARED.key());
    }

    @Test
    void the_apache_log_cannot_show_a_missing_accept_language_and_challenges_no_labelled_human() {
        Path json = dir.resolve("report.json");
        Run run = backtest(apacheLog().toString(), "--labels",
                Path.of("../docs/backtest/elastic-apache-labels.csv").toAbsolutePath().toString(),
                "--json", json.toString());

        assertThat(run.out()).contains("automation.missing-headers cannot run here: needs acceptLanguage")
                .contains("line 8899: not an Apache combined or common log line")
                .contains("Humans it would have challenged or blocked: 0")
                .contains("precision");
        assertThat(run.exit()).isEqualTo(1); // one line of the file is unreadable, and the report says which
        assertThat(json).content().contains("\"perRule\"").contains("\"f1\"");
    }

    @Test
    void a_session_field_makes_each_session_its_own_actor_even_behind_one_address() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            // two people behind one address: one with a library user agent, one with a browser
            log.append(line("203.0.113.50", "lib-session", "/api/item/" + i, "python-requests/2.32"));
            log.append(line("203.0.113.50", "browser-session", "/page/" + i, "Mozilla/5.0 Firefox/131.0"));
        }
        Path file = dir.resolve("access.log");
        Files.writeString(file, log);

        Run run = backtest(file.toString(), "--session-field", "ident");

        assertThat(run.out()).contains("lib-session").contains("automation.user-agent")
                .doesNotContain("browser-session");
        assertThat(run.exit()).isZero();
    }

    @Test
    void a_gzipped_log_reads_like_the_plain_one() throws IOException {
        Path plain = testdata().resolve("cloudfront-logs/awsdocs_2023_standard_log_example.log");
        Path gz = dir.resolve("standard.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }

        assertThat(report(gz).records()).isEqualTo(report(plain).records()).isPositive();
    }

    @Test
    void unreadable_lines_are_named_and_a_missing_file_is_one_clear_error() throws IOException {
        Path file = dir.resolve("mixed.log");
        Files.writeString(file, line("203.0.113.7", "-", "/", "Mozilla/5.0") + "this is not a log line\n",
                StandardCharsets.UTF_8);

        Run mixed = backtest(file.toString());
        Run missing = backtest(dir.resolve("nope.log").toString());
        Run badLabels = backtest(file.toString(), "--labels", file.toString());

        assertThat(mixed.exit()).isEqualTo(1);
        assertThat(mixed.out()).contains("line 2: not an Apache combined or common log line");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).contains("backtest: cannot read").contains("nope.log").doesNotContain("Exception");
        assertThat(badLabels.exit()).isEqualTo(2);
        assertThat(badLabels.out()).contains("line 1: expected actor,human or actor,bot");
    }

    private static String line(String ip, String ident, String path, String userAgent) {
        return ip + " " + ident + " - [17/May/2015:10:05:03 +0000] \"GET " + path + " HTTP/1.1\" 200 512 \"-\" \""
                + userAgent + "\"\n";
    }
}
