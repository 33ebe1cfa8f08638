package io.edgeward.protector.goodbots;

import io.edgeward.env.net.IpAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides whether a request that claims to be a good bot is one, without ever waiting on DNS.
 *
 * <p>A listed CIDR answers at once. Otherwise the cached FCrDNS result answers; on a cache miss the address
 * is queued for verification on a small bounded executor and the claim is {@link GoodBotStatus.Pending}
 * until the result is cached. A full queue drops the job (counted); the next sighting queues it again.
 * DNS failures are cached as unverified for the negative TTL, so an outage cannot make us challenge
 * real crawlers for long, nor let an impostor through.
 */
public final class GoodBotVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GoodBotVerifier.class);

    private final List<GoodBot> bots;
    private final DnsResolver dns;
    private final Clock clock;
    private final Duration positiveTtl;
    private final Duration negativeTtl;
    private final Map<String, Cached> cache;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();

    public GoodBotVerifier(List<GoodBot> bots, DnsResolver dns, Clock clock, GoodBotSettings settings) {
        this.bots = List.copyOf(bots);
        this.dns = dns;
        this.clock = clock;
        this.positiveTtl = settings.positiveTtl();
        this.negativeTtl = settings.negativeTtl();
        int maxEntries = settings.cacheSize();
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > maxEntries;
            }
        });
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueSize()), r -> {
                    Thread t = new Thread(r, "goodbot-dns-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The first configured bot whose pattern the user agent matches, or null. */
    public GoodBot claimedBot(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        for (GoodBot bot : bots) {
            if (bot.claimedBy(userAgent)) {
                return bot;
            }
        }
        return null;
    }

    /** Whether this address proves the claim to be {@code bot} (null: no claim). Never waits on DNS. */
    public GoodBotStatus verify(GoodBot bot, byte[] ip) {
        if (bot == null) {
            return GoodBotStatus.NOT_CLAIMED;
        }
        if (ip == null) {
            return new GoodBotStatus.Unverified(bot.name());
        }
        if (bot.listedAddress(ip)) {
            return new GoodBotStatus.Verified(bot.name(), "cidr");
        }
        if (bot.reverseDnsSuffixes().isEmpty()) {
            return new GoodBotStatus.Unverified(bot.name());
        }
        String key = bot.name() + "|" + IpAddress.ofBytes(ip);
        Cached cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.verified() ? new GoodBotStatus.Verified(bot.name(), "rdns") : new GoodBotStatus.Unverified(bot.name());
        }
        schedule(bot, ip, key);
        return new GoodBotStatus.Pending(bot.name());
    }

    private void schedule(GoodBot bot, byte[] ip, String key) {
        if (!inFlight.add(key)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    boolean verified = forwardConfirmed(bot, ip);
                    Instant now = clock.instant();
                    cache.put(key, new Cached(verified, now.plus(verified ? positiveTtl : negativeTtl)));
                    log.debug("goodbot.verify bot={} verified={}", bot.name(), verified);
                } finally {
                    inFlight.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key);
            dropped.incrementAndGet();
        }
    }

    private boolean forwardConfirmed(GoodBot bot, byte[] ip) {
        try {
            for (String host : dns.reverse(ip)) {
                if (bot.ownsHostName(host)) {
                    for (byte[] address : dns.forward(host)) {
                        if (Arrays.equals(address, ip)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (Exception e) {
            log.warn("goodbot.verify bot={} failed: {}", bot.name(), e.toString());
            return false;
        }
    }

    /** Verification jobs dropped because the queue was full. */
    public long droppedVerifications() {
        return dropped.get();
    }

    public int cacheSize() {
        return cache.size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private record Cached(boolean verified, Instant until) {
    }
}
