package io.edgeward.console.figures;

import static io.edgeward.console.figures.FiguresDriver.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeFiguresTest {

    @TempDir
    Path state;

    @Test
    void challenge_outcomes_per_provider_with_failure_reasons_and_solve_percentiles() {
        try (FiguresDriver f = new FiguresDriver(state)) {
            for (int i = 1; i <= 10; i++) {
                f.challenge(NOW.minusSeconds(100 + i), "issued", "pow", null, null, "s" + i, null);
                f.challenge(NOW.minusSeconds(50 + i), "passed", "pow", null, i * 1000L, "s" + i, null);
            }
            f.challenge(NOW.minusSeconds(40), "failed", "pow", "wrong_answer", null, "s11", null);
            f.challenge(NOW.minusSeconds(39), "failed", "pow", "wrong_answer", null, "s11", null);
            f.challenge(NOW.minusSeconds(38), "failed", "pow", "expired", null, "s12", null);
            f.challenge(NOW.minusSeconds(37), "blocked", "pow", "ip", null, null, "203.0.113.7");
            f.challenge(NOW.minusSeconds(36), "limited", "pow", "address", null, null, "203.0.113.7");
            for (int i = 0; i < 12; i++) {
                f.challenge(NOW.minusSeconds(30), "issued", "turnstile", null, null, "t" + i, null);
            }
            f.challenge(NOW.minus(Duration.ofHours(3)), "issued", "hcaptcha", null, null, "h", null);
            f.flush();

            ChallengeStats hour = f.figures.challenges(Period.HOUR);
            assertThat(hour.period()).isEqualTo(Period.HOUR);
            assertThat(hour.providers()).extracting(ProviderStats::provider).containsExactly("turnstile", "pow");
            ProviderStats pow = hour.providers().get(1);
            assertThat(pow.issued()).isEqualTo(10);
            assertThat(pow.passed()).isEqualTo(10);
            assertThat(pow.failed()).isEqualTo(3);
            assertThat(pow.blocked()).isEqualTo(1);
            assertThat(pow.limited()).isEqualTo(1);
            assertThat(pow.failureReasons()).containsOnly(java.util.Map.entry("wrong_answer", 2L),
                    java.util.Map.entry("expired", 1L));
            // nearest rank of 1..10 s: the 5th and the 9th; buckets hold them to within 1.6 %
            assertThat(pow.solveMillisP50()).isCloseTo(5000L, within(80L));
            assertThat(pow.solveMillisP90()).isCloseTo(9000L, within(144L));
            assertThat(hour.providers().get(0).solveMillisP50()).isNull();

            assertThat(f.figures.challenges(Period.DAY).providers()).extracting(ProviderStats::provider)
                    .containsExactly("turnstile", "pow", "hcaptcha");
        }
    }

    @Test
    void without_a_challenges_topic_the_figures_answer_and_challenges_are_empty() {
        try (FiguresDriver f = new FiguresDriver(state, "")) {
            f.log(NOW.minusSeconds(5), "203.0.113.7");
            f.flush();

            assertThat(f.figures.challenges(Period.DAY).providers()).isEmpty();
            assertThat(f.figures.overview(Period.HOUR).requests()).isEqualTo(1);
            assertThat(f.figures.explain(new ExplainKey(ExplainKey.Kind.ADDRESS, "203.0.113.7")).challenges())
                    .isEmpty();
        }
    }
}
