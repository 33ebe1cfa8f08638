package io.edgeward.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeward.edge.core.challenge.ChallengeOffer;
import io.edgeward.edge.core.challenge.ChallengePage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** The simulator reads challenges from the edge's own page renderer and solves them as the page's worker does. */
class ProofOfWorkTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJhYmMifQ.c2lnbmF0dXJl";

    @Test
    void reads_the_offer_from_the_edge_challenge_page() {
        String page = ChallengePage.defaults().render(new ChallengeOffer(TOKEN, "pow", 14, null), "/products/3",
                "req-1", false);

        assertThat(ProofOfWork.offer(page)).contains(new ProofOfWork.Offer(TOKEN, 14));
    }

    @Test
    void reads_the_offer_from_the_json_envelope_and_nothing_from_other_answers() {
        String json = "{\"action\":\"challenge\",\"challenge\":{\"token\":\"" + TOKEN
                + "\",\"provider\":\"pow\",\"difficulty\":12}}";

        assertThat(ProofOfWork.offer(json)).contains(new ProofOfWork.Offer(TOKEN, 12));
        assertThat(ProofOfWork.offer("{\"action\":\"block\"}")).isEmpty();
        assertThat(ProofOfWork.offer("<html>blocked</html>")).isEmpty();
        assertThat(ProofOfWork.offer("")).isEmpty();
    }

    @Test
    void a_solved_nonce_has_the_leading_zero_bits_asked_for() throws Exception {
        long nonce = ProofOfWork.solve(new ProofOfWork.Offer(TOKEN, 12));

        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((TOKEN + ":" + nonce).getBytes(StandardCharsets.UTF_8));
        assertThat(ProofOfWork.leadingZeroBits(hash)).isGreaterThanOrEqualTo(12);
        assertThat(ProofOfWork.leadingZeroBits(new byte[] {0, 0x10, 0})).isEqualTo(11);
    }
}
