package io.edgeward.edge.core.mark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestMarkTest {

    @Test
    void formats_the_contract_shape() {
        String header = RequestMark.format("allow", "valid", "mitigate", "AbC-_9", null, null);

        assertThat(header).isEqualTo("1|allow|valid|mitigate|AbC-_9|-|-");
    }

    @Test
    void reason_is_url_encoded_and_round_trips() {
        String reason = "automation UA | curl/7.64 100% ünïcode";
        String header = RequestMark.format("challenge", "none", "mitigate", null, "d-42", reason);

        assertThat(header).doesNotContain(" ").endsWith("|d-42|automation%20UA%20%7C%20curl%2F7.64%20100%25%20%C3%BCn%C3%AFcode");
        assertThat(RequestMark.parse(header))
                .isEqualTo(new RequestMark("challenge", "none", "mitigate", null, "d-42", reason));
    }

    @Test
    void every_field_round_trips_including_a_literal_dash() {
        RequestMark mark = new RequestMark("block", "tampered", "inject", "-", "id|with|pipes", "-");

        assertThat(RequestMark.parse(mark.format())).isEqualTo(mark);
    }

    @Test
    void absent_fields_read_back_as_null() {
        RequestMark mark = RequestMark.parse("1|monitor|none|monitor|-|-|-");

        assertThat(mark.sessionId()).isNull();
        assertThat(mark.decisionId()).isNull();
        assertThat(mark.reason()).isNull();
    }

    @Test
    void wrong_field_count_is_rejected_with_the_count() {
        assertThatThrownBy(() -> RequestMark.parse("1|allow|valid|mitigate"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 4 fields");
        assertThatThrownBy(() -> RequestMark.parse("1|allow|valid|mitigate|-|-|-|extra"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 8 fields");
        assertThatThrownBy(() -> RequestMark.parse("1|allow|valid|mitigate|-|-|-|1|2|h|extra"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 10");
    }

    @Test
    void session_facts_and_header_names_round_trip_in_three_optional_fields() {
        RequestMark mark = new RequestMark("allow", "stale", "mitigate", "sid1", null, null, 1_795_000_000L, 3,
                "host,user-agent,accept,x-odd|name");

        String header = mark.format();
        RequestMark back = RequestMark.parse(header);

        assertThat(header).startsWith("1|allow|stale|mitigate|sid1|-|-|1795000000|3|host%2Cuser-agent");
        assertThat(back).isEqualTo(mark);
    }

    @Test
    void a_mark_without_session_facts_keeps_the_seven_fields_of_before() {
        assertThat(new RequestMark("allow", "none", "mitigate", null, null, null).format())
                .isEqualTo("1|allow|none|mitigate|-|-|-");
    }

    @Test
    void unreadable_optional_numbers_are_left_out_not_fatal() {
        RequestMark mark = RequestMark.parse("1|allow|valid|mitigate|s|-|-|12x|-9|-");

        assertThat(mark.sessionIssuedAt()).isNull();
        assertThat(mark.challengePasses()).isNull();
        assertThat(mark.headerNames()).isNull();
        assertThat(mark.sessionId()).isEqualTo("s");
    }

    @Test
    void unknown_version_is_rejected_naming_it() {
        assertThatThrownBy(() -> RequestMark.parse("2|allow|valid|mitigate|-|-|-"))
                .hasMessage("mark version must be 1, was 2");
    }

    @Test
    void tokens_with_separators_cannot_be_formatted() {
        assertThatThrownBy(() -> RequestMark.format("allow|block", "valid", "mitigate", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
        assertThatThrownBy(() -> RequestMark.format("allow", "", "mitigate", null, null, null))
                .hasMessageContaining("cookieState must not be empty");
    }

    @Test
    void parse_or_null_answers_null_for_garbage_and_absence() {
        assertThat(RequestMark.parseOrNull(null)).isNull();
        assertThat(RequestMark.parseOrNull("")).isNull();
        assertThat(RequestMark.parseOrNull("1|||||||")).isNull();
        assertThat(RequestMark.parseOrNull("1|allow|valid|mitigate|%zz|-|-").sessionId()).isEqualTo("%zz");
    }

    @Test
    void percent_decoding_keeps_malformed_escapes_and_handles_plus() {
        assertThat(PercentEncoding.decode("a%2", false)).isEqualTo("a%2");
        assertThat(PercentEncoding.decode("a+b%20c", true)).isEqualTo("a b c");
        assertThat(PercentEncoding.decode("a+b", false)).isEqualTo("a+b");
        assertThat(PercentEncoding.decode("%F0%9F%98%80x😀", false)).isEqualTo("😀x😀");
    }
}
