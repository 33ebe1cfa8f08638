package io.edgeward.detection.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class LogRecordSerdeTest {

    private final LogRecordSerde serde = new LogRecordSerde();

    private LogRecord read(String json) {
        return serde.deserializer().deserialize("edgeward.logs", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reads_the_contract_example() {
        LogRecord r = read("""
                {"v":1,"time":"2026-11-23T13:40:43.123Z","requestId":"4Tyz","source":"edge",
                 "clientIp":"203.0.113.7","method":"GET","host":"shop.example","path":"/products/7",
                 "query":"q=shoes&password=%2A%2A%2A","status":200,"bytes":5120,"contentType":"text/html",
                 "userAgent":"Mozilla/5.0","referer":"https://shop.example/","accept":"text/html","acceptLanguage":"de",
                 "sessionId":"AbC","cookieState":"valid","action":"allow","reason":null,"mode":"mitigate",
                 "decisionId":null,"edgeLocation":"FRA56-C1","country":"DE","ja3":"x","ja4":"t13d","asn":null,
                 "timeTakenMs":null}""");

        assertThat(r).isEqualTo(new LogRecord(1, "203.0.113.7", "GET", "/products/7", 200, "Mozilla/5.0", "de",
                "AbC", "valid", "allow", null, "t13d", "text/html", "DE", null, null, null, null, null, "edge", null));
    }

    @Test
    void reads_the_optional_fields_of_the_second_wave() {
        LogRecord r = read("""
                {"clientIp":"203.0.113.7","method":"GET","path":"/login","rawPath":"/login;.css","status":200,
                 "headerNames":"host,user-agent,accept","challengePasses":2,"sessionIssuedAt":1795000000,
                 "asn":16509}""");

        assertThat(r.rawPath()).isEqualTo("/login;.css");
        assertThat(r.headerNames()).isEqualTo("host,user-agent,accept");
        assertThat(r.challengePasses()).isEqualTo(2);
        assertThat(r.sessionIssuedAt()).isEqualTo(1_795_000_000L);
        assertThat(r.asn()).isEqualTo("16509");
    }

    @Test
    void skips_unknown_and_nested_fields_and_accepts_a_quoted_status() {
        LogRecord r = read("{\"extra\":{\"a\":[1,2]},\"clientIp\":\"198.51.100.1\",\"method\":\"GET\","
                + "\"path\":\"/\",\"status\":\"404\",\"list\":[{\"x\":1}]}");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isUsable()).isTrue();
    }

    @Test
    void a_record_missing_required_fields_is_not_usable() {
        assertThat(read("{\"clientIp\":\"198.51.100.1\",\"path\":\"/\"}").isUsable()).isFalse();
    }

    @Test
    void invalid_json_is_a_serialization_error() {
        assertThatThrownBy(() -> read("{\"clientIp\":")).isInstanceOf(SerializationException.class)
                .hasMessageContaining("edgeward.logs");
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(SerializationException.class)
                .hasMessageContaining("not a JSON object");
    }
}
