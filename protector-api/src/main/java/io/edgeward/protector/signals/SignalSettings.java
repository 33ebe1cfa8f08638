package io.edgeward.protector.signals;

import java.time.Duration;
import java.util.Locale;

/**
 * How browser sensor reports are scored and what a suspect session gets (docs/browser-signals.md "Settings").
 *
 * @param onAutomation      what a session whose verdict is automation gets at its next check:
 *                          {@code challenge-then-block} (default: a challenge; a block once it passed one and was
 *                          found to be automation again), {@code challenge} or {@code block}
 *                          ({@code EDGEWARD_SIGNALS_ON_AUTOMATION})
 * @param quietReports      reports in a row without any input after which the verdict is automation (default 5,
 *                          1 to 100; {@code EDGEWARD_SIGNALS_QUIET_REPORTS})
 * @param humanTtl          how long a human verdict holds (default PT30M; {@code EDGEWARD_SIGNALS_HUMAN_TTL})
 * @param automationTtl     how long an automation verdict holds (default PT30M;
 *                          {@code EDGEWARD_SIGNALS_AUTOMATION_TTL})
 * @param exemptTtl         how long an exempt verdict holds (default PT1H; {@code EDGEWARD_SIGNALS_EXEMPT_TTL})
 * @param blockFor          how long a sensor block is carried by the session (default PT1H;
 *                          {@code EDGEWARD_SIGNALS_BLOCK_FOR}); the edge carries it at most {@code blocks.carryMax}
 *                          and then asks again
 * @param spentNonceLimit   sensor nonces remembered as spent on this instance (default 200,000;
 *                          {@code EDGEWARD_SIGNALS_SPENT_NONCE_LIMIT})
 */
public record SignalSettings(OnAutomation onAutomation, int quietReports, Duration humanTtl, Duration automationTtl,
                             Duration exemptTtl, Duration blockFor, int spentNonceLimit) {

    public enum OnAutomation {
        CHALLENGE_THEN_BLOCK, CHALLENGE, BLOCK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static OnAutomation parse(String text) {
            for (OnAutomation value : values()) {
                if (value.wireName().equals(text)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("signals.onAutomation must be challenge-then-block, challenge or block, "
                    + "was " + text);
        }
    }

    public SignalSettings {
        if (onAutomation == null) {
            throw new IllegalArgumentException("signals.onAutomation is required");
        }
        if (quietReports < 1 || quietReports > 100) {
            throw new IllegalArgumentException("signals.quietReports must be between 1 and 100, was " + quietReports);
        }
        positive(humanTtl, "signals.humanTtl");
        positive(automationTtl, "signals.automationTtl");
        positive(exemptTtl, "signals.exemptTtl");
        positive(blockFor, "signals.blockFor");
        if (spentNonceLimit < 1) {
            throw new IllegalArgumentException("signals.spentNonceLimit must be >= 1, was " + spentNonceLimit);
        }
    }

    public static SignalSettings defaults() {
        return new SignalSettings(OnAutomation.CHALLENGE_THEN_BLOCK, 5, Duration.ofMinutes(30), Duration.ofMinutes(30),
                Duration.ofHours(1), Duration.ofHours(1), 200_000);
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
