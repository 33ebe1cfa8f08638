package io.edgeward.local.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One scenario's run: creates its visitors (and keeps them for the report) and paces its bots. */
final class Plan {

    private final HttpClient http;
    private final URI front;
    private final Duration pace;
    private final int botRequests;
    private final List<SimulatedVisitor> visitors = Collections.synchronizedList(new ArrayList<>());

    Plan(HttpClient http, URI front, Duration pace, int botRequests) {
        this.http = http;
        this.front = front;
        this.pace = pace;
        this.botRequests = botRequests;
    }

    SimulatedVisitor visitor(String ip, String userAgent, boolean keepsCookies, boolean browserHeaders) {
        SimulatedVisitor v = new SimulatedVisitor(http, front, ip, userAgent, keepsCookies, browserHeaders);
        visitors.add(v);
        return v;
    }

    int botRequests() {
        return botRequests;
    }

    /** Waits between a bot's requests: traffic pacing, so detection can catch the bot mid-run. */
    void pace() {
        if (pace.isZero()) {
            return;
        }
        try {
            Thread.sleep(pace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<SimulatedVisitor> visitors() {
        synchronized (visitors) {
            return List.copyOf(visitors);
        }
    }
}
