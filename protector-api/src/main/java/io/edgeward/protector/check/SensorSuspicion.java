package io.edgeward.protector.check;

import io.edgeward.protector.decision.Action;
import io.edgeward.protector.signals.SignalSettings;
import io.edgeward.protector.signals.SignalSettings.OnAutomation;

/**
 * The answer for a session the edge sends as suspect by the browser sensor's claims (docs/browser-signals.md
 * "Policy"): {@code missing} (HTML pages without a sensor report) is challenged, never blocked, since a visitor whose
 * script was blocked by an extension looks the same; {@code automation} (the session's verdict) is challenged or
 * blocked by {@link SignalSettings#onAutomation()}: with {@code challenge-then-block}, a session that already passed a
 * challenge (and was found to be automation again after it, or the edge would not send it) is blocked. A sensor
 * block is scoped to the session and carried until {@code blockFor}.
 */
final class SensorSuspicion {

    static final String AUTOMATION = "automation";
    static final String MISSING = "missing";

    private SensorSuspicion() {
    }

    /** Null when the request is not suspect (or names a suspicion this Protector does not know). */
    static CheckResult answer(CheckRequest request, SignalSettings settings, long now) {
        String suspect = request.sensorSuspect();
        if (MISSING.equals(suspect)) {
            return new CheckResult(Action.CHALLENGE, 0, "sensor.missing", null, CheckResult.Basis.REQUEST_RULE);
        }
        if (!AUTOMATION.equals(suspect)) {
            return null;
        }
        String reason = "sensor.automation" + (request.sensorVerdict() == null ? "" : ":" + request.sensorVerdict());
        boolean block = settings.onAutomation() == OnAutomation.BLOCK
                || (settings.onAutomation() == OnAutomation.CHALLENGE_THEN_BLOCK && request.hasPassedChallenge());
        if (block) {
            return new CheckResult(Action.BLOCK, 0, reason, null, CheckResult.Basis.REQUEST_RULE, "session",
                    now + settings.blockFor().toSeconds());
        }
        return new CheckResult(Action.CHALLENGE, 0, reason, null, CheckResult.Basis.REQUEST_RULE);
    }
}
