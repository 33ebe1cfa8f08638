package io.edgeward.passive.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.passive.Fixtures;
import io.edgeward.passive.record.LogRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StandardLogParserTest {

    private final List<LogRecord> records = new ArrayList<>();

    private StandardLogParser parser(List<String> skip, List<String> masked) {
        return new StandardLogParser(new CloudFrontRecordMapper(Masking.of(masked, List.of())), new StaticExtensions(skip));
    }

    private ParseReport parse(byte[] content) throws NotALogFile {
        return parser(List.of(), List.of("password")).parse(new ByteArrayInputStream(content), records::add);
    }

    private ParseReport parseFixture(String name) throws NotALogFile {
        return parse(Fixtures.read(Fixtures.cloudfront(name)));
    }

    private static String text(String name) {
        return new String(Fixtures.read(Fixtures.cloudfront(name)), StandardCharsets.UTF_8);
    }

    @Test
    void real_24_field_legacy_log_parses_every_line_with_the_double_encoded_user_agent_decoded() throws Exception {
        ParseReport report = parseFixture("scogs_CF_real_2016-08-15.log");

        assertThat(report).isEqualTo(new ParseReport(18, 0, 0, List.of(), null));
        LogRecord first = records.get(0);
        assertThat(first.time()).isEqualTo("2016-08-15T06:04:29Z");
        assertThat(first.source()).isEqualTo("cloudfront-standard");
        assertThat(first.clientIp()).isEqualTo("122.164.17.87");
        assertThat(first.requestId()).isEqualTo("GfzAdDRQWYNqs8-5jUjOwlSasGFHS93uMOX7u-VFWXYdQRNASzUb8g==");
        assertThat(first.edgeLocation()).isEqualTo("SIN2");
        assertThat(first.host()).isEqualTo("sgn.rw7.io");
        assertThat(first.query()).isEqualTo("w=1200&q=90");
        assertThat(first.bytes()).isEqualTo(540648L);
        assertThat(first.timeTakenMs()).isEqualTo(4988.0);
        assertThat(first.userAgent()).isEqualTo("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_0) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Chrome/52.0.2743.116 Safari/537.36");
        assertThat(records.get(1).status()).as("000: the viewer went away").isZero();
        assertThat(records.get(1).referer()).startsWith("https://sgn.rw7.io/4KUWWncQLgawVXcgfj7JDd/");
        assertThat(records).extracting(LogRecord::status).contains(200, 0, 404);
    }

    @Test
    void legacy_33_field_sample_with_ipv6_post_000_and_a_short_last_line_parses_every_line() throws Exception {
        String content = text("elastic_integrations_test-cloudfront.log");
        long dataLines = content.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();

        ParseReport report = parseFixture("elastic_integrations_test-cloudfront.log");

        assertThat(report.bad()).as("bad lines: %s", report.badLines()).isZero();
        assertThat(report.parsed()).isEqualTo(dataLines).isEqualTo(12);
        assertThat(records).extracting(LogRecord::clientIp).contains("2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6");
        assertThat(records).extracting(LogRecord::method).contains("POST");
        assertThat(records).extracting(LogRecord::status).contains(0);
        assertThat(records).extracting(LogRecord::userAgent).anyMatch(ua -> ua.contains("HeadlessChrome/100"));
        LogRecord last = records.get(records.size() - 1);
        assertThat(last.path()).isEqualTo("/en(test)");
        assertThat(last.status()).isEqualTo(404);
        assertThat(last.contentType()).isEqualTo("text/html");
    }

    @Test
    void aws_docs_example_parses_all_six_records_including_one_ending_in_a_tab() throws Exception {
        ParseReport report = parseFixture("awsdocs_2023_standard_log_example.log");

        assertThat(report).isEqualTo(new ParseReport(6, 0, 0, List.of(), null));
        assertThat(records.get(0).userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
        assertThat(records).extracting(LogRecord::status).contains(502);
        assertThat(records).extracting(LogRecord::userAgent).anyMatch(ua -> ua.startsWith("curl/"));
    }

    @Test
    void node_parser_fixtures_with_space_or_tab_separated_headers_parse() throws Exception {
        assertThat(parseFixture("claygregory_web-1-0.txt")).isEqualTo(new ParseReport(2, 0, 0, List.of(), null));
        assertThat(records.get(0).userAgent()).contains("iPhone OS 10_2_1 like Mac OS X");
        assertThat(records.get(1).query()).isEqualTo("a=b&c=d");
        records.clear();
        assertThat(parseFixture("claygregory_web-1-0-2019-12.txt"))
                .isEqualTo(new ParseReport(3, 0, 0, List.of(), null));
        assertThat(records.get(0).userAgent()).startsWith("Mozilla/5.0 (Windows NT 10.0;");
    }

    @Test
    void real_time_fixture_with_a_header_parses_with_country_accept_and_language() throws Exception {
        ParseReport report = parseFixture("claygregory_kinesis-1-0.txt");

        assertThat(report.parsed()).as("%s", report.badLines()).isEqualTo(1);
        LogRecord record = records.get(0);
        assertThat(record.time()).isEqualTo("2020-12-07T20:52:01.541Z");
        assertThat(record.country()).isEqualTo("US");
        assertThat(record.accept()).isEqualTo("image/webp,*/*");
        assertThat(record.acceptLanguage()).isEqualTo("en-US,en;q=0.5");
        assertThat(record.userAgent()).isEqualTo(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:83.0) Gecko/20100101 Firefox/83.0");
        assertThat(record.query()).as("decoded once: the query as the viewer sent it")
                .startsWith("stm=1607374321563&e=pp&url=http%3A%2F%2Flocalhost%3A5000%2Fpage-2&");
    }

    @Test
    void rtmp_and_v2_samples_without_request_fields_are_every_line_reported_not_dropped() throws Exception {
        ParseReport rtmp = parseFixture("claygregory_rtmp-1-0.txt");
        assertThat(rtmp.parsed()).isZero();
        assertThat(rtmp.bad()).isEqualTo(6);
        assertThat(rtmp.badLines().get(0).where()).isEqualTo("line 3");
        assertThat(rtmp.badLines().get(0).reason()).contains("lacks required fields").contains("cs-method");

        ParseReport w3c = parseFixture("awsdocs_v2_s3_w3c_example.log");
        assertThat(w3c.bad()).isEqualTo(1);
        assertThat(w3c.badLines().get(0).reason()).contains("c-ip").doesNotContain("date+time");

        ParseReport firehose = parseFixture("awsdocs_v2_firehose_example.ndjson");
        assertThat(firehose.bad()).isEqualTo(2);
        assertThat(firehose.badLines()).extracting(BadLine::where).containsExactly("line 1", "line 2");
        assertThat(firehose.badLines().get(0).reason()).contains("lacks required fields");

        ParseReport cloudwatch = parseFixture("awsdocs_v2_cloudwatch_logs_example.json");
        assertThat(cloudwatch.bad()).isEqualTo(1);
        assertThat(cloudwatch.fileError()).isNull();
        assertThat(records).isEmpty();
    }

    @Test
    void v2_json_records_with_the_request_fields_become_records() throws Exception {
        String line = "{\"timestamp(ms)\":\"1731699951183\",\"c-ip\":\"198.51.100.9\",\"cs-method\":\"GET\","
                + "\"cs-uri-stem\":\"/cart\",\"sc-status\":\"200\",\"x-edge-request-id\":\"abc==\","
                + "\"x-edge-location\":\"SOF50-P2\",\"asn\":\"16509\",\"c-country\":\"BG\",\"cs(Cookie)\":\"sid=secret\"}\n";

        ParseReport report = parse(line.getBytes(StandardCharsets.UTF_8));

        assertThat(report.parsed()).isEqualTo(1);
        assertThat(records.get(0)).extracting(LogRecord::time, LogRecord::asn, LogRecord::country)
                .containsExactly("2024-11-15T19:45:51.183Z", "16509", "BG");
        assertThat(new ObjectMapper().writeValueAsString(records.get(0))).doesNotContain("secret");
    }

    @Test
    void files_without_a_fields_header_fall_back_to_the_legacy_layout_by_field_count() throws Exception {
        List<String> lines = new ArrayList<>();
        dataLines("scogs_CF_real_2016-08-15.log").stream().limit(2).forEach(lines::add); // 24 fields
        dataLines("awsdocs_2023_standard_log_example.log").stream().limit(3).forEach(lines::add); // 33, one + tab
        String line33 = dataLines("awsdocs_2023_standard_log_example.log").get(0);
        lines.add(String.join("\t", Arrays.asList(line33.split("\t")).subList(0, 26))); // 26
        lines.add(String.join("\t", Arrays.asList(line33.split("\t")).subList(0, 30))); // 30: no such layout

        ParseReport report = parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        assertThat(report.parsed()).isEqualTo(6);
        assertThat(report.badLines()).containsExactly(new BadLine("line 7",
                "no #Fields header, and 30 fields match no legacy layout [24, 26, 33]"));
        assertThat(records.get(2).edgeLocation()).isEqualTo("LAX1");
    }

    @Test
    void gzip_is_detected_by_its_magic_bytes_whatever_the_name() throws Exception {
        ParseReport report = parse(Fixtures.gzip(Fixtures.read(Fixtures.cloudfront("scogs_CF_real_2016-08-15.log"))));

        assertThat(report).isEqualTo(new ParseReport(18, 0, 0, List.of(), null));
    }

    @Test
    void truncated_gzip_keeps_the_lines_before_the_break_and_reports_the_loss() throws Exception {
        byte[] gzip = Fixtures.gzip(repeatedCloudFrontLog(2000));
        byte[] truncated = Arrays.copyOf(gzip, gzip.length / 2);

        ParseReport report = parse(truncated);

        assertThat(report.parsed()).isBetween(1L, 1999L);
        assertThat(report.fileError()).startsWith("reading stopped after line ").contains("truncated or corrupt");
        assertThat(report.clean()).isFalse();
    }

    @Test
    void unknown_fields_in_the_header_are_read_past() throws Exception {
        String content = "#Version: 1.0\n#Fields: date time x-new-field c-ip cs-method cs-uri-stem sc-status"
                + " x-edge-request-id cs(Cookie) x-another\n"
                + "2024-01-02\t03:04:05\tsomething\t203.0.113.7\tGET\t/a\t200\tid-1\tsid=hunter2\tmore\n";

        ParseReport report = parse(content.getBytes(StandardCharsets.UTF_8));

        assertThat(report.parsed()).isEqualTo(1);
        assertThat(records.get(0)).extracting(LogRecord::time, LogRecord::clientIp, LogRecord::path)
                .containsExactly("2024-01-02T03:04:05Z", "203.0.113.7", "/a");
    }

    @Test
    void lines_with_wrong_field_counts_are_reported_with_line_number_and_reason() throws Exception {
        List<String> lines = new ArrayList<>(text("awsdocs_2023_standard_log_example.log").lines().toList());
        String good = lines.get(2);
        lines.add(good + "\textra\tfields");
        lines.add(String.join("\t", Arrays.asList(good.split("\t")).subList(0, 6)));

        ParseReport report = parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        assertThat(report.parsed()).isEqualTo(6);
        assertThat(report.bad()).isEqualTo(2);
        assertThat(report.badLines()).extracting(BadLine::where).containsExactly("line 9", "line 10");
        assertThat(report.badLines().get(0).reason()).isEqualTo("has 35 fields, the #Fields header names 33");
        assertThat(report.badLines().get(1).reason()).isEqualTo("has 6 of 33 fields; x-edge-request-id is missing");
    }

    @Test
    void binary_junk_lines_are_bad_lines_and_good_lines_around_them_still_parse() throws Exception {
        List<String> lines = new ArrayList<>(text("scogs_CF_real_2016-08-15.log").lines().toList());
        lines.add(5, "\u0001\u0002\u00ff\u00fe\tGARBAGE\t\u0007\u0008");
        lines.add(8, "2016-08-15\t06:04:29\tSIN2\t5\tnot-an-ip\tGET\th\t/\t200\t-\t-\t-\t-\tHit\tid\th\thttps\t1\t0.1"
                + "\t-\t-\t-\tHit\tHTTP/1.1");

        ParseReport report = parse(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));

        assertThat(report.parsed()).isEqualTo(18);
        assertThat(report.badLines()).extracting(BadLine::where).containsExactly("line 6", "line 9");
        assertThat(report.badLines().get(0).reason()).startsWith("has 3 of 24 fields;");
        assertThat(report.badLines().get(1).reason()).isEqualTo("c-ip is not an IP address: 'not-an-ip'");
    }

    @Test
    void impossible_dates_and_times_are_bad_lines() throws Exception {
        String header = "#Fields: date time c-ip cs-method cs-uri-stem sc-status x-edge-request-id\n";
        String content = header + "2019-02-30\t10:00:00\t203.0.113.7\tGET\t/\t200\ta\n"
                + "2019-02-28\t24:00:00\t203.0.113.7\tGET\t/\t200\tb\n"
                + "2019-02-28\t23:59:59\t203.0.113.7\tGET\t/\t200\tc\n";

        ParseReport report = parse(content.getBytes(StandardCharsets.UTF_8));

        assertThat(report.parsed()).isEqualTo(1);
        assertThat(records.get(0).time()).isEqualTo("2019-02-28T23:59:59Z");
        assertThat(report.badLines()).containsExactly(
                new BadLine("line 2", "time is not a CloudFront timestamp: '2019-02-30 10:00:00'"),
                new BadLine("line 3", "time is not a CloudFront timestamp: '2019-02-28 24:00:00'"));
    }

    @Test
    void a_client_address_is_kept_in_its_canonical_spelling_and_an_ambiguous_one_is_a_bad_line() throws Exception {
        String header = "#Fields: date time c-ip cs-method cs-uri-stem sc-status x-edge-request-id\n";
        String content = header + "2019-02-28\t10:00:00\t2001:0db8:85a3:0:0:8a2e:0370:7334\tGET\t/\t200\ta\n"
                + "2019-02-28\t10:00:01\t::ffff:203.0.113.7\tGET\t/\t200\tb\n"
                + "2019-02-28\t10:00:02\t010.1.1.1\tGET\t/\t200\tc\n"
                + "2019-02-28\t10:00:03\tfe80::1%eth0\tGET\t/\t200\td\n";

        ParseReport report = parse(content.getBytes(StandardCharsets.UTF_8));

        assertThat(records).extracting(LogRecord::clientIp).containsExactly("2001:db8:85a3::8a2e:370:7334", "203.0.113.7");
        assertThat(report.badLines()).containsExactly(
                new BadLine("line 4", "c-ip is not an IP address: '010.1.1.1'"),
                new BadLine("line 5", "c-ip is not an IP address: 'fe80::1%eth0'"));
    }

    @Test
    void a_binary_object_is_not_a_log_file() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> parse(png)).isInstanceOf(NotALogFile.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> parse(Fixtures.gzip(png))).isInstanceOf(NotALogFile.class);
    }

    @Test
    void static_extensions_are_counted_as_skipped_and_masked_params_never_leave() throws Exception {
        String content = "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query sc-status x-edge-request-id"
                + " cs(Referer) cs(Cookie)\n"
                + "2024-01-02\t03:04:05\t203.0.113.7\tGET\t/style.CSS\t-\t200\tid-1\t-\tsid=abc\n"
                + "2024-01-02\t03:04:06\t203.0.113.7\tPOST\t/login\tuser=ann&PassWord=hunter2\t302\tid-2"
                + "\thttps://shop.example/login?password=hunter2&x=1\tsid=abc\n";

        ParseReport report = parser(List.of("css", "png"), List.of("password"))
                .parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), records::add);

        assertThat(report).isEqualTo(new ParseReport(1, 1, 0, List.of(), null));
        LogRecord login = records.get(0);
        assertThat(login.query()).isEqualTo("user=ann&PassWord=%2A%2A%2A");
        assertThat(login.referer()).isEqualTo("https://shop.example/login?password=%2A%2A%2A&x=1");
        String json = new ObjectMapper().writeValueAsString(login);
        assertThat(json).doesNotContain("hunter2").doesNotContain("sid=abc").contains("\"v\":1");
    }

    @Test
    void passive_queries_are_masked_by_the_edge_masking_defaults_and_operator_names() throws Exception {
        String content = "#Fields: date time c-ip cs-method cs-uri-stem cs-uri-query sc-status x-edge-request-id"
                + " cs(Referer)\n"
                + "2024-01-02\t03:04:06\t203.0.113.7\tGET\t/cb\tcode=SplxlOBeZQ&state=s1&user%255Bpassword%255D=hunter2"
                + "&ref=4111-1111-1111-1111&voucher=SAVE10&q=shoes\t302\tid-3"
                + "\thttps://idp.example/cb?access_token=ya29.tok&x=1\n";

        parser(List.of(), List.of("voucher")).parse(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                records::add);

        LogRecord callback = records.get(0);
        assertThat(callback.query()).isEqualTo("code=%2A%2A%2A&state=s1&user%5Bpassword%5D=%2A%2A%2A"
                + "&ref=%2A%2A%2A&voucher=%2A%2A%2A&q=shoes");
        assertThat(callback.referer()).isEqualTo("https://idp.example/cb?access_token=%2A%2A%2A&x=1");
        assertThat(new ObjectMapper().writeValueAsString(callback))
                .doesNotContain("SplxlOBeZQ", "hunter2", "4111", "SAVE10", "ya29.tok");
    }

    private static List<String> dataLines(String name) {
        return text(name).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).collect(Collectors.toList());
    }

    private static byte[] repeatedCloudFrontLog(int lines) {
        List<String> data = dataLines("awsdocs_2023_standard_log_example.log");
        StringBuilder out = new StringBuilder(text("awsdocs_2023_standard_log_example.log").lines().limit(2)
                .collect(Collectors.joining("\n", "", "\n")));
        for (int i = 0; i < lines; i++) {
            out.append(data.get(i % data.size())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
