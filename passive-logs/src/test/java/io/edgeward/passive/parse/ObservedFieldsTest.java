package io.edgeward.passive.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.logrecord.Masking;
import io.edgeward.passive.Fixtures;
import io.edgeward.passive.record.LogRecord;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every passive record says which optional fields its source can see, whether this request had them or not. */
class ObservedFieldsTest {

    private final CloudFrontRecordMapper mapper = new CloudFrontRecordMapper(Masking.of(List.of(), List.of()));

    private List<LogRecord> standard(String fixture) throws NotALogFile {
        List<LogRecord> records = new ArrayList<>();
        new StandardLogParser(mapper, new StaticExtensions(List.of()))
                .parse(new ByteArrayInputStream(Fixtures.read(Fixtures.cloudfront(fixture))), records::add);
        return records;
    }

    @Test
    void a_standard_log_observes_the_user_agent_and_referer_and_no_other_header() throws Exception {
        assertThat(standard("awsdocs_2023_standard_log_example.log")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.observed()).isEqualTo("userAgent,referer"));
        assertThat(standard("scogs_CF_real_2016-08-15.log")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.observed()).isEqualTo("userAgent,referer"));
    }

    @Test
    void a_real_time_log_with_cs_headers_observes_accept_language_even_on_a_request_without_one() throws Exception {
        List<LogRecord> records = standard("claygregory_kinesis-1-0.txt");

        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.observed())
                .contains("userAgent", "accept", "acceptLanguage", "country"));
    }

    @Test
    void a_v2_json_record_observes_only_the_fields_it_carries() throws Exception {
        String json = "{\"timestamp(ms)\":\"1731699951183\",\"c-ip\":\"203.0.113.9\",\"cs-method\":\"GET\","
                + "\"cs-uri-stem\":\"/\",\"sc-status\":\"200\",\"x-edge-request-id\":\"r1\","
                + "\"cs(User-Agent)\":\"Mozilla/5.0\",\"c-country\":\"DE\"}";
        List<LogRecord> records = new ArrayList<>();
        new StandardLogParser(mapper, new StaticExtensions(List.of()))
                .parse(new ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), records::add);

        assertThat(records).singleElement().satisfies(r -> assertThat(r.observed()).isEqualTo("userAgent,country"));
    }

    @Test
    void a_combined_access_log_line_observes_user_agent_and_referer_a_common_line_nothing() {
        ApacheLogParser parser = new ApacheLogParser(Masking.of(List.of(), List.of()), new StaticExtensions(List.of()));
        LineOutcome combined = parser.parseLine("203.0.113.9 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200"
                + " 512 \"-\" \"-\"", "f", 1);
        LineOutcome common = parser.parseLine("203.0.113.9 - - [17/May/2015:10:05:03 +0000] \"GET /a HTTP/1.1\" 200"
                + " 512", "f", 2);

        assertThat(((LineOutcome.Parsed) combined).record().observed()).isEqualTo("userAgent,referer");
        assertThat(((LineOutcome.Parsed) common).record().observed()).isEmpty();
        assertThat(((LineOutcome.Parsed) common).record().userAgent()).isNull();
    }
}
