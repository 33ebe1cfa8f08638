package io.edgeward.protector.challenge;

/**
 * How the proof-of-work difficulty rises with the challenges a session has already passed (its {@code challengePasses},
 * cookie claim {@code cpn}): {@code min(max, base + step * passes)} leading zero bits. Each bit doubles the expected
 * work, so with the default step of 2 a session pays four times more for each challenge after the first. A visitor who
 * solves once and behaves is not challenged again; a bot that keeps being challenged pays more each time, up to max.
 *
 * @param step bits added per challenge already passed (default 2; 0 turns the ramp off; 0..8)
 * @param max  the most bits ever asked (default 24; base..32)
 */
public record PowRamp(int step, int max) {

    public static final PowRamp DEFAULT = new PowRamp(2, 24);

    public PowRamp {
        if (step < 0 || step > 8) {
            throw new IllegalArgumentException("challenge.difficultyStep must be 0..8, was " + step);
        }
        if (max < 1 || max > 32) {
            throw new IllegalArgumentException("challenge.maxDifficulty must be 1..32, was " + max);
        }
    }

    /** The difficulty for a session that passed {@code passes} challenges (negative counts as none). */
    public int difficulty(int base, int passes) {
        long raised = (long) base + (long) step * Math.max(0, passes);
        return (int) Math.max(base, Math.min(max, raised));
    }
}
