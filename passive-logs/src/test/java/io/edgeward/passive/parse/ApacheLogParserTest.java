package io.edgeward.passive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.passive.Fixtures;
import io.edgeward.passive.record.LogRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApacheLogParserTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final ApacheLogParser parser =
            new ApacheLogParser(Masking.of(List.of(), List.of()), new StaticExtensions(List.of()));

    @Test
    void real_apache_log_parses_all_but_the_one_broken_line_which_is_reported() throws Exception {
        ParseReport report;
        try (InputStream in = Files.newInputStream(Fixtures.apacheLog())) {
            report = parser.parse(in, "apache_logs", records::add);
        }

        assertThat(report.parsed()).isEqualTo(9_999);
        assertThat(report.badLines()).containsExactly(
                new BadLine("line 8899", "not an Apache combined or common log line"));
        assertThat(report.fileError()).isNull();
        LogRecord first = records.get(0);
        assertThat(first.time()).isEqualTo("2015-05-17T10:05:03Z");
        assertThat(first.clientIp()).isEqualTo("83.149.9.216");
        assertThat(first.path()).isEqualTo("/presentations/logstash-monitorama-2013/images/kibana-search.png");
        assertThat(first.bytes()).isEqualTo(203023L);
        assertThat(first.source()).isEqualTo("access-log");
        long googlebotLines = Files.readAllLines(Fixtures.apacheLog()).stream()
                .filter(line -> line.contains("Googlebot")).count();
        assertThat(records).filteredOn(r -> r.userAgent() != null && r.userAgent().contains("Googlebot"))
                .hasSize((int) googlebotLines - 1); // the broken line is a Googlebot one
        assertThat(records).extracting(LogRecord::requestId).doesNotHaveDuplicates();
    }

    @Test
    void a_client_address_is_kept_in_its_canonical_spelling_and_an_ambiguous_one_is_a_bad_line() throws Exception {
        byte[] lines = ("2001:DB8::1 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1\n"
                + "::ffff:1.2.3.4 - - [17/May/2015:10:05:04 +0000] \"GET / HTTP/1.1\" 200 1\n"
                + "1.2.3.04 - - [17/May/2015:10:05:05 +0000] \"GET / HTTP/1.1\" 200 1\n").getBytes(StandardCharsets.UTF_8);

        ParseReport report = parser.parse(new ByteArrayInputStream(lines), "f.log", records::add);

        assertThat(records).extracting(LogRecord::clientIp).containsExactly("2001:db8::1", "1.2.3.4");
        assertThat(report.badLines()).containsExactly(
                new BadLine("line 3", "client address is not an IP address: '1.2.3.04'"));
    }

    @Test
    void request_ids_are_stable_across_replays_of_the_same_file() throws Exception {
        byte[] lines = ("1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET /a?password=x&q=1 HTTP/1.1\" 200 - \"-\" \"curl\"\n"
                + "1.2.3.4 - - [17/May/2015:10:05:04 +0200] \"GET / HTTP/1.0\" 304 0\n").getBytes(StandardCharsets.UTF_8);
        List<LogRecord> again = new ArrayList<>();

        parser.parse(new ByteArrayInputStream(lines), "f.log", records::add);
        parser.parse(new ByteArrayInputStream(lines), "f.log", again::add);

        assertThat(records).isEqualTo(again).hasSize(2);
        assertThat(records.get(0).query()).isEqualTo("password=%2A%2A%2A&q=1");
        assertThat(records.get(0).bytes()).isNull();
        assertThat(records.get(1).time()).as("common format, offset applied").isEqualTo("2015-05-17T08:05:04Z");
        assertThat(records.get(1).userAgent()).isNull();
    }
}
