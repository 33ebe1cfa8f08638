package io.edgeward.protector.challenge;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark, not a test: Protector's CPU cost to issue a challenge and to verify a proof-of-work answer (signature,
 * expiry, binding, single use, one SHA-256), single thread, after warm-up. Answers are solved beforehand at a low
 * difficulty, since the server's cost does not depend on it. Run (docs/benchmarks/challenges.md):
 * {@code java -cp "$(cat protector-api/target/test-classpath.txt):protector-api/target/test-classes:protector-api/target/classes"
 * io.edgeward.protector.challenge.ChallengeVerifyBench 200000}
 */
public final class ChallengeVerifyBench {

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        ChallengeService service = new ChallengeService(ChallengeSettings.pow(ChallengeServiceTest.KEY, 4)
                .withTtl(Duration.ofHours(1)), Clock.systemUTC(), null);
        for (int round = 0; round < 3; round++) {
            List<VerifyRequest> answers = new ArrayList<>(count);
            long issueStart = System.nanoTime();
            List<ChallengeOffer> offers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                offers.add(service.issue("session-" + i, ChallengeServiceTest.UA, "203.0.113.7", "/products/7", "q=a"));
            }
            long issueNanos = System.nanoTime() - issueStart;
            for (int i = 0; i < count; i++) {
                answers.add(ChallengeServiceTest.answer(offers.get(i), "session-" + i, ChallengeServiceTest.UA,
                        "203.0.113.7"));
            }
            long passed = 0;
            long verifyStart = System.nanoTime();
            for (VerifyRequest answer : answers) {
                if (service.verify(answer) instanceof VerifyOutcome.Passed) {
                    passed++;
                }
            }
            long verifyNanos = System.nanoTime() - verifyStart;
            long replayStart = System.nanoTime();
            for (VerifyRequest answer : answers) {
                service.verify(answer); // replayed: rejected, and a fresh challenge is issued
            }
            long replayNanos = System.nanoTime() - replayStart;
            System.out.printf("round %d: issue %.2f us/op, verify (passed %d/%d) %.2f us/op, replay rejected "
                    + "(incl. fresh challenge) %.2f us/op%n", round, issueNanos / 1000.0 / count, passed, count,
                    verifyNanos / 1000.0 / count, replayNanos / 1000.0 / count);
            service.purgeExpired();
        }
    }
}
