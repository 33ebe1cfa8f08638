package io.edgeward.local.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cookieless requests from a new address each, with the common Chrome user agent, at a target rate with a bound on
 * requests in flight and in total: the traffic that makes every request a Protector check. Each answer goes to the
 * flood's {@link Timeline}.
 */
final class Flooder implements Runnable {

    private final HttpClient http;
    private final String front;
    private final int ratePerSecond;
    private final Semaphore inFlight;
    private final int maxRequests;
    private final Timeline timeline;
    private final Random random;
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean on;

    Flooder(HttpClient http, URI front, int ratePerSecond, int concurrency, int maxRequests, Timeline timeline,
            Random random) {
        this.http = http;
        this.front = front.toString().replaceAll("/$", "");
        this.ratePerSecond = ratePerSecond;
        this.inFlight = new Semaphore(concurrency);
        this.maxRequests = maxRequests;
        this.timeline = timeline;
        this.random = random;
    }

    void on(boolean on) {
        this.on = on;
    }

    int sent() {
        return sent.get();
    }

    /** Sends while switched on, until interrupted or {@code maxRequests} have gone out. */
    @Override
    public void run() {
        long interval = 1_000_000_000L / ratePerSecond;
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted() && sent.get() < maxRequests) {
            if (!on) {
                sleepNanos(20_000_000L);
                next = System.nanoTime();
                continue;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
            next += interval;
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sent.incrementAndGet();
            http.sendAsync(request(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                if (failure != null) {
                    timeline.record(Timeline.Kind.PAGE, 0, null);
                } else {
                    timeline.record(Timeline.Kind.PAGE, response.statusCode(),
                            response.headers().firstValue("x-edgeward-action").orElse(null));
                }
            });
        }
    }

    private HttpRequest request() {
        int product = 1 + random.nextInt(8);
        return HttpRequest.newBuilder(URI.create(front + "/products/" + product))
                .timeout(Duration.ofSeconds(10))
                .header("X-Forwarded-For", AdversaryRun.randomAddress(random))
                .header("User-Agent", AdversaryRun.CHROME)
                .header("Accept", SimulatedVisitor.HTML)
                .header("Accept-Language", "en-GB,en;q=0.9")
                .GET().build();
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
