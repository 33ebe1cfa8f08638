package io.edgeward.inspector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the inspector can reach the application origin: the one failure that makes it unhealthy
 * (docs/inline.md "Health"). Any HTTP answer counts as reachable, even a 500: the application's own health is the
 * application pool's monitor's business, and an inspector marked down for it would only move the same failure to
 * the fallback. A refused connection or a timeout counts as unreachable: the inspector would answer 502 to every
 * request, while the fallback (the application directly) may well work.
 *
 * <p>Protector and ingest are deliberately not probed: the policy fails open per request within its budget when
 * Protector is slow or down, and still enforces what it already knows (blocks carried in cookies); taking the
 * inspector out of line for it would drop that enforcement and the log shipping with it.
 *
 * <p>A probe's result stands for {@code cacheFor}, so load balancer and CDN monitors (Cloudflare probes from many
 * regions) cost the application one probe per period, and concurrent checks wait for one probe.
 */
final class OriginHealth {

    private final URI probe;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private final HttpClient client;
    private Instant checkedAt;
    private boolean reachable;

    OriginHealth(URI origin, String path, Duration timeout, Duration cacheFor, Clock clock) {
        String base = origin.toString();
        this.probe = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    synchronized boolean reachable() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(cacheFor))) {
            reachable = probe();
            checkedAt = clock.instant();
        }
        return reachable;
    }

    private boolean probe() {
        try {
            client.send(HttpRequest.newBuilder(probe).timeout(timeout).GET()
                    .header("User-Agent", "edgeward-inspector-health").build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
