package io.edgeward.edge.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnsweredOnceTest {

    private final List<EdgeResult> results = new ArrayList<>();

    private AnsweredOnce answer() {
        return new AnsweredOnce("relay fault: ", (status, body) -> new EdgeResult.Passthrough("status " + status),
                failure -> new EdgeResult.Passthrough("failed: " + failure), results::add);
    }

    @Test
    void a_port_that_answers_then_fails_is_heard_once() {
        AnsweredOnce answer = answer();

        answer.onResponse(200, "{}");
        answer.onFailure("timeout");
        answer.onResponse(500, "");

        assertThat(results).containsExactly(new EdgeResult.Passthrough("status 200"));
    }

    @Test
    void a_failure_without_a_reason_is_named_failure() {
        answer().onFailure(null);

        assertThat(results).containsExactly(new EdgeResult.Passthrough("failed: failure"));
    }

    @Test
    void a_fault_turning_the_answer_into_a_result_lets_the_request_through_and_says_why() {
        new AnsweredOnce("relay fault: ", (status, body) -> {
            throw new IllegalStateException("malformed answer");
        }, failure -> null, results::add).onResponse(200, "not json");

        assertThat(results).singleElement().isInstanceOfSatisfying(EdgeResult.Passthrough.class,
                pass -> assertThat(pass.reason()).startsWith("relay fault: ").contains("malformed answer"));
    }
}
