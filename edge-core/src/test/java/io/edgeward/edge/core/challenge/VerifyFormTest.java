package io.edgeward.edge.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeward.edge.core.event.CfHeaders;
import io.edgeward.edge.core.event.CfRequest;
import io.edgeward.edge.core.event.RequestBody;
import io.edgeward.edge.core.testing.TestPorts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class VerifyFormTest {

    @Test
    void reads_the_pages_form_post() {
        VerifyForm form = read("application/x-www-form-urlencoded", "token=a.b.c&answer=12345", false);

        assertThat(form).isEqualTo(new VerifyForm("a.b.c", "12345", false));
    }

    @Test
    void a_widgets_own_response_field_stands_in_for_the_answer() {
        VerifyForm form = read("application/x-www-form-urlencoded",
                "token=a.b.c&answer=&h-captcha-response=P1_ab%2Bc", false);

        assertThat(form.answer()).isEqualTo("P1_ab+c");
    }

    @Test
    void reads_json_from_single_page_applications() {
        VerifyForm form = read("application/json", "{\"token\":\"a.b.c\",\"answer\":\"99\"}", false);

        assertThat(form).isEqualTo(new VerifyForm("a.b.c", "99", true));
    }

    @Test
    void missing_fields_a_truncated_body_or_garbage_are_unreadable_with_a_reason() {
        assertReason("application/x-www-form-urlencoded", "answer=1", false, "no_token");
        assertReason("application/x-www-form-urlencoded", "token=a.b.c", false, "no_answer");
        assertReason("application/x-www-form-urlencoded", "token=a.b.c&answer=1", true, "body_too_large");
        assertReason("application/json", "{not json", false, "body_not_json");
        assertThatThrownBy(() -> VerifyForm.read(new CfRequest("1.2.3.4", "POST", "/", "", CfHeaders.empty(), null,
                null), TestPorts.json())).hasMessage("no_body");
    }

    private static void assertReason(String type, String body, boolean truncated, String reason) {
        assertThatThrownBy(() -> read(type, body, truncated)).isInstanceOf(VerifyForm.Unreadable.class)
                .hasMessage(reason);
    }

    private static VerifyForm read(String contentType, String body, boolean truncated) {
        String data = Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8));
        CfRequest request = new CfRequest("1.2.3.4", "POST", ChallengeRelay.VERIFY_PATH, "",
                CfHeaders.empty().with("Content-Type", contentType),
                new RequestBody(truncated, "read-only", "base64", data), null);
        return VerifyForm.read(request, TestPorts.json());
    }
}
