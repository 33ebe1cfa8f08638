package io.edgeward.local.front;

import io.edgeward.emulator.EdgeRequest;
import io.edgeward.emulator.EdgeResponse;
import io.edgeward.emulator.EventHeaders;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The failover rules of a CloudFront origin group, with the two origins as recorders answering a fixed status. */
class OriginGroupTest {

    private static final String SECRET_HEADER = "x-edgeward-origin-secret";
    private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t";

    @Test
    void failover_statuses_of_a_get_are_answered_by_the_secondary() {
        for (int status : new int[] {500, 502, 503, 504}) {
            Recorder primary = new Recorder(status);
            Recorder secondary = new Recorder(200);

            EdgeResponse response = group(primary, secondary).forward(request("GET"), "1.1 via");

            assertThat(response.status()).as("primary answered %d", status).isEqualTo(200);
            assertThat(primary.seen).hasSize(1);
            assertThat(secondary.seen).hasSize(1);
        }
    }

    @Test
    void other_statuses_are_the_primarys_answer() {
        for (int status : new int[] {200, 302, 403, 404, 501}) {
            Recorder secondary = new Recorder(200);

            EdgeResponse response = group(new Recorder(status), secondary).forward(request("HEAD"), "1.1 via");

            assertThat(response.status()).isEqualTo(status);
            assertThat(secondary.seen).isEmpty();
        }
    }

    @Test
    void writes_are_not_retried_on_the_secondary() {
        Recorder secondary = new Recorder(200);

        EdgeResponse response = group(new Recorder(502), secondary).forward(request("POST"), "1.1 via");

        assertThat(response.status()).isEqualTo(502);
        assertThat(secondary.seen).isEmpty();
    }

    @Test
    void only_the_primary_gets_the_origin_secret_and_the_viewer_address() {
        Recorder primary = new Recorder(503);
        Recorder secondary = new Recorder(200);

        group(primary, secondary).forward(request("GET").withEdits("/", "", EventHeaders.empty()
                .with(SECRET_HEADER, "guessed-by-the-viewer"), new byte[0]), "1.1 via");

        EventHeaders toPrimary = primary.seen.get(0).headers();
        assertThat(toPrimary.all(SECRET_HEADER)).extracting(EventHeaders.Header::value).containsExactly(SECRET);
        assertThat(toPrimary.first("cloudfront-viewer-address")).hasValue("2001:db8::7:0");
        EventHeaders toSecondary = secondary.seen.get(0).headers();
        assertThat(toSecondary.first(SECRET_HEADER)).hasValue("guessed-by-the-viewer");
        assertThat(toSecondary.contains("cloudfront-viewer-address")).isFalse();
    }

    private static OriginGroup group(Origin primary, Origin secondary) {
        return new OriginGroup(primary, secondary, SECRET_HEADER, SECRET);
    }

    private static EdgeRequest request(String method) {
        return new EdgeRequest("req-1", "2001:db8::7", method, "/", "", EventHeaders.empty(), new byte[0]);
    }

    private static final class Recorder implements Origin {
        private final int status;
        private final List<EdgeRequest> seen = new CopyOnWriteArrayList<>();

        Recorder(int status) {
            this.status = status;
        }

        @Override
        public EdgeResponse forward(EdgeRequest request, String via) {
            seen.add(request);
            return EdgeResponse.text(status, "", "answer\n");
        }
    }
}
