package io.edgeward.local.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Random;

/**
 * What one adversary class's clients share: the front, the admin API (null without a token), the class's
 * {@link Timeline} and the run's deadline. Every client of the simulation's adversary set runs until the deadline.
 */
final class AdversaryRun {

    /** A common current Chrome on Windows: the attackers and the people of the adversary set all send it. */
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/142.0.0.0 Safari/537.36";
    /** The address some people share with the session-holding bots (a carrier-grade NAT, an office). */
    static final String NAT = "192.0.2.99";

    private static final int[] PUBLIC_FIRST_OCTETS = {23, 31, 37, 45, 51, 62, 77, 81, 89, 91, 103, 109, 141, 151,
        176, 185, 188, 193, 212, 217};

    private final HttpClient http;
    private final URI front;
    private final AdminApi admin;
    private final Timeline timeline;
    private final long deadlineNanos;

    AdversaryRun(HttpClient http, URI front, AdminApi admin, Timeline timeline, long deadlineNanos) {
        this.http = http;
        this.front = front;
        this.admin = admin;
        this.timeline = timeline;
        this.deadlineNanos = deadlineNanos;
    }

    /** A client with the common Chrome user agent and browser headers at a fixed address. */
    SimulatedVisitor visitor(String ip, boolean keepsCookies) {
        return new SimulatedVisitor(http, front, () -> ip, CHROME, keepsCookies, true, timeline);
    }

    /** A cookieless client with the common Chrome user agent and a new address on every request. */
    SimulatedVisitor rotating(Random random) {
        return new SimulatedVisitor(http, front, () -> randomAddress(random), CHROME, false, true, timeline);
    }

    AdminApi admin() {
        return admin;
    }

    Timeline timeline() {
        return timeline;
    }

    boolean running() {
        return System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted();
    }

    /** Waits, but never past the deadline. */
    void pause(Duration duration) {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        long millis = Math.min(duration.toMillis(), Math.max(0, left));
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A public-looking address, never one the fixed clients use (10/8, 100.64/10, 192.0.2/24, 198.51.100/24, 203.0.113/24). */
    static String randomAddress(Random random) {
        synchronized (random) {
            return PUBLIC_FIRST_OCTETS[random.nextInt(PUBLIC_FIRST_OCTETS.length)] + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + "." + (1 + random.nextInt(254));
        }
    }
}
