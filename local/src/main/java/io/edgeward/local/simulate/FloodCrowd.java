package io.edgeward.local.simulate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The clients the flood measurement watches: one blocked by its session (it keeps its cookie, so a block carried in
 * the cookie reaches it), one blocked by its address (it drops cookies: only its address says who it is), and people
 * with valid cookies who keep browsing. {@link #settle} makes the blocks stand before any phase starts; every
 * timeline shares one clock, so a phase's window is the same on each.
 */
final class FloodCrowd {

    private static final Duration BLOCK_WAIT = Duration.ofSeconds(90);

    private final long startNanos = System.nanoTime();
    private final Timeline sessionBlocked = Timeline.startedAt(startNanos);
    private final Timeline addressBlocked = Timeline.startedAt(startNanos);
    private final Timeline humans = Timeline.startedAt(startNanos);
    private final List<Runnable> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private FloodCrowd() {
    }

    /** Gives the people their cookies, blocks the two clients through the admin API and waits until both blocks hold. */
    static FloodCrowd settle(HttpClient http, URI front, AdminApi admin, int people, Random random) {
        FloodCrowd crowd = new FloodCrowd();
        for (int i = 0; i < people; i++) {
            SimulatedVisitor person = new SimulatedVisitor(http, front, fixed("100.64.1." + (i + 1)),
                    AdversaryRun.CHROME, true, true, crowd.humans);
            person.page("/", Adversary.assetsOf("/"));
            Random own = new Random(random.nextLong());
            crowd.loops.add(() -> {
                String page = Adversary.CATALOGUE.get(own.nextInt(Adversary.CATALOGUE.size()));
                person.page(page, Adversary.assetsOf(page));
                pause(300 + own.nextInt(1200));
            });
        }
        SimulatedVisitor bySession = new SimulatedVisitor(http, front, fixed(Flood.SESSION_BLOCKED),
                AdversaryRun.CHROME, true, true, crowd.sessionBlocked);
        bySession.fetch("/", SimulatedVisitor.HTML);
        String sid = SessionClaims.sessionId(bySession.sessionCookie());
        if (sid == null) {
            throw new IllegalStateException("the front set no readable session cookie");
        }
        admin.decide("session", sid, "block", "simulate flood: session-blocked client");
        SimulatedVisitor byAddress = new SimulatedVisitor(http, front, fixed(Flood.ADDRESS_BLOCKED),
                AdversaryRun.CHROME, false, true, crowd.addressBlocked);
        admin.decide("ip", Flood.ADDRESS_BLOCKED, "block", "simulate flood: address-blocked client");
        awaitBlock(bySession, "session");
        awaitBlock(byAddress, "address");
        crowd.loops.add(() -> {
            bySession.fetch("/products/" + (1 + random.nextInt(8)), SimulatedVisitor.HTML);
            pause(200);
        });
        crowd.loops.add(() -> {
            byAddress.fetch("/products/" + (1 + random.nextInt(8)), SimulatedVisitor.HTML);
            pause(200);
        });
        return crowd;
    }

    /** A timeline on the crowd's clock. */
    Timeline newTimeline() {
        return Timeline.startedAt(startNanos);
    }

    void start() {
        for (Runnable loop : loops) {
            Thread thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    loop.run();
                }
            }, "flood-crowd");
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(15_000);
        }
    }

    Timeline sessionBlocked() {
        return sessionBlocked;
    }

    Timeline addressBlocked() {
        return addressBlocked;
    }

    Timeline humans() {
        return humans;
    }

    private static void awaitBlock(SimulatedVisitor v, String what) {
        long until = System.nanoTime() + BLOCK_WAIT.toNanos();
        while (System.nanoTime() < until) {
            if ("block".equals(v.fetch("/products/1", SimulatedVisitor.HTML).action())) {
                return;
            }
            pause(500);
        }
        throw new IllegalStateException("the " + what + " block did not take effect within " + BLOCK_WAIT);
    }

    private static java.util.function.Supplier<String> fixed(String ip) {
        return () -> ip;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
